import { Field, InputType, Int } from 'type-graphql';
import { SessionAccess, SessionFormat, SessionKind, Theme } from '../common/enums.js';

@InputType({ description: 'A learning session to put in the calendar, at local times in an IANA time zone.' })
export class ScheduleLearningSessionInput {
  @Field(() => String, { description: '5 to 200 characters.' })
  title!: string;

  @Field(() => SessionKind)
  kind!: SessionKind;

  @Field(() => String, { nullable: true })
  series?: string | null;

  @Field(() => String, { description: 'Local start, "YYYY-MM-DDTHH:mm", in timeZone; must be in the future.' })
  localStart!: string;

  @Field(() => String, { description: 'Local end, "YYYY-MM-DDTHH:mm", after the start.' })
  localEnd!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. "Africa/Nairobi".' })
  timeZone!: string;

  @Field(() => SessionAccess)
  access!: SessionAccess;

  @Field(() => Boolean, { defaultValue: false })
  chathamHouse!: boolean;

  @Field(() => Int, { nullable: true, description: 'Seats; leave out for unlimited.' })
  capacity?: number | null;

  @Field(() => [String], { defaultValue: [] })
  hosts!: string[];

  @Field(() => [SessionFormat], { defaultValue: [] })
  formats!: SessionFormat[];

  @Field(() => [Theme], { defaultValue: [] })
  themes!: Theme[];

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { defaultValue: [] })
  objectives!: string[];

  @Field(() => [String], { defaultValue: [] })
  guidingQuestions!: string[];

  @Field(() => String, { nullable: true, description: 'Where to join (http or https).' })
  url?: string | null;
}
