import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { RegistrationDecision } from '../enums.js';
import { LearningSession } from '../session/session.type.js';
import { SessionInvitation, SessionRegistration } from './registration.type.js';

@Resolver(() => SessionRegistration)
export class SessionRegistrationResolver {
  @Query(() => [SessionRegistration], { description: "The signed-in member's registrations, soonest session first (empty for the public)." })
  myRegistrations(@Ctx() context: KnowledgeContext): Promise<SessionRegistration[]> {
    return context.registrations.mine();
  }

  @Mutation(() => SessionRegistration, {
    description:
      'Register for a session (network members). OPEN: CONFIRMED; ON_REQUEST: PENDING until an admin decides; INVITATION_ONLY: only when invited (FORBIDDEN otherwise). BAD_USER_INPUT with extensions.reason SESSION_FULL, ALREADY_REGISTERED or SESSION_PAST.',
  })
  registerForSession(@Arg('sessionId', () => ID) sessionId: string, @Ctx() context: KnowledgeContext): Promise<SessionRegistration> {
    return context.registrations.register(sessionId);
  }

  @Mutation(() => SessionRegistration, { description: 'Give up your seat or request; registering again re-opens it.' })
  cancelSessionRegistration(@Arg('sessionId', () => ID) sessionId: string, @Ctx() context: KnowledgeContext): Promise<SessionRegistration> {
    return context.registrations.cancel(sessionId);
  }

  @Mutation(() => SessionRegistration, { description: 'Confirm or decline a PENDING request (network admins only).' })
  reviewSessionRegistration(
    @Arg('decision', () => RegistrationDecision) decision: RegistrationDecision,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<SessionRegistration> {
    return context.registrations.review(id, decision);
  }

  @Mutation(() => SessionInvitation, { description: 'Invite a network member, by sign-in subject, to a session (network admins only).' })
  inviteToSession(
    @Arg('subject', () => String) subject: string,
    @Arg('sessionId', () => ID) sessionId: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<SessionInvitation> {
    return context.registrations.invite(sessionId, subject);
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
