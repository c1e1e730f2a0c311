import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { AlignmentInput, CreateIndicatorInput, UpdateIndicatorInput } from './indicator.inputs.js';
import { createIndicator, setIndicatorAlignments, updateIndicator } from './indicator.service.js';
import { Indicator } from './indicator.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class IndicatorMutationResolver {
  @Mutation(() => Indicator, { nullable: true, description: 'Add a national indicator to a plan.' })
  createIndicator(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateIndicatorInput) input: CreateIndicatorInput,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Indicator> {
    return createIndicator(openWriteScope(context, countryCode), planId, input);
  }

  @Mutation(() => Indicator, { nullable: true, description: 'Change an indicator: fields left out keep their value; `alignments` replaces the set.' })
  updateIndicator(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateIndicatorInput) input: UpdateIndicatorInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Indicator> {
    return updateIndicator(openWriteScope(context, countryCode), id, input);
  }

  @Mutation(() => Indicator, { nullable: true, description: 'Replace the framework indicators a national indicator counts towards.' })
  setIndicatorAlignments(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('alignments', () => [AlignmentInput]) alignments: AlignmentInput[],
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<Indicator> {
    return setIndicatorAlignments(openWriteScope(context, countryCode), indicatorId, alignments);
  }
}
