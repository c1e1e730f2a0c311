import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ActivityStatus, Pillar } from '../common/enums.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A result the plan aims at, under one pillar; outputs lead to it.' })
export class Outcome {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => Pillar, { nullable: true, description: 'The UNSCR 1325 pillar, or null for a national pillar.' })
  pillar!: Pillar | null;

  @Field(() => String, { nullable: true, description: 'The national pillar, when the outcome is not under one of the four.' })
  nationalPillar!: string | null;

  @Field(() => String)
  statement!: string;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Resolved by OutcomeResolver; declared here to stand before the fields other concepts add (indicators, plan). */
  @Field(() => [Output])
  outputs?: Output[];

  /** Not a field. */
  planId!: string;
}

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'What the plan delivers towards an outcome; activities produce it.' })
export class Output {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  statement!: string;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Resolved by OutputResolver; declared here to stand before the fields other concepts add (indicators, outcome). */
  @Field(() => [Activity])
  activities?: Activity[];

  /** Not a field. */
  outcomeId!: string;
}

@ObjectType({ description: 'When an activity runs (ISO dates).' })
export class ActivityTimeline {
  @Field(() => String, { nullable: true })
  startsOn!: string | null;

  @Field(() => String, { nullable: true })
  endsOn!: string | null;
}

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'Work done by a responsible partner towards an output.' })
export class Activity {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ActivityTimeline)
  timeline!: ActivityTimeline;

  @Field(() => ActivityStatus)
  status!: ActivityStatus;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Not fields. */
  outputId!: string;
  responsiblePartnerId!: string | null;
}
