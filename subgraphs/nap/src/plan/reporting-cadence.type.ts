import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** How often a plan says it reports on its own progress. */
export enum ReportingCadence {
  ANNUAL = 'ANNUAL',
  SEMI_ANNUAL = 'SEMI_ANNUAL',
  QUARTERLY = 'QUARTERLY',
  BIENNIAL = 'BIENNIAL',
  OTHER = 'OTHER',
}
registerEnumType(ReportingCadence, {
  name: 'ReportingCadence',
  valuesConfig: { SEMI_ANNUAL: { description: 'Every six months.' }, BIENNIAL: { description: 'Every two years.' }, OTHER: { description: 'Another rhythm, in the note.' } },
});

@ObjectType({ description: "How often the plan itself says its progress is reported, in its words, and where that is stated." })
export class PlanReportingCadence {
  @Field(() => ReportingCadence)
  cadence!: ReportingCadence;

  @Field(() => String, { nullable: true, description: 'What the plan or the source says, e.g. "six-monthly progress reports".' })
  note!: string | null;

  @Field(() => [String], { description: 'Where the cadence is stated (URLs or document references).' })
  sources!: string[];

  @Field(() => Boolean, { description: 'True when the cadence was generated for the demo network; false when it comes from a source or the member.' })
  isDemo!: boolean;
}
