import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { CreateActionPlanInput, UpdateActionPlanInput } from './plan.inputs.js';
import { createActionPlan, updateActionPlan } from './plan.service.js';
import { NationalActionPlan } from './plan.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class PlanMutationResolver {
  @Mutation(() => NationalActionPlan, { nullable: true, description: "Create a plan in the member state's subgraph (routed by countryCode)." })
  createActionPlan(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateActionPlanInput) input: CreateActionPlanInput,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<NationalActionPlan> {
    return createActionPlan(openWriteScope(context, countryCode), input);
  }

  @Mutation(() => NationalActionPlan, { nullable: true, description: 'Change a plan: fields left out keep their value; `documents` replaces the list.' })
  updateActionPlan(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateActionPlanInput) input: UpdateActionPlanInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<NationalActionPlan> {
    return updateActionPlan(openWriteScope(context, countryCode), id, input);
  }
}
