import { IdempotencyKeyArg } from '@wps/kit';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { openWriteScope } from '../member/write-scope.js';
import { CreateImplementingPartnerInput, UpdateImplementingPartnerInput } from './partner.inputs.js';
import { createImplementingPartner, updateImplementingPartner } from './partner.service.js';
import { ImplementingPartner } from './partner.type.js';

// type-graphql lists a field's arguments last parameter first: countryCode is the last @Arg so the schema shows it first.
@Resolver()
export class PartnerMutationResolver {
  @Mutation(() => ImplementingPartner, { nullable: true, description: 'Add an implementing partner to a plan.' })
  createImplementingPartner(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => CreateImplementingPartnerInput) input: CreateImplementingPartnerInput,
    @Arg('planId', () => ID) planId: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<ImplementingPartner> {
    return createImplementingPartner(openWriteScope(context, countryCode), planId, input);
  }

  @Mutation(() => ImplementingPartner, { nullable: true, description: 'Change an implementing partner: fields left out keep their value.' })
  updateImplementingPartner(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => UpdateImplementingPartnerInput) input: UpdateImplementingPartnerInput,
    @Arg('id', () => ID) id: string,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
  ): Promise<ImplementingPartner> {
    return updateImplementingPartner(openWriteScope(context, countryCode), id, input);
  }
}
