import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The NAP contract's plan period, as far as regional reads it (through @requires). */
@ObjectType('Period')
export class PlanPeriod {
  @Directive('@external')
  @Field(() => Int, { nullable: true })
  start!: number | null;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  end!: number | null;
}

/** The NAP contract owns the plan (each member's own subgraph); regional compares it with the public record. */
@Directive('@key(fields: "countryCode id")')
@ObjectType()
export class NationalActionPlan {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => Int)
  iteration!: number;

  @Directive('@external')
  @Field(() => PlanPeriod)
  period!: PlanPeriod;

  @Directive('@external')
  @Field(() => String, { nullable: true })
  adoptedOn!: string | null;
}
