import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { GenderMarker } from '../common/enums.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { BudgetExecutionInput, CostedEstimateInput, RecordBudgetLineInput, RecordDisbursementInput } from './budget.inputs.js';
import { publishBudgetLine, recordBudgetExecution, recordBudgetLine, recordDisbursement, setBudgetLineGenderMarker, setPlanCostedEstimate } from './budget.service.js';
import { BudgetLine } from './budget.type.js';
import { Disbursement } from './financing.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class BudgetLineMutationResolver {
  @Mutation(() => BudgetLine, { nullable: true, description: 'Record a budget line of a plan as a DRAFT.' })
  recordBudgetLine(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => RecordBudgetLineInput) input: RecordBudgetLineInput,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<BudgetLine> {
    return recordBudgetLine(openWriteScope(context, countryCode), planId, input);
  }

  @Mutation(() => BudgetLine, { nullable: true, description: 'Record how much of a budget line has been disbursed and spent.' })
  recordBudgetExecution(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => BudgetExecutionInput) input: BudgetExecutionInput,
    @Arg('budgetLineId', () => ID) budgetLineId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<BudgetLine> {
    return recordBudgetExecution(openWriteScope(context, countryCode), budgetLineId, input);
  }

  @Mutation(() => BudgetLine, { nullable: true, description: 'Publish a DRAFT budget line: only a complete one (a partner or an activity, and a description).' })
  publishBudgetLine(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<BudgetLine> {
    return publishBudgetLine(openWriteScope(context, countryCode), id);
  }

  @Mutation(() => Disbursement, { nullable: true, description: "Record a payment out of a budget line to a recipient of a known type; it adds to the line's disbursed total." })
  recordDisbursement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => RecordDisbursementInput) input: RecordDisbursementInput,
    @Arg('budgetLineId', () => ID) budgetLineId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Disbursement> {
    return recordDisbursement(openWriteScope(context, countryCode), budgetLineId, input);
  }

  @Mutation(() => BudgetLine, { nullable: true, description: 'Set the OECD DAC gender equality policy marker of a budget line.' })
  setBudgetLineGenderMarker(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('genderMarker', () => GenderMarker) genderMarker: GenderMarker,
    @Arg('budgetLineId', () => ID) budgetLineId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<BudgetLine> {
    return setBudgetLineGenderMarker(openWriteScope(context, countryCode), budgetLineId, genderMarker);
  }

  @Mutation(() => NationalActionPlan, { nullable: true, description: 'Set what a whole plan was costed at (null clears it): the funding gap is this less what is allocated.' })
  setPlanCostedEstimate(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('estimate', () => CostedEstimateInput, { nullable: true }) estimate: CostedEstimateInput | null,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<NationalActionPlan> {
    return setPlanCostedEstimate(openWriteScope(context, countryCode), planId, estimate ?? null);
  }
}
