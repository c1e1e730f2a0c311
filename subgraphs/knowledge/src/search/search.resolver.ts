import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { searchKnowledge } from './search.service.js';
import { KnowledgeSearchConnection, KnowledgeSearchFilter } from './search.type.js';

@Resolver()
export class SearchResolver {
  @Query(() => KnowledgeSearchConnection, {
    description:
      'Full-text search over published good practices, learning sessions and resources (titles, summaries, themes and tags, body), best first, with highlighted snippets; tolerates typos in titles and theme names. Page with `first` (1–50, default 10) and `after` (a cursor from the previous page).',
  })
  search(
    @Arg('query', () => String, { description: 'Words to find; every word must match (or start a longer word).' }) query: string,
    @Ctx() context: KnowledgeContext,
    @Arg('filter', () => KnowledgeSearchFilter, { nullable: true }) filter?: KnowledgeSearchFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<KnowledgeSearchConnection> {
    return searchKnowledge(context.dataSource, query, filter, first, after);
  }
}
