import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AlignmentFramework, IndicatorKind, IndicatorLevel, ReportingFrequency } from '../common/enums.js';

@InputType({ description: 'A reference value of an indicator, in its unit, and the year it refers to.' })
export class BenchmarkInput {
  @Field(() => Float)
  value!: number;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@InputType({ description: 'A framework indicator a national indicator counts towards.' })
export class AlignmentInput {
  @Field(() => AlignmentFramework)
  frameworkCode!: AlignmentFramework;

  @Field(() => String, { description: 'The framework\'s code: capital letters, digits, dots and hyphens, e.g. "AU-PAR-1".' })
  indicatorCode!: string;
}

@InputType({
  description:
    'A national indicator of a plan. An OUTCOME-level indicator names an outcome of the plan, an OUTPUT-level one an output. ' +
    'Baseline and target are numbers in the unit ("%": 0–100, "number": 0 or more), for quantitative indicators only.',
})
export class CreateIndicatorInput {
  @Field(() => String, { description: 'Unique within the plan.' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => IndicatorLevel)
  level!: IndicatorLevel;

  @Field(() => IndicatorKind, { defaultValue: IndicatorKind.QUANTITATIVE })
  kind!: IndicatorKind;

  @Field(() => String, { description: 'e.g. "%" or "number".' })
  unit!: string;

  @Field(() => BenchmarkInput, { nullable: true })
  baseline?: BenchmarkInput | null;

  @Field(() => BenchmarkInput, { nullable: true })
  target?: BenchmarkInput | null;

  @Field(() => [String], { nullable: true, description: 'Dimensions values are broken down by, e.g. "sex", "age".' })
  disaggregation?: string[] | null;

  @Field(() => String, { nullable: true })
  dataSource?: string | null;

  @Field(() => ReportingFrequency, { nullable: true })
  frequency?: ReportingFrequency | null;

  @Field(() => ID, { nullable: true })
  responsiblePartnerId?: string | null;

  @Field(() => ID, { nullable: true })
  outcomeId?: string | null;

  @Field(() => ID, { nullable: true })
  outputId?: string | null;

  @Field(() => [AlignmentInput], { nullable: true })
  alignments?: AlignmentInput[] | null;
}

@InputType({ description: 'Changes to an indicator: fields left out keep their value; null clears an optional one; `alignments` replaces the set.' })
export class UpdateIndicatorInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => IndicatorLevel, { nullable: true })
  level?: IndicatorLevel | null;

  @Field(() => IndicatorKind, { nullable: true })
  kind?: IndicatorKind | null;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => BenchmarkInput, { nullable: true })
  baseline?: BenchmarkInput | null;

  @Field(() => BenchmarkInput, { nullable: true })
  target?: BenchmarkInput | null;

  @Field(() => [String], { nullable: true })
  disaggregation?: string[] | null;

  @Field(() => String, { nullable: true })
  dataSource?: string | null;

  @Field(() => ReportingFrequency, { nullable: true })
  frequency?: ReportingFrequency | null;

  @Field(() => ID, { nullable: true })
  responsiblePartnerId?: string | null;

  @Field(() => ID, { nullable: true })
  outcomeId?: string | null;

  @Field(() => ID, { nullable: true })
  outputId?: string | null;

  @Field(() => [AlignmentInput], { nullable: true })
  alignments?: AlignmentInput[] | null;
}
