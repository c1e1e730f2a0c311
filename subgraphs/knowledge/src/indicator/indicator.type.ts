import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { IndicatorStatus, Pillar } from '../common/enums.js';

/**
 * The NAP contract owns Indicator, Outcome and Output (each member state
 * serves its own). Knowledge declares the fields it reads through @requires
 * as @external, and adds "who solved this" next to them.
 */
@Directive('@key(fields: "countryCode id", resolvable: false)')
@ObjectType()
export class Outcome {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => Pillar, { nullable: true })
  pillar!: Pillar | null;
}

@Directive('@key(fields: "countryCode id", resolvable: false)')
@ObjectType()
export class Output {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => Outcome)
  outcome!: Outcome;
}

@Directive('@key(fields: "countryCode id")')
@ObjectType()
export class Indicator {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => String)
  title!: string;

  @Directive('@external')
  @Field(() => IndicatorStatus)
  status!: IndicatorStatus;

  @Directive('@external')
  @Field(() => Outcome, { nullable: true })
  outcome!: Pick<Outcome, 'pillar'> | null;

  @Directive('@external')
  @Field(() => Output, { nullable: true })
  output!: { outcome?: Pick<Outcome, 'pillar'> | null } | null;
}
