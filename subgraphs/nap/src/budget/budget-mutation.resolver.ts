import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { BudgetExecutionInput, RecordBudgetLineInput } from './budget.inputs.js';
import { publishBudgetLine, recordBudgetExecution, recordBudgetLine } from './budget.service.js';
import { BudgetLine } from './budget.type.js';

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
}
