import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { PracticeStatus, Theme } from '../enums.js';
import { LearningSession } from '../session/session.type.js';
import { GoodPractice } from './practice.type.js';

@Resolver(() => GoodPractice)
export class GoodPracticeResolver {
  @Query(() => [GoodPractice], {
    description:
      'Good practices shared by the network, by title; filter by theme or country. Published ones by default; DRAFT or REJECTED: network admins see all, other signed-in members their own proposals.',
  })
  goodPractices(
    @Ctx() context: KnowledgeContext,
    @Arg('theme', () => Theme, { nullable: true }) theme?: Theme | null,
    @Arg('countryCode', () => String, { nullable: true }) countryCode?: string | null,
    @Arg('status', () => PracticeStatus, { nullable: true, description: 'Default PUBLISHED.' }) status?: PracticeStatus | null,
  ): Promise<GoodPractice[]> {
    return context.practices.list({ theme, countryCode, status });
  }

  @Query(() => GoodPractice, { nullable: true, description: 'A practice; null when it does not exist or is a proposal the caller may not see.' })
  async goodPractice(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<GoodPractice | null> {
    return context.practices.visible(await context.loaders.practiceById.load(id));
  }

  @FieldResolver(() => [Country], { description: 'States the practice comes from, where it is tied to one.' })
  countries(@Root() practice: GoodPractice): Country[] {
    return practice.countryCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => LearningSession, { nullable: true, description: 'The session where it was shared, if any.' })
  async session(@Root() practice: GoodPractice, @Ctx() context: KnowledgeContext): Promise<LearningSession | null> {
    return practice.sessionId ? context.loaders.sessionById.load(practice.sessionId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The moderator's note: shown to the proposer and network admins only." })
  moderationNote(@Root() practice: GoodPractice, @Ctx() context: KnowledgeContext): string | null {
    return context.practices.canSeeModeration(practice) ? practice.moderationNote : null;
  }
}
