import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RegistrationDecision } from '../common/enums.js';
import type { KnowledgeContext } from '../context.js';
import { LearningSession } from '../session/session.type.js';
import { cancelRegistration, inviteToSession, myRegistrations, registerForSession, registrationsOf, reviewRegistration } from './registration.service.js';
import { SessionInvitation, SessionRegistration } from './registration.type.js';

@Resolver(() => SessionRegistration)
export class SessionRegistrationResolver {
  @Query(() => [SessionRegistration], { description: "The signed-in member's registrations, soonest session first (empty for the public)." })
  myRegistrations(@Ctx() context: KnowledgeContext): Promise<SessionRegistration[]> {
    return myRegistrations(context);
  }

  @Mutation(() => SessionRegistration, {
    description:
      'Register for a session (network members). OPEN: CONFIRMED; ON_REQUEST: PENDING until an admin decides; INVITATION_ONLY: only when invited (FORBIDDEN otherwise). BAD_USER_INPUT with extensions.reason SESSION_FULL, ALREADY_REGISTERED or SESSION_PAST.',
  })
  registerForSession(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<SessionRegistration> {
    return registerForSession(context, sessionId);
  }

  @Mutation(() => SessionRegistration, { description: 'Give up your seat or request; registering again re-opens it.' })
  cancelSessionRegistration(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<SessionRegistration> {
    return cancelRegistration(context, sessionId);
  }

  @Mutation(() => SessionRegistration, { description: 'Confirm or decline a PENDING request (network admins only).' })
  reviewSessionRegistration(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('decision', () => RegistrationDecision) decision: RegistrationDecision,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<SessionRegistration> {
    return reviewRegistration(context, id, decision);
  }

  @Mutation(() => SessionInvitation, { description: 'Invite a network member, by sign-in subject, to a session (network admins only).' })
  inviteToSession(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('subject', () => String) subject: string,
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<SessionInvitation> {
    return inviteToSession(context, sessionId, subject);
  }

  @FieldResolver(() => LearningSession)
  async session(@Root() registration: SessionRegistration, @Ctx() context: KnowledgeContext): Promise<LearningSession> {
    return (await context.loaders.sessionById.load(registration.sessionId))!;
  }
}

@Resolver(() => SessionInvitation)
export class SessionInvitationResolver {
  @FieldResolver(() => LearningSession)
  async session(@Root() invitation: SessionInvitation, @Ctx() context: KnowledgeContext): Promise<LearningSession> {
    return (await context.loaders.sessionById.load(invitation.sessionId))!;
  }
}

/** The seats of a session, and who holds them. */
@Resolver(() => LearningSession)
export class SessionRegistrationsResolver {
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
    return registrationsOf(context, session.id);
  }
}
