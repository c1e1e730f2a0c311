import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { SessionTiming } from '../enums.js';
import { ForumThread } from '../forum/forum.type.js';
import { GoodPractice } from '../practice/practice.type.js';
import { SessionRegistration } from '../registration/registration.type.js';
import { ScheduleLearningSessionInput } from './session.inputs.js';
import { sessionToICalendar } from './session-calendar.js';
import { LearningSession } from './session.type.js';

@Resolver(() => LearningSession)
export class LearningSessionResolver {
  @Query(() => [LearningSession], { description: 'The calendar: every session latest first, or only UPCOMING (soonest first) or PAST (latest first) ones.' })
  learningSessions(
    @Ctx() context: KnowledgeContext,
    @Arg('when', () => SessionTiming, { nullable: true }) when?: SessionTiming | null,
  ): Promise<LearningSession[]> {
    return context.sessions.list(when);
  }

  @Query(() => LearningSession, { nullable: true })
  learningSession(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<LearningSession | null> {
    return context.loaders.sessionById.load(id);
  }

  @Mutation(() => LearningSession, { description: 'Put a session in the calendar (network admins only).' })
  scheduleLearningSession(@Arg('input', () => ScheduleLearningSessionInput) input: ScheduleLearningSessionInput, @Ctx() context: KnowledgeContext): Promise<LearningSession> {
    return context.sessions.schedule(input);
  }

  @FieldResolver(() => SessionTiming, { description: 'UPCOMING until the session has ended, then PAST.' })
  timing(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): SessionTiming {
    return context.sessions.timingOf(session);
  }

  @FieldResolver(() => Int, { description: 'Seats taken: confirmed registrations and pending requests.' })
  registeredCount(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<number> {
    return context.loaders.seatsTakenBySession.load(session.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seats still free; null when the session is unlimited.' })
  async seatsLeft(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<number | null> {
    if (session.capacity === null) return null;
    return Math.max(0, session.capacity - (await context.loaders.seatsTakenBySession.load(session.id)));
  }

  @FieldResolver(() => SessionRegistration, { nullable: true, description: "The signed-in member's registration, if any." })
  myRegistration(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<SessionRegistration | null> {
    return context.loaders.myRegistrationBySession.load(session.id);
  }

  @FieldResolver(() => [SessionRegistration], { nullable: true, description: 'Everyone registered (network admins only: others get FORBIDDEN here).' })
  registrations(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<SessionRegistration[]> {
    return context.registrations.forSession(session.id);
  }

  @FieldResolver(() => String, {
    description: 'The session as an iCalendar (.ics, text/calendar) document, in its own time zone; also served at GET /sessions/{id}.ics.',
  })
  icalendar(@Root() session: LearningSession): string {
    return sessionToICalendar(session);
  }

  @FieldResolver(() => [GoodPractice], { description: 'Published practices shared in this session.' })
  goodPractices(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<GoodPractice[]> {
    return context.loaders.practicesBySession.load(session.id);
  }

  @FieldResolver(() => [ForumThread], { description: 'Forum threads around this session that the caller may read.' })
  forumThreads(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<ForumThread[]> {
    return context.loaders.readableThreadsBySession.load(session.id);
  }
}
