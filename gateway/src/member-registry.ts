import { errorMessage, type Logger } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { checkAgainstContract, subgraphSchema, type ContractVerdict } from './contract-check.js';
import type { MemberDirectory, MemberRecord, RegisteredStatus } from './member-directory.js';
import { probeMemberSdl } from './member-probe.js';
import { RegistryClient, type RegistryRow } from './registry-client.js';
import type { ServiceCredential } from './service-credential.js';

export type { MemberDirectory, MemberRecord, RegisteredStatus } from './member-directory.js';

export interface MemberRegistryOptions {
  /** GraphQL endpoint serving `Query.members` and `Mutation.recordMemberCheck` (the regional subgraph). */
  url: string;
  refreshMs: number;
  requestTimeoutMs: number;
  logger: Logger;
  /** The hub's service credential (a HUB_SERVICE token, rotated): member endpoints are not public. */
  credential?: ServiceCredential;
  /** The NAP contract members must serve; without it members are not checked. */
  contract?: GraphQLSchema;
  /** How often a checked member is checked again. */
  checkIntervalMs?: number;
  /** Deadline of one member's `_service` request. */
  memberTimeoutMs?: number;
}

/** This gateway's contract verdict on one revision of a member. */
interface Verdict extends ContractVerdict {
  revision: number;
  checkedAt: number;
}

/**
 * The gateway's copy of the member registry, read from the regional
 * subgraph at start and on an interval, so registering or removing a member
 * needs no restart. A failed refresh keeps the last good copy.
 *
 * The registry is the truth and changes flow one way: the gateway reads
 * the members, and reports each contract verdict through
 * `recordMemberCheck`, for the revision it checked. Before a member is
 * routed to, its `_service { sdl }` is compared with the contract: a member
 * that lacks or changes anything is QUARANTINED with the differences as the
 * reason, one that only adds is ACTIVE. A member is checked when its
 * revision is one this gateway has not checked (it appeared, or the admin
 * re-pointed it or brought it back), and again every `checkIntervalMs`.
 */
export class MemberRegistry implements MemberDirectory {
  private members = new Map<string, MemberRecord>();
  private readonly verdicts = new Map<string, Verdict>();
  private readonly client: RegistryClient;
  private timer: NodeJS.Timeout | undefined;
  private loadedAt: Date | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly options: MemberRegistryOptions) {
    this.client = new RegistryClient({ url: options.url, timeoutMs: options.requestTimeoutMs, credential: options.credential });
  }

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
    const rows = await this.client.members();
    await Promise.all(rows.filter((row) => this.needsCheck(row)).map((row) => this.check(row)));
    const registered = new Set(rows.map((row) => row.countryCode));
    for (const country of this.verdicts.keys()) if (!registered.has(country)) this.verdicts.delete(country);
    const next = new Map(rows.map((row) => [row.countryCode, { countryCode: row.countryCode, endpoint: row.endpoint, status: this.routingStatus(row) }]));
    const summary = (map: Map<string, MemberRecord>) => [...map.values()].map((member) => `${member.countryCode}:${member.status}`).sort().join(', ');
    if (summary(next) !== summary(this.members)) this.options.logger.info(`member registry: ${summary(next) || 'no members'}`);
    this.members = next;
    this.loadedAt = new Date();
  }

  private needsCheck(row: RegistryRow): boolean {
    if (!this.options.contract || row.status === 'OFFLINE') return false;
    const verdict = this.verdicts.get(row.countryCode);
    if (!verdict || verdict.revision !== row.revision) return true;
    return Date.now() - verdict.checkedAt > (this.options.checkIntervalMs ?? 60_000);
  }

  /** OFFLINE as the admin says; otherwise what this gateway's check of this revision found; otherwise what the registry says. */
  private routingStatus(row: RegistryRow): RegisteredStatus {
    if (row.status === 'OFFLINE') return 'OFFLINE';
    const verdict = this.verdicts.get(row.countryCode);
    if (verdict && verdict.revision === row.revision) return verdict.passed ? 'ACTIVE' : 'QUARANTINED';
    return row.status;
  }

  private async check(row: RegistryRow): Promise<void> {
    let sdl: string;
    try {
      sdl = await probeMemberSdl(row.endpoint, this.options.memberTimeoutMs ?? 5_000);
    } catch (error) {
      // An unreachable member is not judged: routing reports it unavailable, and the next refresh checks again.
      this.options.logger.warn(`contract check of ${row.countryCode} could not reach it`, { error: errorMessage(error) });
      return;
    }
    let verdict: ContractVerdict;
    try {
      verdict = await checkAgainstContract(this.options.contract!, subgraphSchema(sdl));
    } catch (error) {
      verdict = { passed: false, reason: `Its schema could not be read as a subgraph: ${errorMessage(error)}`, version: 'unknown' };
    }
    this.verdicts.set(row.countryCode, { ...verdict, revision: row.revision, checkedAt: Date.now() });
    if (!verdict.passed) this.options.logger.warn(`member ${row.countryCode} quarantined: ${verdict.reason}`);
    try {
      const { applied } = await this.client.recordCheck(row.countryCode, row.revision, verdict);
      // The admin changed the member meanwhile: the next refresh sees the new revision and checks that.
      if (!applied) this.options.logger.info(`contract check of ${row.countryCode} was for revision ${row.revision}, which the admin has changed since`);
    } catch (error) {
      this.options.logger.warn(`could not record the contract check of ${row.countryCode}`, { error: errorMessage(error) });
    }
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
          throw new Error(`member registry did not answer within ${timeoutMs} ms: ${errorMessage(error)}`, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.options.logger.warn(`registry refresh failed; keeping the last copy: ${errorMessage(error)}`),
      );
    }, this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
