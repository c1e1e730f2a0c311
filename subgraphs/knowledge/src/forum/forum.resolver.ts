import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { LearningSession } from '../session/session.type.js';
import { PostToForumInput, StartForumThreadInput } from './forum.inputs.js';
import { authorNameFor, postToForum, readableThreads, startThread, visibleThread } from './forum.service.js';
import { ForumPost, ForumThread } from './forum.type.js';

@Resolver(() => ForumThread)
export class ForumThreadResolver {
  @Query(() => [ForumThread], {
    description: "Forum threads the caller may read, latest activity first; a session's threads when sessionId is given. The public sees general threads and those of open sessions not under the Chatham House rule.",
  })
  forumThreads(@Ctx() context: KnowledgeContext, @Arg('sessionId', () => ID, { nullable: true }) sessionId?: string | null): Promise<ForumThread[]> {
    return readableThreads(context, sessionId ? [sessionId] : null);
  }

  @Query(() => ForumThread, { nullable: true, description: 'A thread; null when it does not exist or the caller may not read it.' })
  forumThread(@Arg('id', () => ID) id: string, @Ctx() context: KnowledgeContext): Promise<ForumThread | null> {
    return visibleThread(context.principal, context.loaders, id);
  }

  @Mutation(() => ForumThread, { description: 'Start a thread with its first post (network members).' })
  startForumThread(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => StartForumThreadInput) input: StartForumThreadInput,
    @Ctx() context: KnowledgeContext,
  ): Promise<ForumThread> {
    return startThread(context, input);
  }

  @Mutation(() => ForumPost, { description: 'Post a question or comment in a thread (network members).' })
  postToForum(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => PostToForumInput) input: PostToForumInput,
    @Ctx() context: KnowledgeContext,
  ): Promise<ForumPost> {
    return postToForum(context, input);
  }

  @FieldResolver(() => LearningSession, { nullable: true, description: 'The session the thread is about; null for a general thread.' })
  async session(@Root() thread: ForumThread, @Ctx() context: KnowledgeContext): Promise<LearningSession | null> {
    return thread.sessionId ? context.loaders.sessionById.load(thread.sessionId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who opened it: for network members, except around Chatham House sessions.' })
  async authorName(@Root() thread: ForumThread, @Ctx() context: KnowledgeContext): Promise<string | null> {
    const session = thread.sessionId ? await context.loaders.sessionById.load(thread.sessionId) : null;
    const author = thread.authorRef ? await context.loaders.personByRef.load(thread.authorRef) : null;
    return authorNameFor(context.principal, author, session);
  }

  @FieldResolver(() => [ForumPost], { description: 'Posts, oldest first.' })
  posts(@Root() thread: ForumThread, @Ctx() context: KnowledgeContext): Promise<ForumPost[]> {
    return context.loaders.postsByThread.load(thread.id);
  }

  @FieldResolver(() => Int)
  async postCount(@Root() thread: ForumThread, @Ctx() context: KnowledgeContext): Promise<number> {
    return (await context.loaders.postsByThread.load(thread.id)).length;
  }

  @FieldResolver(() => Date, { description: 'When the latest post was written.' })
  async lastPostAt(@Root() thread: ForumThread, @Ctx() context: KnowledgeContext): Promise<Date> {
    const posts = await context.loaders.postsByThread.load(thread.id);
    return posts.at(-1)?.postedAt ?? thread.createdAt;
  }
}

@Resolver(() => ForumPost)
export class ForumPostResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who wrote it: for network members, except around Chatham House sessions.' })
  async authorName(@Root() post: ForumPost, @Ctx() context: KnowledgeContext): Promise<string | null> {
    const thread = await context.loaders.threadById.load(post.threadId);
    const session = thread?.sessionId ? await context.loaders.sessionById.load(thread.sessionId) : null;
    const author = post.authorRef ? await context.loaders.personByRef.load(post.authorRef) : null;
    return authorNameFor(context.principal, author, session);
  }

  @FieldResolver(() => ForumThread)
  async thread(@Root() post: ForumPost, @Ctx() context: KnowledgeContext): Promise<ForumThread> {
    return (await context.loaders.threadById.load(post.threadId))!;
  }
}

/** The forum threads around a session. */
@Resolver(() => LearningSession)
export class SessionForumResolver {
  @FieldResolver(() => [ForumThread], { description: 'Forum threads around this session that the caller may read.' })
  forumThreads(@Root() session: LearningSession, @Ctx() context: KnowledgeContext): Promise<ForumThread[]> {
    return context.loaders.readableThreadsBySession.load(session.id);
  }
}
