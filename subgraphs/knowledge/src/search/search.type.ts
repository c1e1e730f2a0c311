import { createUnionType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { AlignmentFramework, KnowledgeKind, Pillar, SearchMatch, Theme } from '../common/enums.js';
import { GoodPractice } from '../practice/practice.type.js';
import { Resource } from '../resource/resource.type.js';
import { LearningSession } from '../session/session.type.js';

export const KnowledgeItem = createUnionType({
  name: 'KnowledgeItem',
  description: 'Something the knowledge search finds.',
  types: () => [GoodPractice, LearningSession, Resource] as const,
  resolveType: (value) => {
    if ('startsAtUtc' in value) return LearningSession;
    if ('publisher' in value) return Resource;
    return GoodPractice;
  },
});

@InputType({ description: 'Narrow a search; every filter given must hold. Sessions have no countries, pillars or frameworks, so those filters leave them out.' })
export class KnowledgeSearchFilter {
  @Field(() => [KnowledgeKind], { nullable: true, description: 'Only these kinds of items.' })
  kinds?: KnowledgeKind[] | null;

  @Field(() => Theme, { nullable: true })
  theme?: Theme | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of a state the item is tied to.' })
  countryCode?: string | null;

  @Field(() => AlignmentFramework, { nullable: true })
  framework?: AlignmentFramework | null;

  @Field(() => Pillar, { nullable: true })
  pillar?: Pillar | null;

  @Field(() => Int, { nullable: true, description: "The practice's or resource's year, or the year a session started." })
  year?: number | null;
}

@ObjectType({ description: 'One search result.' })
export class KnowledgeSearchEdge {
  @Field(() => KnowledgeItem)
  node!: GoodPractice | LearningSession | Resource;

  @Field(() => String, {
    description: 'A passage of the item (title first) around the match, HTML-escaped, with the matched words in <mark>…</mark>.',
  })
  snippet!: string;

  @Field(() => Float, {
    description:
      'Higher is better. Full-text matches score 1 + ts_rank_cd (title and themes > summary > body, normalised by length); typo matches score their trigram similarity (below 1). Generated demo items count half.',
  })
  rank!: number;

  @Field(() => SearchMatch)
  matchedBy!: SearchMatch;

  @Field(() => String, { description: 'Opaque; pass as `after` for the results that follow this one.' })
  cursor!: string;
}

@ObjectType({ description: 'Where a page of results ends.' })
export class SearchPageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge; null on an empty page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'Search results, best first, a page at a time.' })
export class KnowledgeSearchConnection {
  @Field(() => [KnowledgeSearchEdge])
  edges!: KnowledgeSearchEdge[];

  @Field(() => SearchPageInfo)
  pageInfo!: SearchPageInfo;

  @Field(() => Int, { description: 'How many items match in all.' })
  totalCount!: number;
}
