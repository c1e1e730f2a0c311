import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ModerationDecision } from '../common/enums.js';
import type { KnowledgeContext } from '../context.js';
import { ProposeGoodPracticeInput } from './practice.inputs.js';
import { moderatePractice, proposePractice } from './practice.service.js';
import { GoodPractice } from './practice.type.js';

@Resolver()
export class GoodPracticeMutationResolver {
  @Mutation(() => GoodPractice, { description: 'Propose a good practice (network members). It is a DRAFT, seen by you and network admins, until moderated.' })
  proposeGoodPractice(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => ProposeGoodPracticeInput) input: ProposeGoodPracticeInput,
    @Ctx() context: KnowledgeContext,
  ): Promise<GoodPractice> {
    return proposePractice(context, input);
  }

  @Mutation(() => GoodPractice, { description: 'Publish or reject a DRAFT practice (network admins only).' })
  moderateGoodPractice(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('note', () => String, { nullable: true, description: 'Why; shown to the proposer.' }) note: string | null | undefined,
    @Arg('decision', () => ModerationDecision) decision: ModerationDecision,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<GoodPractice> {
    return moderatePractice(context, id, decision, note);
  }
}
