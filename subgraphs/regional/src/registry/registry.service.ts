import { badInput, checkMemberEndpoint, endpointRefusalText, ErrorCode, HubError, recordAudit, runIdempotent, type EndpointPolicy, type Idempotency } from '@wps/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { isIsoAlpha2 } from '../country/iso-countries.js';
import { MemberEntity } from './member.entity.js';

export interface MemberRegistration {
  countryCode: string;
  endpoint: string;
}

/** The member registry: which state's NAP subgraph answers where. */
export class RegistryService {
  /** `endpoints`: which addresses a member endpoint may resolve to (default: public addresses only). */
  constructor(
    private readonly dataSource: DataSource,
    private readonly endpoints: EndpointPolicy = { allow: new Set() },
  ) {}

  async get(countryCode: string): Promise<MemberEntity | null> {
    return this.dataSource.getRepository(MemberEntity).findOneBy({ countryCode });
  }

  /** Register a member state's NAP subgraph, with a new revision (the gateway checks its contract before routing to it). */
  async register(registration: MemberRegistration, actor: string, idempotency?: Idempotency): Promise<MemberEntity> {
    await validateRegistration(registration, this.endpoints);
    return this.write(actor, idempotency, async (manager) => {
      const existing = await manager.getRepository(MemberEntity).findOneBy({ countryCode: registration.countryCode });
      if (existing) throw badInput('countryCode', `${registration.countryCode} is already registered; update it instead.`);
      await manager.query('INSERT INTO country (code) VALUES ($1) ON CONFLICT DO NOTHING', [registration.countryCode]);
      await manager.query(`INSERT INTO member (country_code, endpoint, status) VALUES ($1, $2, 'ACTIVE')`, [registration.countryCode, registration.endpoint]);
      return this.audited(manager, actor, 'registerMember', registration.countryCode, null);
    });
  }

  /** Re-point a member, or take it OFFLINE / bring it back (ACTIVE means: check its contract again); a new revision either way. */
  async update(countryCode: string, changes: { endpoint?: string | null; status?: 'ACTIVE' | 'OFFLINE' | null }, actor: string, idempotency?: Idempotency): Promise<MemberEntity> {
    if (changes.endpoint) await validateRegistration({ countryCode, endpoint: changes.endpoint }, this.endpoints);
    return this.write(actor, idempotency, async (manager) => {
      const before = await this.existing(manager, countryCode);
      await manager.query(
        `UPDATE member SET endpoint = COALESCE($2, endpoint), status = COALESCE($3, status),
           reason = CASE WHEN $3 = 'OFFLINE' THEN 'taken offline by the hub admin' WHEN $3 = 'ACTIVE' THEN NULL ELSE reason END,
           last_checked_at = CASE WHEN $2 IS NOT NULL OR $3 = 'ACTIVE' THEN NULL ELSE last_checked_at END,
           revision = nextval('member_revision_seq'), updated_at = now()
         WHERE country_code = $1`,
        [countryCode, changes.endpoint ?? null, changes.status ?? null],
      );
      return this.audited(manager, actor, 'updateMember', countryCode, before);
    });
  }

  async remove(countryCode: string, actor: string, idempotency?: Idempotency): Promise<MemberEntity> {
    return this.write(actor, idempotency, async (manager) => {
      const before = await this.existing(manager, countryCode);
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
  async recordCheck(
    countryCode: string,
    result: { passed: boolean; reason: string | null; contractVersion: string | null; revision?: number | null },
    actor: string,
  ): Promise<MemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.existing(manager, countryCode, true);
      if (result.revision != null && before.revision !== String(result.revision)) return before;
      await manager.query(
        `UPDATE member SET status = CASE WHEN status = 'OFFLINE' THEN status WHEN $2 THEN 'ACTIVE' ELSE 'QUARANTINED' END,
           reason = CASE WHEN status = 'OFFLINE' THEN reason ELSE $3 END, contract_version = $4, last_checked_at = now(), updated_at = now()
         WHERE country_code = $1`,
        [countryCode, result.passed, result.reason, result.contractVersion],
      );
      return this.audited(manager, actor, 'recordMemberCheck', countryCode, before);
    });
  }

  /** An admin's write, in one transaction; with an idempotency key, a retry returns the first result (kit idempotency.ts). */
  private write(actor: string, idempotency: Idempotency | undefined, work: (manager: EntityManager) => Promise<MemberEntity>): Promise<MemberEntity> {
    return this.dataSource.transaction((manager) => runIdempotent(manager, actor, idempotency, () => work(manager)));
  }

  /** The member, or NOT_FOUND; `locked` holds its row until the transaction ends. */
  private async existing(manager: EntityManager, countryCode: string, locked = false): Promise<MemberEntity> {
    const member = await manager.getRepository(MemberEntity).findOne({ where: { countryCode }, ...(locked ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!member) throw new HubError(ErrorCode.NOT_FOUND, `${countryCode} has no registered member.`, { country: countryCode });
    return member;
  }

  private async audited(manager: EntityManager, actor: string, action: string, countryCode: string, before: MemberEntity | null): Promise<MemberEntity> {
    const after = await manager.getRepository(MemberEntity).findOneByOrFail({ countryCode });
    await recordAudit(manager, { actor, action, entity: 'member', entityId: countryCode, countryCode, before, after });
    return after;
  }

  list(): Promise<MemberEntity[]> {
    return this.dataSource.getRepository(MemberEntity).find({ order: { countryCode: 'ASC' } });
  }

  /**
   * Register (or re-point) members, ACTIVE until the gateway's contract check
   * says otherwise. With `exclusive`, members not listed are removed, so the
   * registry is exactly the given set (the demo launcher's bootstrap). One
   * transaction: all or nothing.
   */
  async bootstrap(registrations: MemberRegistration[], exclusive: boolean): Promise<void> {
    for (const registration of registrations) await validateRegistration(registration, this.endpoints);
    await this.dataSource.transaction(async (manager) => {
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
