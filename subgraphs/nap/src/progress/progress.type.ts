import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { IndicatorStatus } from '../common/enums.js';
import { Benchmark, Indicator } from '../indicator/indicator.type.js';

/**
 * This member's progress on one framework indicator, as of a year: its
 * national indicators aligned to it, each with its latest published value
 * up to that year and its status, and the row's status, the worst of theirs.
 * The regional subgraph lists one of these per framework member; the hub
 * routes each to the member that owns it.
 */
@Directive('@key(fields: "countryCode frameworkCode indicatorCode year")')
@ObjectType()
export class CountryIndicatorProgress {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  frameworkCode!: string;

  @Field(() => String)
  indicatorCode!: string;

  @Field(() => Int)
  year!: number;
}

@ObjectType({ description: 'A national indicator aligned to a framework indicator, as of a year.' })
export class AlignedIndicatorProgress {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => IndicatorStatus)
  status!: IndicatorStatus;

  @Field(() => Float, { nullable: true, description: 'p = (v − b) / (t − b) for the latest published value.' })
  progress!: number | null;

  @Field(() => Float, { nullable: true, description: 'The latest published value up to the year.' })
  latestValue!: number | null;

  @Field(() => String, { nullable: true, description: 'The period of that value.' })
  latestPeriod!: string | null;

  @Field(() => Benchmark, { nullable: true })
  baseline!: Benchmark | null;

  @Field(() => Benchmark, { nullable: true })
  target!: Benchmark | null;
}

/** Whether this member's current plan has what a working NAP needs (for a framework's coverage view). */
@Directive('@key(fields: "countryCode")')
@ObjectType()
export class MemberCoverage {
  @Field(() => String)
  countryCode!: string;
}

/** The framework indicator codes this member's current plan aligns to, in one framework. */
@Directive('@key(fields: "countryCode frameworkCode")')
@ObjectType()
export class MemberAlignments {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  frameworkCode!: string;
}
