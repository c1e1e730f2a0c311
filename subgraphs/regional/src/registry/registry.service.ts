import { badInput, checkMemberEndpoint, endpointRefusalText, ErrorCode, HubError, recordAudit, runIdempotent, type EndpointPolicy, type Idempotency } from '@wps/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { isIsoAlpha2 } from '../country/iso-countries.js';
import { MemberEntity } from './member.entity.js';

export interface MemberRegistration {
  countryCode: string;
  endpoint: string;
}

/**
 * What the member registry's functions work with: the regional database, and
 * which addresses a member endpoint may resolve to.
 */
export interface Registry {
  dataSource: DataSource;
  endpoints: EndpointPolicy;
}

/** The registry on this database; `endpoints` default: public addresses only. */
export function registryOn(dataSource: DataSource, endpoints: EndpointPolicy = { allow: new Set() }): Registry {
  return { dataSource, endpoints };
}

export function getMember(registry: Registry, countryCode: string): Promise<MemberEntity | null> {
  return registry.dataSource.getRepository(MemberEntity).findOneBy({ countryCode });
}

/** Register a member state's NAP subgraph, with a new revision (the gateway checks its contract before routing to it). */
export async function registerMember(registry: Registry, registration: MemberRegistration, actor: string, idempotency?: Idempotency): Promise<MemberEntity> {
  await validateRegistration(registration, registry.endpoints);
  return write(registry, actor, idempotency, async (manager) => {
    const existing = await manager.getRepository(MemberEntity).findOneBy({ countryCode: registration.countryCode });
    if (existing) throw badInput('countryCode', `${registration.countryCode} is already registered; update it instead.`);
    await manager.query('INSERT INTO country (code) VALUES ($1) ON CONFLICT DO NOTHING', [registration.countryCode]);
    await manager.query(`INSERT INTO member (country_code, endpoint, status) VALUES ($1, $2, 'ACTIVE')`, [registration.countryCode, registration.endpoint]);
    return audited(manager, actor, 'registerMember', registration.countryCode, null);
  });
}

/** Re-point a member, or take it OFFLINE / bring it back (ACTIVE means: check its contract again); a new revision either way. */
export async function updateMember(registry: Registry, countryCode: string, changes: { endpoint?: string | null; status?: 'ACTIVE' | 'OFFLINE' | null }, actor: string, idempotency?: Idempotency): Promise<MemberEntity> {
  if (changes.endpoint) await validateRegistration({ countryCode, endpoint: changes.endpoint }, registry.endpoints);
  return write(registry, actor, idempotency, async (manager) => {
    const before = await existing(manager, countryCode);
    await manager.query(
      `UPDATE member SET endpoint = COALESCE($2, endpoint), status = COALESCE($3, status),
         reason = CASE WHEN $3 = 'OFFLINE' THEN 'taken offline by the hub admin' WHEN $3 = 'ACTIVE' THEN NULL ELSE reason END,
         last_checked_at = CASE WHEN $2 IS NOT NULL OR $3 = 'ACTIVE' THEN NULL ELSE last_checked_at END,
         revision = nextval('member_revision_seq'), updated_at = now()
       WHERE country_code = $1`,
      [countryCode, changes.endpoint ?? null, changes.status ?? null],
    );
    return audited(manager, actor, 'updateMember', countryCode, before);
  });
}

export async function removeMember(registry: Registry, countryCode: string, actor: string, idempotency?: Idempotency): Promise<MemberEntity> {
  return write(registry, actor, idempotency, async (manager) => {
    const before = await existing(manager, countryCode);
    await manager.query('DELETE FROM member WHERE country_code = $1', [countryCode]);
    await recordAudit(manager, { actor, action: 'removeMember', entity: 'member', entityId: countryCode, countryCode, before, after: null });
    return before;
  });
}

/**
 * The gateway's contract check: QUARANTINED with the differences as the
 * reason, or ACTIVE. A member the admin took OFFLINE stays OFFLINE. A
 * check of a `revision` the admin has changed since judged an endpoint or
 * status that is gone: it is not recorded, and the member is returned as
 * it is (with its newer revision). The revision does not change.
 */
