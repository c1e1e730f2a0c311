import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { CreateActivityInput, CreateOutcomeInput, CreateOutputInput, UpdateActivityInput, UpdateOutcomeInput, UpdateOutputInput } from './logframe.inputs.js';
import { createActivity, createOutcome, createOutput, updateActivity, updateOutcome, updateOutput } from './logframe.service.js';
import { Activity, Outcome, Output } from './logframe.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class LogframeMutationResolver {
  @Mutation(() => Outcome, { nullable: true, description: 'Add an outcome to a plan, under one of the four pillars or one of its national pillars.' })
  createOutcome(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateOutcomeInput) input: CreateOutcomeInput,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Outcome> {
    return createOutcome(openWriteScope(context, countryCode), planId, input);
  }

  @Mutation(() => Outcome, { nullable: true })
  updateOutcome(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateOutcomeInput) input: UpdateOutcomeInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Outcome> {
    return updateOutcome(openWriteScope(context, countryCode), id, input);
  }

  @Mutation(() => Output, { nullable: true, description: 'Add an output to an outcome.' })
  createOutput(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateOutputInput) input: CreateOutputInput,
    @Arg('outcomeId', () => ID) outcomeId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Output> {
    return createOutput(openWriteScope(context, countryCode), outcomeId, input);
  }

  @Mutation(() => Output, { nullable: true })
  updateOutput(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateOutputInput) input: UpdateOutputInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Output> {
    return updateOutput(openWriteScope(context, countryCode), id, input);
  }

  @Mutation(() => Activity, { nullable: true, description: 'Add an activity to an output: dates inside the plan period, a partner of the same plan.' })
  createActivity(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateActivityInput) input: CreateActivityInput,
    @Arg('outputId', () => ID) outputId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Activity> {
    return createActivity(openWriteScope(context, countryCode), outputId, input);
  }

  @Mutation(() => Activity, { nullable: true })
  updateActivity(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateActivityInput) input: UpdateActivityInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Activity> {
    return updateActivity(openWriteScope(context, countryCode), id, input);
  }
}
