import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PublicationStatus } from '../common/enums.js';
import { Period } from '../common/period.type.js';
import { Benchmark } from '../indicator/indicator.type.js';

export enum LocalPlanLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  MUNICIPALITY = 'MUNICIPALITY',
}
registerEnumType(LocalPlanLevel, {
  name: 'LocalPlanLevel',
  description: "The level of government a local plan belongs to, in the member's own structure.",
  valuesConfig: {
    PROVINCE: { description: 'The first level below the state: a province, region, state of a federation or county (Kenya).' },
    DISTRICT: { description: 'The second level: a district, department or local government area (Nigeria).' },
    MUNICIPALITY: { description: 'A city, town or commune.' },
  },
});

/** The value kinds of the national indicators (indicator-values.ts): a count ("number") or a percentage ("%"). */
export enum LocalValueKind {
  COUNT = 'COUNT',
  PERCENTAGE = 'PERCENTAGE',
}
registerEnumType(LocalValueKind, {
  name: 'LocalValueKind',
  description: 'What a local value is: a COUNT (0 or more; national unit "number") or a PERCENTAGE (0 to 100; national unit "%").',
});

export enum LocalRollUpMethod {
  SUM = 'SUM',
  MEAN = 'MEAN',
}
registerEnumType(LocalRollUpMethod, {
  name: 'LocalRollUpMethod',
  description: 'How local values become one figure: counts are added up (SUM), percentages averaged without weights (MEAN).',
});

@ObjectType({ description: 'A local (sub-national) action plan: a province, district or municipality localising the national plan, with its own indicators.' })
export class LocalActionPlan {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the member state.' })
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => LocalPlanLevel)
  level!: LocalPlanLevel;

  @Field(() => String, { description: 'The area the plan is for, e.g. "Baringo County".' })
  areaName!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code of the area where it has one, e.g. "KE-01".' })
  areaCode!: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => Period)
  period!: Period;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date, as precise as known: "2021", "2021-06" or "2021-06-15".' })
  adoptedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The local authority that leads the plan, e.g. "County Department of Gender".' })
  leadAuthority!: string | null;

  @Field(() => PublicationStatus, { description: 'DRAFT plans, their indicators and values are seen by the member only.' })
  status!: PublicationStatus;

  @Field(() => [String], { description: 'Where the facts of the plan (its existence, area, title, adoption) come from.' })
  sources!: string[];

  @Field(() => [String], { description: 'Fields whose values were generated for the demo network and are not official facts (for example "period", "leadAuthority").' })
  demoFields!: string[];

  @Field(() => Boolean, { description: 'True when the plan was seeded for the demo network: its indicators and values are generated even where its name is real.' })
  isDemo!: boolean;

  /** Not a field: the national plan it localises. */
  planId!: string;
}

@ObjectType({ description: 'An indicator of a local plan; it may roll up to one national indicator of the same national plan.' })
export class LocalIndicator {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The local plan's own code, unique within it." })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => LocalValueKind)
  valueKind!: LocalValueKind;

  @Field(() => String, { description: 'The unit, as national indicators write it: "number" for COUNT, "%" for PERCENTAGE.' })
  unit!: string;

  @Field(() => Benchmark, { nullable: true })
  target!: Benchmark | null;

  @Field(() => Boolean, { description: 'True when the indicator was generated for the demo network.' })
  isDemo!: boolean;

  /** Not fields: relations, for resolvers. */
  localPlanId!: string;
  nationalIndicatorId!: string | null;
}

@ObjectType({ description: 'A value of a local indicator for one period.' })
export class LocalMeasurement {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '"2023", "2023-H1", "2023-Q2" or "2023-06".' })
  period!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Boolean, { description: 'True when the value was generated for the demo network.' })
  isDemo!: boolean;

  /** Not a field: the local indicator it measures. */
  localIndicatorId!: string;
}

@ObjectType({ description: 'How many local plans link a local indicator to a national indicator, and how many of them have reported a value.' })
export class LocalRollUpCoverage {
  @Field(() => Int, { description: 'Local plans with a value for their linked indicator.' })
  reporting!: number;

  @Field(() => Int, { description: 'Local plans with an indicator linked to this national indicator.' })
  linked!: number;
}

@ObjectType({
  description:
    "The local plans' values of a national indicator, rolled up: each linked local indicator contributes its latest value (values of different periods may meet; see earliestPeriod and latestPeriod).",
})
export class LocalRollUp {
  @Field(() => LocalRollUpMethod)
  method!: LocalRollUpMethod;

  @Field(() => Float, { nullable: true, description: 'SUM or MEAN of the latest local values; null while no local plan has reported.' })
  value!: number | null;

  @Field(() => LocalRollUpCoverage)
  coverage!: LocalRollUpCoverage;

  @Field(() => String, { nullable: true, description: 'The most recent period among the values rolled up.' })
  latestPeriod!: string | null;

  @Field(() => String, { nullable: true, description: 'The oldest period among the values rolled up (equal to latestPeriod when all report the same period).' })
  earliestPeriod!: string | null;

  @Field(() => Boolean, { description: 'True when any local plan, indicator or value rolled up was generated for the demo network.' })
  isDemo!: boolean;
}
