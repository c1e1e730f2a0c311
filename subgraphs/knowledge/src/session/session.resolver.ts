import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SessionTiming } from '../common/enums.js';
import type { KnowledgeContext } from '../context.js';
import { sessionToICalendar } from './session-calendar.js';
import { ScheduleLearningSessionInput } from './session.inputs.js';
import { listSessions, scheduleSession, timingOf } from './session.service.js';
import { LearningSession } from './session.type.js';

@Resolver(() => LearningSession)
export class LearningSessionResolver {
  @Query(() => [LearningSession], { description: 'The calendar: every session latest first, or only UPCOMING (soonest first) or PAST (latest first) ones.' })
  learningSessions(
    @Ctx() context: KnowledgeContext,
    @Arg('when', () => SessionTiming, { nullable: true }) when?: SessionTiming | null,
  ): Promise<LearningSession[]> {
    return listSessions(context.dataSource, when);
  }

  @Query(() => LearningSession, { nullable: true })
  learningSession(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<LearningSession | null> {
    return context.loaders.sessionById.load(id);
  }

  @Mutation(() => LearningSession, { description: 'Put a session in the calendar (network admins only).' })
  scheduleLearningSession(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => ScheduleLearningSessionInput) input: ScheduleLearningSessionInput,
    @Ctx() context: KnowledgeContext,
  ): Promise<LearningSession> {
    return scheduleSession(context, input);
  }

  @FieldResolver(() => SessionTiming)
  timing(@Root() session: LearningSession): SessionTiming {
    return timingOf(session);
  }

  @FieldResolver(() => String, {
    description: 'The session as an iCalendar (.ics, text/calendar) document, in its own time zone; also served at GET /sessions/{id}.ics.',
  })
  icalendar(@Root() session: LearningSession): string {
    return sessionToICalendar(session);
  }
}
