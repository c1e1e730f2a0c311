import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MemberStatus } from '../common/enums.js';

export enum CycleMemberState {
  SUBMITTED = 'SUBMITTED',
  RECEIPT_DISAGREES = 'RECEIPT_DISAGREES',
  LATE = 'LATE',
  OPEN = 'OPEN',
}
registerEnumType(CycleMemberState, {
  name: 'CycleMemberState',
  description: "Where a member stands in a reporting cycle, from the hub's receipts and what the member returns now.",
  valuesConfig: {
    SUBMITTED: { description: 'The hub holds a receipt, and the content the member returns now (if it answered) hashes to it.' },
    RECEIPT_DISAGREES: { description: 'The hub holds a receipt, but what the member returns now is another version or hashes differently: it changed what it handed in.' },
    LATE: { description: 'No receipt, and the cycle is past its due date.' },
    OPEN: { description: 'No receipt yet; the cycle is not yet due.' },
  },
});

@Directive('@key(fields: "code")')
@ObjectType({ description: "A framework's reporting cycle: the year reported on and when the report is due (reference data, data/reporting-cycles.json)." })
export class ReportingCycle {
  @Field(() => String, { description: 'For example "AU_CRF-2025".' })
  code!: string;

  @Field(() => String, { description: 'AU_CRF, CEDAW_GR30, EU_GAP_III, OSCE or UN_1325.' })
  frameworkCode!: string;

  @Field(() => Int, { description: 'The calendar year reported on.' })
  year!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'ANNUAL.' })
  cadence!: string;

  @Field(() => String, { description: 'What the cadence rests on.' })
  cadenceNote!: string;

  @Field(() => Boolean, { description: 'True when no source in the data says how often states report to this framework.' })
  cadenceIllustrative!: boolean;

  @Field(() => String, { description: 'ISO date the report is due.' })
  dueOn!: string;

  @Field(() => Boolean, { description: 'True when the due date is not sourced (every due date so far: the frameworks publish none the data could read).' })
  dueIllustrative!: boolean;

  @Field(() => [String], { description: 'Sources of the cadence.' })
  sources!: string[];
}

@ObjectType({ description: "The hub's receipt of a member's submitted version: what the member handed in, as hashed by the hub from the content the member returned through the gateway." })
export class SubmissionReceipt {
  @Field(() => String)
  cycleCode!: string;

  @Field(() => String)
  countryCode!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { description: 'sha256 (hex) of the canonical JSON (RFC 8785) of the content, computed by the hub.' })
  contentHash!: string;

  @Field(() => Boolean, { description: 'Whether the hash the member stated matched the hub\'s own.' })
  memberHashMatched!: boolean;

  @Field(() => Int, { description: 'Required framework indicators answered with a value.' })
  answered!: number;

  @Field(() => Int, { description: 'Required framework indicators explained instead: the gaps.' })
  explained!: number;

  @Field(() => String, { description: 'When the hub received it (ISO timestamp).' })
  receivedAt!: string;

  @Field(() => Boolean, { description: 'Received after the cycle was due.' })
  late!: boolean;
}

/** What a member says it submitted for one framework's year: the member's own subgraph answers (external here). */
@Directive('@key(fields: "countryCode frameworkCode year")')
@ObjectType()
export class MemberCycleSubmission {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  frameworkCode!: string;

  @Field(() => Int)
  year!: number;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  submittedVersion?: number | null;

  @Directive('@external')
  @Field(() => String, { nullable: true })
  submittedContent?: string | null;

  @Directive('@external')
  @Field(() => String, { nullable: true })
  submittedContentHash?: string | null;
}

@ObjectType({ description: "One member's place in a cycle." })
export class CycleMemberRow {
  @Field(() => String)
  countryCode!: string;

  @Field(() => MemberStatus)
  memberStatus!: MemberStatus;

  @Field(() => CycleMemberState)
  state!: CycleMemberState;

  @Field(() => SubmissionReceipt, { nullable: true, description: 'The latest receipt the hub holds for this member and cycle.' })
  receipt!: SubmissionReceipt | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether what the member returns now hashes to the receipt; null without a receipt or when the member did not answer.' })
  receiptAgrees!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Explained gaps in the received version.' })
  gaps!: number | null;
}

@ObjectType({ description: 'Counts over a cycle\'s members.' })
export class CycleSummary {
  @Field(() => Int)
  members!: number;

  @Field(() => Int, { description: 'Members with a receipt whose content still agrees (or that did not answer now).' })
  submitted!: number;

  @Field(() => Int, { description: 'Of those, received after the due date.' })
  submittedLate!: number;

  @Field(() => Int, { description: 'Members with a receipt that holds explained gaps.' })
  withGaps!: number;

  @Field(() => Int, { description: 'Members without a receipt past the due date.' })
  late!: number;

  @Field(() => Int, { description: 'Members without a receipt, not yet due.' })
  open!: number;

  @Field(() => Int, { description: 'Members whose content now disagrees with the receipt.' })
  disagreements!: number;
}

@Directive('@key(fields: "cycleCode")')
@ObjectType({ description: "Which members have submitted, are late or have gaps in a cycle: from the hub's receipts and what each member's own subgraph returns." })
export class ReportingCycleStatus {
  @Field(() => String)
  cycleCode!: string;
}
