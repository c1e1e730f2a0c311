import { Field, ID, InputType } from 'type-graphql';
import { ActivityStatus, Pillar } from '../common/enums.js';

@InputType({ description: 'An outcome of a plan: exactly one of `pillar` and `nationalPillar` (one of the plan\'s nationalPillars).' })
export class CreateOutcomeInput {
  @Field(() => String, { description: 'Unique within the plan.' })
  code!: string;

  @Field(() => Pillar, { nullable: true })
  pillar?: Pillar | null;

  @Field(() => String, { nullable: true })
  nationalPillar?: string | null;

  @Field(() => String)
  statement!: string;
}

@InputType({ description: 'Changes to an outcome: fields left out keep their value; to move it, give exactly one of `pillar` and `nationalPillar`.' })
export class UpdateOutcomeInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => Pillar, { nullable: true })
  pillar?: Pillar | null;

  @Field(() => String, { nullable: true })
  nationalPillar?: string | null;

  @Field(() => String, { nullable: true })
  statement?: string | null;
}

@InputType({ description: 'An output towards an outcome.' })
export class CreateOutputInput {
  @Field(() => String, { description: 'Unique within the outcome.' })
  code!: string;

  @Field(() => String)
  statement!: string;
}

@InputType({ description: 'Changes to an output: fields left out keep their value.' })
export class UpdateOutputInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  statement?: string | null;
}

@InputType({ description: 'An activity towards an output: dates inside the plan period, the responsible partner one of the same plan.' })
export class CreateActivityInput {
  @Field(() => String, { description: 'Unique within the output.' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true })
  responsiblePartnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD.' })
  startsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD, not before startsOn.' })
  endsOn?: string | null;

  @Field(() => ActivityStatus, { defaultValue: ActivityStatus.PLANNED })
  status!: ActivityStatus;
}

@InputType({ description: 'Changes to an activity: fields left out keep their value; null clears an optional one.' })
export class UpdateActivityInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => ID, { nullable: true })
  responsiblePartnerId?: string | null;

  @Field(() => String, { nullable: true })
  startsOn?: string | null;

  @Field(() => String, { nullable: true })
  endsOn?: string | null;

  @Field(() => ActivityStatus, { nullable: true })
  status?: ActivityStatus | null;
}
