import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A forum thread of the network, around a session or general. Threads of open sessions not under the Chatham House rule, and general threads, are public; the others are for network members only.",
})
export class ForumThread {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Boolean, { description: 'True for threads generated for the demo network.' })
  isDemo!: boolean;

  /** Not fields: resolved by ForumThreadResolver. */
  sessionId!: string | null;
  /** The author's person_ref; null once erased. */
  authorRef!: string | null;
}

@ObjectType({ description: 'A question or comment in a forum thread.' })
export class ForumPost {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Plain text; clients escape it.' })
  body!: string;

  @Field(() => Date)
  postedAt!: Date;

  @Field(() => Boolean, { description: 'True for posts generated for the demo network.' })
  isDemo!: boolean;

  /** Not fields: resolved by ForumPostResolver. */
  threadId!: string;
  /** The author's person_ref; null once erased. */
  authorRef!: string | null;
}
