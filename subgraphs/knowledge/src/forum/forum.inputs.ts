import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new forum thread with its first post.' })
export class StartForumThreadInput {
  @Field(() => ID, { nullable: true, description: 'The session it is about; leave out for a general thread.' })
  sessionId?: string | null;

  @Field(() => String, { description: '5 to 200 characters.' })
  title!: string;

  @Field(() => String, { description: 'The first post: plain text, 1 to 5,000 characters.' })
  body!: string;
}

@InputType({ description: 'A post in an existing thread.' })
export class PostToForumInput {
  @Field(() => ID)
  threadId!: string;

  @Field(() => String, { description: 'Plain text, 1 to 5,000 characters.' })
  body!: string;
}
