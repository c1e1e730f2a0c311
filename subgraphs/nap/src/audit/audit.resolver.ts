import { requireFocalPointOf } from '@wps/kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import { readAuditLog } from './audit.service.js';
import { AuditEntry } from './audit.type.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => [AuditEntry], {
    nullable: true,
    description: "The member's audit log, latest first: who changed what, when, before and after. Its own focal points only.",
  })
  async auditLog(
    @Arg('countryCode', () => String) countryCode: string,
    @Ctx() context: NapContext,
    @Arg('entity', () => String, { nullable: true, description: 'Only changes to this table, e.g. "measurement".' }) entity?: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 500.' }) first = 50,
  ): Promise<AuditEntry[]> {
    assertServes(context.countryCode, countryCode);
    requireFocalPointOf(context.principal, countryCode, "read this member state's audit log");
    return readAuditLog(await context.session(), entity ?? null, first);
  }
}
