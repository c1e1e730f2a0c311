import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { CreateProgressReportInput, DecisionInput } from './report.inputs.js';
import { createProgressReport, publishProgressReport, recordDecision } from './report.service.js';
import { ProgressReport, Recommendation } from './report.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class ProgressReportMutationResolver {
  @Mutation(() => ProgressReport, { nullable: true, description: 'Record a progress report of a plan as a DRAFT.' })
  createProgressReport(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateProgressReportInput) input: CreateProgressReportInput,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<ProgressReport> {
    return createProgressReport(openWriteScope(context, countryCode), planId, input);
  }

  @Mutation(() => Recommendation, { nullable: true, description: 'Record the decision taken on a recommendation (replacing any earlier one).' })
  recordDecision(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => DecisionInput) input: DecisionInput,
    @Arg('recommendationId', () => ID) recommendationId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Recommendation> {
    return recordDecision(openWriteScope(context, countryCode), recommendationId, input);
  }

  @Mutation(() => ProgressReport, { nullable: true, description: 'Publish a DRAFT report: only a complete one (a title and at least one finding).' })
  publishProgressReport(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<ProgressReport> {
    return publishProgressReport(openWriteScope(context, countryCode), id);
  }
}
