import { badInput, currentIdempotency, hasRole, IdempotencyKeyArg, requireRole, Role } from '@wps/kit';
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { MemberStatus } from '../common/enums.js';
import type { MemberEntity } from './member.entity.js';
import { MemberCheckInput, RegisterMemberInput, UpdateMemberInput } from './registry.inputs.js';
import { Member } from './member.type.js';
import { listMembers, recordMemberCheck, registerMember, removeMember, updateMember } from './registry.service.js';

@Resolver(() => Member)
export class RegistryResolver {
  @Query(() => [Member], { description: 'The member registry: every registered NAP subgraph, its status and last contract check.' })
  async members(@Ctx() context: RegionalContext): Promise<Member[]> {
    return (await listMembers(context.registry)).map(toMember);
  }

  @Mutation(() => Member, { description: "Register a member state's NAP subgraph (hub admin). The gateway picks it up on its next registry refresh, after a contract check." })
  async registerMember(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('input', () => RegisterMemberInput) input: RegisterMemberInput,
    @Ctx() context: RegionalContext,
  ): Promise<Member> {
    requireRole(context.principal, [Role.HUB_ADMIN], 'register members');
    return toMember(await registerMember(context.registry, { countryCode: input.countryCode.trim().toUpperCase(), endpoint: input.endpoint.trim() }, context.principal.subject, currentIdempotency(context)));
  }

  @Mutation(() => Member, { description: 'Re-point a member, or take it offline and back (hub admin).' })
  async updateMember(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Ctx() context: RegionalContext,
  ): Promise<Member> {
    requireRole(context.principal, [Role.HUB_ADMIN], 'update members');
    if (input.status && input.status !== MemberStatus.ACTIVE && input.status !== MemberStatus.OFFLINE) {
      throw badInput('input.status', 'Set ACTIVE or OFFLINE; QUARANTINED is decided by the contract check.');
    }
    return toMember(await updateMember(context.registry, countryCode.toUpperCase(), { endpoint: input.endpoint?.trim(), status: input.status as 'ACTIVE' | 'OFFLINE' | null }, context.principal.subject, currentIdempotency(context)));
  }

  @Mutation(() => Member, { description: 'Remove a member from the registry (hub admin): its country becomes NOT_CONNECTED.' })
  async removeMember(
    @IdempotencyKeyArg() _idempotencyKey: string | null | undefined,
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: RegionalContext,
  ): Promise<Member> {
    requireRole(context.principal, [Role.HUB_ADMIN], 'remove members');
    return toMember(await removeMember(context.registry, countryCode.toUpperCase(), context.principal.subject, currentIdempotency(context)));
  }

  @Directive('@inaccessible')
  @Mutation(() => Member, { description: "Record the gateway's contract check of a member (hub service only; not exposed through the gateway)." })
  async recordMemberCheck(
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('input', () => MemberCheckInput) input: MemberCheckInput,
    @Ctx() context: RegionalContext,
  ): Promise<Member> {
    requireRole(context.principal, [Role.HUB_SERVICE], 'record contract checks');
    return toMember(
      await recordMemberCheck(
        context.registry,
        countryCode,
        { passed: input.passed, reason: input.reason ?? null, contractVersion: input.contractVersion ?? null, revision: input.revision ?? null },
        context.principal.subject,
      ),
    );
  }

  @Directive('@inaccessible')
  @FieldResolver(() => String, { description: "Internal endpoint of the member's subgraph: never exposed through the gateway, readable by the hub's own services and its admin." })
  endpoint(@Root() member: Member, @Ctx() context: RegionalContext): string {
    requireRole(context.principal, [Role.HUB_SERVICE, Role.HUB_ADMIN], 'read member endpoints');
    return member.endpoint;
  }

  @Directive('@inaccessible')
  @FieldResolver(() => Int, {
    description: "Raised by every change the hub admin makes to the member, not by recorded checks: the gateway re-checks a member whose revision it has not checked. Hub's own services and its admin only.",
  })
  revision(@Root() member: Member, @Ctx() context: RegionalContext): number {
    requireRole(context.principal, [Role.HUB_SERVICE, Role.HUB_ADMIN], 'read member revisions');
    return member.revision;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The GraphQL endpoint of the member's subgraph, for the hub admin only: UNAUTHENTICATED for the public, FORBIDDEN for every other role.",
  })
  adminEndpoint(@Root() member: Member, @Ctx() context: RegionalContext): string {
    requireRole(context.principal, [Role.HUB_ADMIN], 'read member endpoints');
    return member.endpoint;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the member is quarantined or offline.' })
  reason(@Root() member: Member, @Ctx() context: RegionalContext): string | null {
    // What the contract check saw is the hub admin's: shown to anyone, a failed probe's reason would tell what answers where.
    return hasRole(context.principal, Role.HUB_ADMIN) ? member.reason : null;
  }

  @FieldResolver(() => Country)
  country(@Root() member: Member): Country {
    return { code: member.countryCode };
  }
}

function toMember(row: MemberEntity): Member {
  return {
    countryCode: row.countryCode,
    endpoint: row.endpoint,
    status: row.status as MemberStatus,
    contractVersion: row.contractVersion,
    lastCheckedAt: row.lastCheckedAt,
    reason: row.reason,
    registeredAt: row.registeredAt,
    revision: Number(row.revision),
  };
}
