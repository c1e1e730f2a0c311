import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { AlignmentFramework } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { checkSubmission, explainGap, lockSubmission, prepareSubmission, submitSubmission } from './submission.service.js';
import { Submission, SubmissionCompleteness } from './submission.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class SubmissionMutationResolver {
  @Mutation(() => Submission, { nullable: true, description: "Prepare (or prepare again) this member's submission to a framework for a year, as a DRAFT snapshot of its own published data." })
  prepareSubmission(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('year', () => Int) year: number,
    @Arg('frameworkCode', () => AlignmentFramework) frameworkCode: AlignmentFramework,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Submission> {
    return prepareSubmission(openWriteScope(context, countryCode), frameworkCode, year);
  }

  @Mutation(() => Submission, { nullable: true, description: 'Explain why a required framework indicator has no value in this cycle.' })
  explainGap(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('explanation', () => String) explanation: string,
    @Arg('indicatorCode', () => String) indicatorCode: string,
    @Arg('submissionId', () => ID) submissionId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Submission> {
    return explainGap(openWriteScope(context, countryCode), submissionId, indicatorCode, explanation);
  }

  @Mutation(() => SubmissionCompleteness, { nullable: true, description: 'The completeness report of the draft: required framework indicators answered, explained, missing. Writes nothing.' })
  checkSubmission(@Arg('submissionId', () => ID) submissionId: string, @Arg('countryCode', () => String) countryCode: string, @Ctx() context: NapContext): Promise<SubmissionCompleteness> {
    return checkSubmission(openWriteScope(context, countryCode), submissionId);
  }

  @Mutation(() => Submission, { nullable: true, description: 'Lock the draft as the next version, with the sha256 of its canonical JSON; a locked version never changes.' })
  lockSubmission(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('submissionId', () => ID) submissionId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Submission> {
    return lockSubmission(openWriteScope(context, countryCode), submissionId);
  }

  @Mutation(() => Submission, {
    nullable: true,
    description: 'Submit the latest locked version: only when complete (BAD_USER_INPUT with `missing` otherwise). Ask `cycle { hubReceipt { … } }` in the answer: the hub records its receipt from it.',
  })
  submitSubmission(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('submissionId', () => ID) submissionId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Submission> {
    return submitSubmission(openWriteScope(context, countryCode), submissionId);
  }
}
