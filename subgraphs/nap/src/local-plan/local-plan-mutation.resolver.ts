import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { AddLocalIndicatorInput, CreateLocalActionPlanInput, RecordLocalMeasurementInput, UpdateLocalActionPlanInput } from './local-plan.inputs.js';
import { addLocalIndicator, createLocalActionPlan, recordLocalMeasurement, updateLocalActionPlan } from './local-plan.service.js';
import { LocalActionPlan, LocalIndicator, LocalMeasurement } from './local-plan.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class LocalPlanMutationResolver {
  @Mutation(() => LocalActionPlan, { nullable: true, description: 'Record a local (province, district, municipality) action plan of a national plan, as a DRAFT.' })
  createLocalActionPlan(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateLocalActionPlanInput) input: CreateLocalActionPlanInput,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<LocalActionPlan> {
    return createLocalActionPlan(openWriteScope(context, countryCode), planId, input);
  }

  @Mutation(() => LocalActionPlan, { nullable: true, description: 'Change a local action plan, or publish it (status PUBLISHED).' })
  updateLocalActionPlan(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateLocalActionPlanInput) input: UpdateLocalActionPlanInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<LocalActionPlan> {
    return updateLocalActionPlan(openWriteScope(context, countryCode), id, input);
  }

  @Mutation(() => LocalIndicator, { nullable: true, description: 'Add an indicator to a local action plan, optionally rolling up to a national indicator of the same national plan.' })
  addLocalIndicator(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => AddLocalIndicatorInput) input: AddLocalIndicatorInput,
    @Arg('localPlanId', () => ID) localPlanId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<LocalIndicator> {
    return addLocalIndicator(openWriteScope(context, countryCode), localPlanId, input);
  }

  @Mutation(() => LocalMeasurement, { nullable: true, description: 'Record the value of a local indicator for a period (one value per period).' })
  recordLocalMeasurement(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => RecordLocalMeasurementInput) input: RecordLocalMeasurementInput,
    @Arg('localIndicatorId', () => ID) localIndicatorId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<LocalMeasurement> {
    return recordLocalMeasurement(openWriteScope(context, countryCode), localIndicatorId, input);
  }
}
