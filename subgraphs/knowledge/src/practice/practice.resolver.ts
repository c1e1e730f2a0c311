import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PracticeStatus, Theme } from '../common/enums.js';
import type { KnowledgeContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { LearningSession } from '../session/session.type.js';
import { canSeeModeration, listPractices, visiblePractice } from './practice.service.js';
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
    return listPractices(context, { theme, countryCode, status });
  }

  @Query(() => GoodPractice, { nullable: true, description: 'A practice; null when it does not exist or is a proposal the caller may not see.' })
  async goodPractice(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<GoodPractice | null> {
    return visiblePractice(context.principal, await context.loaders.practiceById.load(id));
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
    return canSeeModeration(context.principal, practice) ? practice.moderationNote : null;
  }
}

/** Good practices tied to a state. */
@Resolver(() => Country)
export class CountryPracticesResolver {
  @FieldResolver(() => [GoodPractice], { nullable: true, description: 'Good practices tied to this state.' })
  async goodPractices(@Root() country: Country, @Ctx() context: KnowledgeContext): Promise<GoodPractice[]> {
    return (await context.loaders.practicesByCountry.load(country.code)).map((entry) => entry.practice);
  }
}

/** The practices shared in a session. */
@Resolver(() => LearningSession)
export class SessionPracticesResolver {
  @FieldResolver(() => [GoodPractice], { description: 'Published practices shared in this session.' })
  goodPractices(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<GoodPractice[]> {
    return context.loaders.practicesBySession.load(session.id);
  }
}
