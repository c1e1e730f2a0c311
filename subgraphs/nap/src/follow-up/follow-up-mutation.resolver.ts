import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { AddFollowUpActionInput, UpdateFollowUpStatusInput } from './follow-up.inputs.js';
import { addFollowUpAction, updateFollowUpStatus } from './follow-up.service.js';
import { FollowUpAction } from './follow-up.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class FollowUpMutationResolver {
  @Mutation(() => FollowUpAction, { nullable: true, description: 'Turn the decision on a recommendation into an action with a responsible partner and a due date.' })
  addFollowUpAction(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => AddFollowUpActionInput) input: AddFollowUpActionInput,
    @Arg('recommendationId', () => ID) recommendationId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<FollowUpAction> {
    return addFollowUpAction(openWriteScope(context, countryCode), recommendationId, input);
  }

  @Mutation(() => FollowUpAction, { nullable: true, description: 'Say where a follow-up action stands (DONE with the date it was done).' })
  updateFollowUpStatus(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateFollowUpStatusInput) input: UpdateFollowUpStatusInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<FollowUpAction> {
    return updateFollowUpStatus(openWriteScope(context, countryCode), id, input);
  }
}
