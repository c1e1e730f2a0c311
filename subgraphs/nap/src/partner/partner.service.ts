import { randomUUID } from 'node:crypto';
import { badInput, idOf, notFound, notNull, referenceId, requiredText } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { lockPlan } from '../plan/plan.service.js';
import { ImplementingPartnerEntity } from './partner.entity.js';
import type { CreateImplementingPartnerInput, UpdateImplementingPartnerInput } from './partner.inputs.js';
import { toPartner } from './partner.mapper.js';
import type { ImplementingPartner } from './partner.type.js';

/** Add an implementing partner to a plan (its name unique within the plan). */
export async function createImplementingPartner(scope: WriteScope, planId: string, input: CreateImplementingPartnerInput): Promise<ImplementingPartner> {
  const row = {
    name: requiredText(input.name, 'input.name'),
    kind: input.kind,
    representativeRole: input.representativeRole ?? null,
    hasImplementationPlan: input.hasImplementationPlan ?? false,
    inCoordinationBody: input.inCoordinationBody ?? false,
    isDemo: false,
  };
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    const id = randomUUID();
    await manager.insert(ImplementingPartnerEntity, { id, planId: plan.id, ...row });
    return toPartner(await manager.findOneByOrFail(ImplementingPartnerEntity, { id }), scope.countryCode);
  });
}

/** Change the fields of a partner that are given; null clears the representative role. */
export async function updateImplementingPartner(scope: WriteScope, id: string, input: UpdateImplementingPartnerInput): Promise<ImplementingPartner> {
  const changes: Partial<ImplementingPartnerEntity> = {};
  const name = notNull(input.name, 'input.name');
  if (name !== undefined) changes.name = requiredText(name, 'input.name');
  const kind = notNull(input.kind, 'input.kind');
  if (kind !== undefined) changes.kind = kind;
  if (input.representativeRole !== undefined) changes.representativeRole = input.representativeRole;
  const hasPlan = notNull(input.hasImplementationPlan, 'input.hasImplementationPlan');
  if (hasPlan !== undefined) changes.hasImplementationPlan = hasPlan;
  const inBody = notNull(input.inCoordinationBody, 'input.inCoordinationBody');
  if (inBody !== undefined) changes.inCoordinationBody = inBody;
  return inTransaction(scope, async (manager) => {
    const partner = await lockPartner(manager, id, 'id');
    if (Object.keys(changes).length > 0) await manager.update(ImplementingPartnerEntity, { id: partner.id }, changes);
    return toPartner(await manager.findOneByOrFail(ImplementingPartnerEntity, { id: partner.id }), scope.countryCode);
  });
}

async function lockPartner(manager: EntityManager, id: string, field: string): Promise<ImplementingPartnerEntity> {
  const partner = await manager.findOne(ImplementingPartnerEntity, { where: { id: idOf(id, field, 'implementing partner of this member') }, lock: { mode: 'pessimistic_write' } });
  if (!partner) throw notFound(field, 'implementing partner of this member');
  return partner;
}

/** BAD_USER_INPUT naming `field` unless `partnerId` is an implementing partner of the plan. */
export async function assertPartnerOfPlan(manager: EntityManager, partnerId: string, planId: string, field: string): Promise<void> {
  const partner = await manager.findOneBy(ImplementingPartnerEntity, { id: referenceId(partnerId, field) });
  if (!partner || partner.planId !== planId) throw badInput(field, `${field} is not an implementing partner of this plan.`);
}
