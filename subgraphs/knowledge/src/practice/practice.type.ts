import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Theme } from '../enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Something that worked, shared by the network.' })
export class GoodPractice {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => [Theme])
  themes!: Theme[];

  @Field(() => String, { description: 'Where it was recorded: a session id, a document reference or a URL.' })
  source!: string;

  @Field(() => Int, { nullable: true, description: 'Year it was recorded, where known.' })
  year!: number | null;

  @Field(() => Boolean, { description: 'True for practices generated for the demo network.' })
  isDemo!: boolean;

  /** Not fields: resolved by GoodPracticeResolver. */
  countryCodes!: string[];
  sessionId!: string | null;
}
