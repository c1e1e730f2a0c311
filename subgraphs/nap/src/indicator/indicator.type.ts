import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A reference value of an indicator and the year it refers to.' })
export class Benchmark {
  @Field(() => Float)
  value!: number;

  @Field(() => Int, { nullable: true })
  year!: number | null;
}

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A national indicator of a plan, with its baseline, target and measurements.' })
export class Indicator {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The member's own code for the indicator, unique within its plan." })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'Unit of value, baseline and target, e.g. "%" or "number".' })
  unit!: string;

  @Field(() => Benchmark, { nullable: true })
  baseline!: Benchmark | null;

  @Field(() => Benchmark, { nullable: true })
  target!: Benchmark | null;

  @Field(() => Boolean, { description: 'True when the indicator was generated for the demo network.' })
  isDemo!: boolean;

  /** Not a field: the plan it belongs to, for resolvers. */
  planId!: string;
}
