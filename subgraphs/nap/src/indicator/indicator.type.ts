import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AlignmentFramework, IndicatorKind, IndicatorLevel, ReportingFrequency } from '../common/enums.js';

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

  @Field(() => IndicatorLevel)
  level!: IndicatorLevel;

  @Field(() => IndicatorKind)
  kind!: IndicatorKind;

  @Field(() => [String], { description: 'Dimensions values are broken down by, e.g. "sex", "age", "disability", "location".' })
  disaggregation!: string[];

  @Field(() => String, { nullable: true, description: 'Where the values come from.' })
  dataSource!: string | null;

  @Field(() => ReportingFrequency, { nullable: true })
  frequency!: ReportingFrequency | null;

  /** Not fields: relations, for resolvers. */
  planId!: string;
  outcomeId!: string | null;
  outputId!: string | null;
  responsiblePartnerId!: string | null;
}

@ObjectType({ description: 'A framework indicator a national indicator counts towards.' })
export class IndicatorAlignment {
  @Field(() => AlignmentFramework)
  frameworkCode!: AlignmentFramework;

  @Field(() => String, { description: "The framework's code of the indicator, e.g. \"AU-PAR-1\"." })
  indicatorCode!: string;
}
