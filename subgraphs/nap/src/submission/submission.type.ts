import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SubmissionStatus {
  DRAFT = 'DRAFT',
  LOCKED = 'LOCKED',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: 'DRAFT (prepared, gaps may be explained), LOCKED (a version is fixed with its hash), SUBMITTED (that version handed in; final).',
});

@ObjectType({ description: 'Which required framework indicators a submission answers, explains, or misses. Required: every framework indicator the plan aligns a national indicator to.' })
export class SubmissionCompleteness {
  @Field(() => Boolean, { description: 'True when nothing is missing.' })
  complete!: boolean;

  @Field(() => [String], { description: 'Framework indicator codes the plan aligns to, sorted.' })
  required!: string[];

  @Field(() => [String], { description: 'Required codes with a published value in the cycle year.' })
  answered!: string[];

  @Field(() => [String], { description: 'Required codes without a value, explained.' })
  explained!: string[];

  @Field(() => [String], { description: 'Required codes neither answered nor explained.' })
  missing!: string[];
}

@ObjectType({ description: 'A locked version of a submission: it never changes.' })
export class SubmissionVersion {
  @Field(() => Int)
  version!: number;

  @Field(() => String, { description: 'sha256 (hex) of `content`, the canonical JSON (keys sorted, no whitespace).' })
  contentHash!: string;

  @Field(() => String, { description: 'The content as canonical JSON: plan, required indicators with values, disaggregations, narratives and explanations, budget execution, reports and decisions.' })
  content!: string;

  @Field(() => Boolean)
  complete!: boolean;

  @Field(() => String, { description: 'ISO timestamp.' })
  lockedAt!: string;
}

/** A question put to this member: what it submitted for a framework's year (the hub keeps a receipt of it). */
@Directive('@key(fields: "countryCode frameworkCode year")')
@ObjectType({ description: "What this member submitted for a framework's reporting cycle (null fields: nothing submitted)." })
export class MemberCycleSubmission {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  frameworkCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  submittedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'The submitted version\'s canonical JSON.' })
  submittedContent?: string | null;

  @Field(() => String, { nullable: true, description: "The member's sha256 of it." })
  submittedContentHash?: string | null;
}

@ObjectType({ description: "A member's report to a framework for one cycle (a year), prepared from its own data; it stays in the member's database." })
export class Submission {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  countryCode!: string;

  @Field(() => String, { description: 'AU_CRF, EU_GAP_III, OSCE or UN_1325.' })
  frameworkCode!: string;

  @Field(() => Int, { description: 'The calendar year reported on.' })
  year!: number;

  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Field(() => ID, { description: 'The plan in force in that year that the content is taken from.' })
  planId!: string;

  @Field(() => String, { description: 'When the snapshot was taken (ISO timestamp).' })
  preparedAt!: string;

  @Field(() => SubmissionCompleteness, { description: 'Of the current draft (with its explanations).' })
  completeness!: SubmissionCompleteness;

  @Field(() => [SubmissionVersion], { description: 'Locked versions, oldest first (the public sees the submitted one only).' })
  versions!: SubmissionVersion[];

  @Field(() => Int, { nullable: true })
  submittedVersion!: number | null;

  @Field(() => String, { nullable: true, description: 'ISO timestamp.' })
  submittedAt!: string | null;

  @Field(() => MemberCycleSubmission, { description: "The cycle's submission as the hub sees it: ask `hubReceipt` on it for the hub's receipt." })
  cycle!: MemberCycleSubmission;
}