export async function recordMemberCheck(
  registry: Registry,
  countryCode: string,
  result: { passed: boolean; reason: string | null; contractVersion: string | null; revision?: number | null },
  actor: string,
): Promise<MemberEntity> {
  return registry.dataSource.transaction(async (manager) => {
    const before = await existing(manager, countryCode, true);
    if (result.revision != null && before.revision !== String(result.revision)) return before;
    await manager.query(
      `UPDATE member SET status = CASE WHEN status = 'OFFLINE' THEN status WHEN $2 THEN 'ACTIVE' ELSE 'QUARANTINED' END,
         reason = CASE WHEN status = 'OFFLINE' THEN reason ELSE $3 END, contract_version = $4, last_checked_at = now(), updated_at = now()
       WHERE country_code = $1`,
      [countryCode, result.passed, result.reason, result.contractVersion],
    );
    return audited(manager, actor, 'recordMemberCheck', countryCode, before);
  });
}

/** An admin's write, in one transaction; with an idempotency key, a retry returns the first result (kit idempotency.ts). */
function write(registry: Registry, actor: string, idempotency: Idempotency | undefined, work: (manager: EntityManager) => Promise<MemberEntity>): Promise<MemberEntity> {
  return registry.dataSource.transaction((manager) => runIdempotent(manager, actor, idempotency, () => work(manager)));
}

/** The member, or NOT_FOUND; `locked` holds its row until the transaction ends. */
async function existing(manager: EntityManager, countryCode: string, locked = false): Promise<MemberEntity> {
  const member = await manager.getRepository(MemberEntity).findOne({ where: { countryCode }, ...(locked ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!member) throw new HubError(ErrorCode.NOT_FOUND, `${countryCode} has no registered member.`, { country: countryCode });
  return member;
}

async function audited(manager: EntityManager, actor: string, action: string, countryCode: string, before: MemberEntity | null): Promise<MemberEntity> {
  const after = await manager.getRepository(MemberEntity).findOneByOrFail({ countryCode });
  await recordAudit(manager, { actor, action, entity: 'member', entityId: countryCode, countryCode, before, after });
  return after;
}

export function listMembers(registry: Registry): Promise<MemberEntity[]> {
  return registry.dataSource.getRepository(MemberEntity).find({ order: { countryCode: 'ASC' } });
}

/**
 * Register (or re-point) members, ACTIVE until the gateway's contract check
 * says otherwise. With `exclusive`, members not listed are removed, so the
 * registry is exactly the given set (the demo launcher's bootstrap). One
 * transaction: all or nothing.
 */
export async function bootstrapMembers(registry: Registry, registrations: MemberRegistration[], exclusive: boolean): Promise<void> {
  for (const registration of registrations) await validateRegistration(registration, registry.endpoints);
  await registry.dataSource.transaction(async (manager) => {
    if (exclusive) {
      await manager
        .createQueryBuilder()
        .delete()
        .from(MemberEntity)
        .where(registrations.length > 0 ? 'country_code NOT IN (:...codes)' : 'true', { codes: registrations.map((r) => r.countryCode) })
        .execute();
    }
    for (const { countryCode, endpoint } of registrations) {
      await recordAudit(manager, { actor: 'bootstrap:REGISTRY_SEED', action: 'registerMember', entity: 'member', entityId: countryCode, countryCode, after: { endpoint } });
      await manager.query('INSERT INTO country (code) VALUES ($1) ON CONFLICT DO NOTHING', [countryCode]);
      await manager.query(
        `INSERT INTO member (country_code, endpoint, status) VALUES ($1, $2, 'ACTIVE')
         ON CONFLICT (country_code) DO UPDATE SET endpoint = EXCLUDED.endpoint, status = 'ACTIVE', reason = NULL,
           revision = nextval('member_revision_seq'), updated_at = now()`,
        [countryCode, endpoint],
      );
    }
  });
}

/**
 * A country code, and an endpoint the hub may call: http(s), not a metadata
 * name, and no address it resolves to now that the policy refuses
 * (link-local, metadata and unspecified always; loopback and private unless
 * MEMBER_ENDPOINTS_ALLOW says). A name that does not resolve yet is
 * accepted: the gateway checks every address again at each connection.
 */
async function validateRegistration(registration: MemberRegistration, endpoints: EndpointPolicy): Promise<void> {
  if (!isIsoAlpha2(registration.countryCode)) throw badInput('countryCode', `"${registration.countryCode}" is not an ISO 3166-1 alpha-2 code.`);
  const refusal = await checkMemberEndpoint(registration.endpoint, endpoints);
  if (refusal === 'not_http') throw badInput('endpoint', `Member ${registration.countryCode}: the endpoint must be an http(s) URL.`);
  if (refusal && refusal !== 'unresolvable') throw badInput('endpoint', `Member ${registration.countryCode}: the endpoint ${endpointRefusalText(refusal)}; the hub does not call such addresses.`);
}
