import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { LearningSession } from './session.type.js';

@Resolver(() => LearningSession)
export class LearningSessionResolver {
  @Query(() => [LearningSession], { description: 'Learning sessions, latest first.' })
  learningSessions(@Ctx() context: KnowledgeContext): Promise<LearningSession[]> {
    return context.sessions.list();
  }

  @Query(() => LearningSession, { nullable: true })
  learningSession(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<LearningSession | null> {
    return context.loaders.sessionById.load(id);
  }
}
