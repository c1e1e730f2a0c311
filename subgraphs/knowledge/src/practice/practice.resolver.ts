import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { Theme } from '../enums.js';
import { LearningSession } from '../session/session.type.js';
import { GoodPractice } from './practice.type.js';

@Resolver(() => GoodPractice)
export class GoodPracticeResolver {
  @Query(() => [GoodPractice], { description: 'Good practices shared by the network, by title; filter by theme or country.' })
  goodPractices(
    @Ctx() context: KnowledgeContext,
    @Arg('theme', () => Theme, { nullable: true }) theme?: Theme | null,
    @Arg('countryCode', () => String, { nullable: true }) countryCode?: string | null,
  ): Promise<GoodPractice[]> {
    return context.practices.list({ theme, countryCode });
  }

  @Query(() => GoodPractice, { nullable: true })
  goodPractice(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<GoodPractice | null> {
    return context.loaders.practiceById.load(id);
  }

  @FieldResolver(() => [Country], { description: 'States the practice comes from, where it is tied to one.' })
  countries(@Root() practice: GoodPractice): Country[] {
    return practice.countryCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => LearningSession, { nullable: true, description: 'The session where it was shared, if any.' })
  async session(@Root() practice: GoodPractice, @Ctx() context: KnowledgeContext): Promise<LearningSession | null> {
    return practice.sessionId ? context.loaders.sessionById.load(practice.sessionId) : null;
  }
}
