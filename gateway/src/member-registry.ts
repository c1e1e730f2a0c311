import type { Logger } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { checkAgainstContract, subgraphSchema, type ContractVerdict } from './contract-check.js';

import type { MemberDirectory, MemberRecord, RegisteredStatus } from './member-directory.js';

export type { MemberDirectory, MemberRecord, RegisteredStatus } from './member-directory.js';

export interface MemberRegistryOptions {
  /** GraphQL endpoint serving `Query.members` and `Mutation.recordMemberCheck` (the regional subgraph). */
  url: string;
  refreshMs: number;
  requestTimeoutMs: number;
  logger: Logger;
  /** The hub's service credential (a HUB_SERVICE token): member endpoints are not public. */
  token?: string;
  /** The NAP contract members must serve; without it members are not checked. */
  contract?: GraphQLSchema;
  /** How often a checked member is checked again. */
  checkIntervalMs?: number;
  /** Deadline of one member's `_service` request. */
  memberTimeoutMs?: number;
}

interface RegistryRow extends MemberRecord {
  lastCheckedAt: string | null;
}

interface Verdict extends ContractVerdict {
  endpoint: string;
  checkedAt: number;
}

const MEMBERS_QUERY = /* GraphQL */ `query HubMemberRegistry { members { countryCode endpoint status lastCheckedAt } }`;
const RECORD_CHECK = /* GraphQL */ `mutation HubRecordMemberCheck($countryCode: String!, $input: MemberCheckInput!) {
  recordMemberCheck(countryCode: $countryCode, input: $input) { status }
}`;

/**
 * The gateway's copy of the member registry, read from the regional
 * subgraph at start and on an interval, so registering or removing a member
 * needs no restart. A failed refresh keeps the last good copy.
 *
 * Before a member is routed to, its `_service { sdl }` is compared with the
 * contract: a member that lacks or changes anything is QUARANTINED with the
 * differences as the reason (recorded in the registry), one that only adds is
 * ACTIVE. Members are checked when they appear, when re-pointed or
 * reactivated, and again every `checkIntervalMs`.
 */
export class MemberRegistry implements MemberDirectory {
  private members = new Map<string, MemberRecord>();
  private readonly verdicts = new Map<string, Verdict>();
  private timer: NodeJS.Timeout | undefined;
  private loadedAt: Date | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly options: MemberRegistryOptions) {}

  memberFor(countryCode: string): MemberRecord | undefined {
    return this.members.get(countryCode);
  }

  get isLoaded(): boolean {
    return this.loadedAt !== undefined;
  }

  list(): MemberRecord[] {
    return [...this.members.values()];
  }

  /** Read the registry once and check the members that need it; concurrent calls share one refresh. */
  refresh(): Promise<void> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<void> {
    const body = await this.post<{ members?: RegistryRow[] }>(MEMBERS_QUERY, {});
    const rows = body.data?.members;
    if (!Array.isArray(rows) || body.errors) throw new Error(`registry answered without a member list${body.errors ? `: ${body.errors[0]!.message}` : ''}`);
    await Promise.all(rows.filter((row) => this.needsCheck(row)).map((row) => this.check(row)));
    const next = new Map(rows.map((row) => [row.countryCode, { countryCode: row.countryCode, endpoint: row.endpoint, status: this.routingStatus(row) }]));
    const summary = (map: Map<string, MemberRecord>) => [...map.values()].map((member) => `${member.countryCode}:${member.status}`).sort().join(', ');
    if (summary(next) !== summary(this.members)) this.options.logger.info(`member registry: ${summary(next) || 'no members'}`);
    this.members = next;
    this.loadedAt = new Date();
  }

  private needsCheck(row: RegistryRow): boolean {
    if (!this.options.contract || row.status === 'OFFLINE') return false;
    const verdict = this.verdicts.get(row.countryCode);
    if (!verdict || verdict.endpoint !== row.endpoint) return true;
    // Cleared by the registry when the admin re-points or reactivates the member.
    if (row.lastCheckedAt === null && Date.now() - verdict.checkedAt > 1_000) return true;
    return Date.now() - verdict.checkedAt > (this.options.checkIntervalMs ?? 60_000);
  }

  /** OFFLINE as the admin says; otherwise what this gateway's check found; otherwise what the registry says. */
  private routingStatus(row: RegistryRow): RegisteredStatus {
    if (row.status === 'OFFLINE') return 'OFFLINE';
    const verdict = this.verdicts.get(row.countryCode);
    if (verdict && verdict.endpoint === row.endpoint) return verdict.passed ? 'ACTIVE' : 'QUARANTINED';
    return row.status;
  }

  private async check(row: RegistryRow): Promise<void> {
    let sdl: string;
    try {
      const response = await fetch(row.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
        signal: AbortSignal.timeout(this.options.memberTimeoutMs ?? 5_000),
      });
      const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
      if (typeof body.data?._service?.sdl !== 'string') throw new Error('no _service.sdl in the answer');
      sdl = body.data._service.sdl;
    } catch (error) {
      // An unreachable member is not judged: routing reports it unavailable, and the next refresh checks again.
      this.options.logger.warn(`contract check of ${row.countryCode} could not reach it`, { error: error instanceof Error ? error.message : String(error) });
      return;
    }
    let verdict: ContractVerdict;
    try {
      verdict = await checkAgainstContract(this.options.contract!, subgraphSchema(sdl));
    } catch (error) {
      verdict = { passed: false, reason: `Its schema could not be read as a subgraph: ${error instanceof Error ? error.message : String(error)}`, version: 'unknown' };
    }
    this.verdicts.set(row.countryCode, { ...verdict, endpoint: row.endpoint, checkedAt: Date.now() });
    if (!verdict.passed) this.options.logger.warn(`member ${row.countryCode} quarantined: ${verdict.reason}`);
    try {
      const recorded = await this.post(RECORD_CHECK, { countryCode: row.countryCode, input: { passed: verdict.passed, reason: verdict.reason, contractVersion: verdict.version } });
      if (recorded.errors) throw new Error(recorded.errors[0]!.message);
    } catch (error) {
      this.options.logger.warn(`could not record the contract check of ${row.countryCode}`, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async post<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
    if (!response.ok && response.status !== 400) throw new Error(`registry answered HTTP ${response.status}`);
    return (await response.json()) as { data?: T; errors?: { message: string }[] };
  }

  /** Load the registry, retrying until `timeoutMs`, then refresh on the interval. */
  async start(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.refresh();
        break;
      } catch (error) {
        if (Date.now() >= deadline) {
          throw new Error(`member registry did not answer within ${timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.options.logger.warn(`registry refresh failed; keeping the last copy: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
