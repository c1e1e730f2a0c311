import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SessionAccess, SessionFormat, SessionKind, Theme } from '../enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A learning session of the Focal Points Network (webinar, working group, virtual dialogue).' })
export class LearningSession {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => SessionKind)
  kind!: SessionKind;

  @Field(() => String, { nullable: true })
  series!: string | null;

  @Field(() => String, { description: 'Start as recorded: an ISO date, or a date-time with its UTC offset.' })
  startsAt!: string;

  @Field(() => String, { nullable: true })
  endsAt!: string | null;

  @Field(() => [String], { description: 'Hosts or organisers.' })
  hosts!: string[];

  @Field(() => SessionAccess, { nullable: true })
  access!: SessionAccess | null;

  @Field(() => Boolean, { description: 'Held under the Chatham House rule.' })
  chathamHouse!: boolean;

  @Field(() => [SessionFormat])
  formats!: SessionFormat[];

  @Field(() => [String])
  objectives!: string[];

  @Field(() => [String])
  guidingQuestions!: string[];

  @Field(() => [Theme])
  themes!: Theme[];

  @Field(() => Int, { nullable: true })
  participants!: number | null;

  @Field(() => Boolean, { description: 'True for sessions generated for the demo network.' })
  isDemo!: boolean;
}
