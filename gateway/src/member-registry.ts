import { createHash } from 'node:crypto';
import { EndpointRefusedError, errorMessage, type Logger } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { checkAgainstContract, subgraphSchema, type ContractVerdict } from './contract-check.js';
import type { MemberDirectory, MemberRecord, RegisteredStatus } from './member-directory.js';
import { contractChecks } from './gateway-metrics.js';
import { classifyFailure } from './member-failure.js';
import { probeMemberSdl, ProbeWithoutSdlError, type ProbeLimits } from './member-probe.js';
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
  /** Deadline, byte cap and address policy of one member's `_service` request. */
  probe: ProbeLimits;
}

/** This gateway's contract verdict on one revision of a member. */
interface Verdict extends ContractVerdict {
  revision: number;
  checkedAt: number;
  /** The probe failed: no schema was read, and the next refresh tries again. */
  probeFailed: boolean;
}

/** What a failed probe saw, as a failure reason (typed signals, member-failure.ts). */
function probeFailureOf(error: unknown): string {
  if (error instanceof EndpointRefusedError || (error instanceof Error && error.cause instanceof EndpointRefusedError)) return 'refused_address';
  if (error instanceof ProbeWithoutSdlError) return 'no_sdl';
  return classifyFailure(error);
}

const PROBE_FAILURE_TEXT: Record<string, string> = {
  refused_address: 'its endpoint resolves to an address the hub does not call',
  no_sdl: 'it answered without an SDL',
  timeout: 'it did not answer in time',
  unreachable: 'it could not be reached',
  http_error: 'it answered with an HTTP error (redirects are not followed)',
  invalid_response: 'its answer was not a GraphQL answer, or was over the size limit',
};

/**
 * The registry's reason for a member whose probe failed: what kind of
 * failure, never the response body, an address or a network error's text
 * (the reason is the admin's, but must not make the registry a port scanner).
 */
function probeFailureReason(error: unknown): string {
  const kind = probeFailureOf(error);
  return `Not routed: the contract check could not read its schema (${PROBE_FAILURE_TEXT[kind] ?? kind}); it is checked again at every registry refresh.`;
}

/** Distinct member SDLs whose verdicts are kept: a few releases in use at once, with room to spare. */
const VERDICTS_BY_SDL_KEPT = 32;

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
 * reason, one that only adds is ACTIVE. Fail closed: a member whose probe
 * fails (unreachable, timeout, HTTP error or redirect, a refused address, an
 * answer over the probe's byte cap) or that has not been checked yet is not
 * routed to, and the failure's kind (never its text) is the reason. A member is checked when its
 * revision is one this gateway has not checked (it appeared, or the admin
 * re-pointed it or brought it back), and again every `checkIntervalMs`.
 */
export class MemberRegistry implements MemberDirectory {
  private members = new Map<string, MemberRecord>();
  private readonly verdicts = new Map<string, Verdict>();
  /**
   * Verdicts by the SHA-256 of the SDL they judged, newest use last: the
   * check is a function of the contract and the SDL alone, and members that
   * run the same release serve the same SDL, so 110 members cost one
   * comparison (about 0.2 s of CPU each), at start and at every re-check.
   * In flight ones are shared. Bounded: a member that changes its SDL at
   * every probe cannot grow it.
   */
  private readonly verdictsBySdl = new Map<string, Promise<ContractVerdict>>();
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
    if (!verdict || verdict.revision !== row.revision || verdict.probeFailed) return true;
    return Date.now() - verdict.checkedAt > (this.options.checkIntervalMs ?? 60_000);
  }

  /**
   * OFFLINE as the admin says; otherwise what this gateway's check of this
   * revision found. Fail closed: a member is ACTIVE only after a check that
   * succeeded, so one whose probe failed, timed out or answered too much, or
   * that has not been checked yet, is QUARANTINED here, whatever the registry
   * holds. Without a contract (no checks), what the registry says.
   */
  private routingStatus(row: RegistryRow): RegisteredStatus {
    if (row.status === 'OFFLINE') return 'OFFLINE';
    if (!this.options.contract) return row.status;
    const verdict = this.verdicts.get(row.countryCode);
    return verdict && verdict.revision === row.revision && verdict.passed ? 'ACTIVE' : 'QUARANTINED';
  }

  private async check(row: RegistryRow): Promise<void> {
    const previous = this.verdicts.get(row.countryCode);
    const sameRevision = previous?.revision === row.revision ? previous : undefined;
    let sdl: string;
    try {
      sdl = await probeMemberSdl(row.endpoint, this.options.probe);
    } catch (error) {
      this.options.logger.warn(`contract check of ${row.countryCode} could not read its schema: ${probeFailureOf(error)}`, { error: errorMessage(error) });
      // A member that passed this revision's check stays routed (routing reports it unavailable while it is); any other is not routed.
      if (sameRevision?.passed) return;
      const verdict: ContractVerdict = { passed: false, reason: probeFailureReason(error), version: sameRevision?.version ?? 'unknown' };
      this.verdicts.set(row.countryCode, { ...verdict, revision: row.revision, checkedAt: Date.now(), probeFailed: true });
      // Recorded once per revision and reason, not at every refresh that retries it.
      if (sameRevision?.reason !== verdict.reason) await this.record(row, verdict);
      return;
    }
    const verdict = await this.verdictOf(sdl);
    this.verdicts.set(row.countryCode, { ...verdict, revision: row.revision, checkedAt: Date.now(), probeFailed: false });
    if (!verdict.passed) this.options.logger.warn(`member ${row.countryCode} quarantined: ${verdict.reason}`);
    await this.record(row, verdict);
  }

  /** The contract's verdict on an SDL: computed once per distinct SDL, then reused (see verdictsBySdl). */
  private verdictOf(sdl: string): Promise<ContractVerdict> {
    const key = createHash('sha256').update(sdl).digest('base64');
    const known = this.verdictsBySdl.get(key);
    if (known) {
      this.verdictsBySdl.delete(key);
      this.verdictsBySdl.set(key, known);
      contractChecks.inc({ verdict: 'reused' });
      return known;
    }
    contractChecks.inc({ verdict: 'computed' });
    const verdict = (async (): Promise<ContractVerdict> => {
      try {
        return await checkAgainstContract(this.options.contract!, subgraphSchema(sdl));
      } catch {
        // The parser's message quotes the member's text: the reason says only what failed.
        return { passed: false, reason: 'Its schema could not be read as a subgraph SDL.', version: 'unknown' };
      }
    })();
    this.verdictsBySdl.set(key, verdict);
    while (this.verdictsBySdl.size > VERDICTS_BY_SDL_KEPT) this.verdictsBySdl.delete(this.verdictsBySdl.keys().next().value!);
    return verdict;
  }

  private async record(row: RegistryRow, verdict: ContractVerdict): Promise<void> {
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
