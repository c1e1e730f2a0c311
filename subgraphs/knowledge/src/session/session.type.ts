import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SessionAccess, SessionFormat, SessionKind, SessionTiming, Theme } from '../common/enums.js';

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

  @Field(() => String, {
    nullable: true,
    description:
      'IANA time zone of startsAt and endsAt; null for a date-only session. Real sessions recorded with a UTC offset only get the fixed-offset zone (UTC−05:00 is "Etc/GMT+5").',
  })
  timeZone!: string | null;

  @Field(() => Date, { description: 'The start as an instant (UTC); midnight UTC for a date-only session.' })
  startsAtUtc!: Date;

  @Field(() => Date, { nullable: true, description: 'The end as an instant (UTC), exclusive; null when not known.' })
  endsAtUtc!: Date | null;

  @Field(() => [String], { description: 'Hosts or organisers.' })
  hosts!: string[];

  @Field(() => SessionAccess, { nullable: true })
  access!: SessionAccess | null;

  @Field(() => Boolean, { description: 'Held under the Chatham House rule: forum posts around it are not attributed.' })
  chathamHouse!: boolean;

  @Field(() => [SessionFormat])
  formats!: SessionFormat[];

  @Field(() => [String])
  objectives!: string[];

  @Field(() => [String])
  guidingQuestions!: string[];

  @Field(() => [String], { description: 'Modules of a multi-part session (a virtual dialogue).' })
  modules!: string[];

  @Field(() => [String], { description: 'Themes of the breakout groups.' })
  breakoutThemes!: string[];

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [String], { description: 'What the session agreed or found.' })
  outcomes!: string[];

  @Field(() => String, { nullable: true, description: 'Where to join or read more.' })
  url!: string | null;

  @Field(() => [Theme])
  themes!: Theme[];

  @Field(() => Int, { nullable: true, description: 'How many took part (past sessions, where recorded).' })
  participants!: number | null;

  @Field(() => Int, { nullable: true, description: 'Seats; null means unlimited.' })
  capacity!: number | null;

  @Field(() => Boolean, { description: 'True for sessions generated for the demo network.' })
  isDemo!: boolean;

  /** Resolved by LearningSessionResolver; declared here to stand before the fields other concepts add (registrations, practices, forum). */
  @Field(() => SessionTiming, { description: 'UPCOMING until the session has ended, then PAST.' })
  timing?: SessionTiming;
}
