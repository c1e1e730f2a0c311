import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DatePrecision {
  YEAR = 'YEAR',
  MONTH = 'MONTH',
  DAY = 'DAY',
}

registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precise a recorded date is: only what the sources give, never filled in.' });

export enum AuStatusChangeKind {
  SUSPENDED = 'SUSPENDED',
  REINSTATED = 'REINSTATED',
}

registerEnumType(AuStatusChangeKind, { name: 'AuStatusChangeKind' });

export enum RecordField {
  ITERATION = 'ITERATION',
  PERIOD_START = 'PERIOD_START',
  PERIOD_END = 'PERIOD_END',
  ADOPTED_ON = 'ADOPTED_ON',
}

registerEnumType(RecordField, {
  name: 'RecordField',
  description: 'A fact of a plan the public record also gives.',
  valuesConfig: {
    ITERATION: { description: 'The record lists no NAP with this iteration for the state.' },
    PERIOD_START: { description: 'First year of the plan.' },
    PERIOD_END: { description: 'Last year of the plan.' },
    ADOPTED_ON: { description: 'Adoption date (dates of different precision agree when one begins with the other).' },
  },
});

@ObjectType({ description: 'A date as precise as its sources give it.' })
export class RecordDate {
  @Field(() => String, { description: 'ISO 8601: "2016", "2016-05" or "2016-05-12".' })
  value!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;
}

@ObjectType({ description: 'Years a plan covers in the public record.' })
export class RecordPeriod {
  @Field(() => Int, { nullable: true, description: 'Null when the sources give none.' })
  start!: number | null;

  @Field(() => Int, { nullable: true, description: 'Null when open-ended or not known.' })
  end!: number | null;
}

@ObjectType({ description: 'One NAP of a state as the public record gives it, with its sources. Public secondary data, not the member’s own plan.' })
export class PublicNapIteration {
  @Field(() => String)
  countryCode!: string;

  @Field(() => Int, { description: '1 for the first plan, 2 for the second, …' })
  iteration!: number;

  @Field(() => RecordPeriod)
  period!: RecordPeriod;

  @Field(() => RecordDate, { nullable: true, description: 'Null when the sources give no adoption date.' })
  adopted!: RecordDate | null;

  @Field(() => [String], { description: 'Public sources (URLs) of these facts.' })
  sources!: string[];

  @Field(() => Boolean, { description: 'False when the facts could not be confirmed in a primary or tracker source.' })
  verified!: boolean;

  @Field(() => String, { nullable: true, description: 'Context recorded with the facts.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources disagree, when they do.' })
  sourceConflict!: string | null;
}

@ObjectType({ description: 'A dated change of a state’s AU membership status, with its sources.' })
export class AuStatusChange {
  @Field(() => AuStatusChangeKind)
  change!: AuStatusChangeKind;

  @Field(() => RecordDate)
  date!: RecordDate;

  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Field(() => [String])
  sources!: string[];

  @Field(() => String, { nullable: true, description: 'How the sources disagree, when they do.' })
  sourceConflict!: string | null;
}

@ObjectType({ description: 'An AU member’s suspension status, as the public record gives it.' })
export class AuRecordStatus {
  @Field(() => Boolean, { description: 'Suspended from AU activities today (data/memberships.json).' })
  suspended!: boolean;

  @Field(() => String, { nullable: true, description: 'The record’s note on the status, with its dates as the sources give them.' })
  note!: string | null;

  @Field(() => [AuStatusChange], { description: 'Dated suspensions and reinstatements the sources give, oldest first.' })
  changes!: AuStatusChange[];
}

@ObjectType({
  description:
    'The public record of a state’s NAPs (data/naps.json: trackers, ministries, UN Women, with sources): reference data the regional subgraph loads at start, like the catalogues. It is not member data and changes nothing of a member’s sovereignty: a connected member’s own plans (Country.actionPlans) are authoritative, and NationalActionPlan.publicRecordCheck shows where they differ.',
})
export class PublicNapRecord {
  @Field(() => String)
  countryCode!: string;

  @Field(() => Boolean, { description: 'Whether the record lists the state; false means no NAP is known to the record, not that none exists.' })
  listed!: boolean;
}

@ObjectType({ description: 'What a framework’s member states have, by the public record: every member counted, connected or not.' })
export class PublicRecordCoverage {
  @Field(() => String, { description: 'Where the figures come from.' })
  source!: string;

  @Field(() => String, { description: 'When the record was gathered.' })
  gathered!: string;

  @Field(() => Int, { description: 'The year "current" is counted for.' })
  year!: number;

  @Field(() => Int, { description: 'Every member state of the framework.' })
  members!: number;

  @Field(() => Int, { description: 'Members the record lists with at least one NAP.' })
  withNap!: number;

  @Field(() => Int, { description: 'Members with a NAP whose recorded period covers the year.' })
  withCurrentNap!: number;

  @Field(() => Int, { description: 'Members whose latest NAP started by the year with no recorded end (open-ended or not known): not counted as current.' })
  withOpenEndedNap!: number;

  @Field(() => Int, { description: 'Members with a second (or later) NAP.' })
  withSecondGeneration!: number;

  @Field(() => Int, { description: 'Members the record lists no NAP for.' })
  withoutNap!: number;

  @Field(() => Float, { nullable: true, description: 'withNap over members.' })
  napShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'withCurrentNap over members.' })
  currentNapShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'withSecondGeneration over members.' })
  secondGenerationShare!: number | null;
}

@ObjectType({ description: 'A fact where the member’s own plan and the public record differ.' })
export class RecordDifference {
  @Field(() => RecordField)
  field!: RecordField;

  @Field(() => String, { nullable: true, description: 'What the member’s own plan says (authoritative); null when it gives none.' })
  memberValue!: string | null;

  @Field(() => String, { nullable: true, description: 'What the public record says; null when it gives none.' })
  recordValue!: string | null;
}

@ObjectType({ description: 'A member’s plan compared with the public record. The member’s own data is authoritative; the record may be out of date.' })
export class PublicRecordCheck {
  @Field(() => Boolean, { description: 'No difference.' })
  agrees!: boolean;

  @Field(() => [RecordDifference], { description: 'Facts the record gives that the plan does not match (a fact the record lacks is no difference).' })
  differences!: RecordDifference[];

  @Field(() => PublicNapIteration, { nullable: true, description: 'The record’s NAP of the same iteration; null when it lists none.' })
  record!: PublicNapIteration | null;
}

@ObjectType({ description: 'Where a member’s own plans and the public record of its NAPs differ, by iteration.' })
export class RecordDisagreement {
  @Field(() => Int)
  iteration!: number;

  @Field(() => RecordField, { description: 'ITERATION: one side lists a plan the other does not (its value null).' })
  field!: RecordField;

  @Field(() => String, { nullable: true, description: 'What the member’s own plan says (authoritative); null when it gives none.' })
  memberValue!: string | null;

  @Field(() => String, { nullable: true, description: 'What the public record says; null when it gives none.' })
  recordValue!: string | null;
}
