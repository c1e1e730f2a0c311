import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { KnowledgeContext } from '../context.js';
import { eraseFocalPoint, eraseMyPersonalData, erasePerson } from './person.service.js';
import { ErasureReceipt } from './person.type.js';

@Resolver(() => ErasureReceipt)
export class PersonMutationResolver {
  @Mutation(() => ErasureReceipt, {
    description:
      "Erase the personal data of a directory entry's person (network admins, or the person themselves; FORBIDDEN otherwise): the entry, their name, e-mail and sign-in link; forum posts stay, by \"Erased participant\"; registrations stay counted, unlinked. Erasing again: NOT_FOUND.",
  })
  eraseFocalPoint(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('id', () => ID) id: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<ErasureReceipt> {
    return eraseFocalPoint(context, id);
  }

  @Mutation(() => ErasureReceipt, { description: 'Erase a person by reference (FocalPoint.personRef), as eraseFocalPoint does.' })
  erasePerson(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('personRef', () => ID) personRef: string,
    @Ctx() context: KnowledgeContext,
  ): Promise<ErasureReceipt> {
    return erasePerson(context, personRef);
  }

  @Mutation(() => ErasureReceipt, { description: "Erase the caller's own personal data (found by their sign-in), as erasePerson does; for someone without a directory entry too. NOT_FOUND when the network holds nothing of them." })
  eraseMyPersonalData(@IdempotencyKeyArg() _idempotencyKey: string | null | undefined, @Ctx() context: KnowledgeContext): Promise<ErasureReceipt> {
    return eraseMyPersonalData(context);
  }
}
