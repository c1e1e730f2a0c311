import type { Logger } from '@wps/kit';

export type RegisteredStatus = 'ACTIVE' | 'QUARANTINED' | 'OFFLINE';

export interface MemberRecord {
  countryCode: string;
  endpoint: string;
  status: RegisteredStatus;
}

/** What the MemberRouter needs from the registry. */
export interface MemberDirectory {
  /** The registered member for a country, or undefined when none is registered. */
  memberFor(countryCode: string): MemberRecord | undefined;
}

export interface MemberRegistryOptions {
  /** GraphQL endpoint serving `Query.members` (the regional subgraph). */
  url: string;
  refreshMs: number;
  requestTimeoutMs: number;
  logger: Logger;
  /** The hub's service credential (a HUB_SERVICE token): member endpoints are not public. */
  token?: string;
}

const MEMBERS_QUERY = /* GraphQL */ `query HubMemberRegistry { members { countryCode endpoint status } }`;

/**
 * The gateway's copy of the member registry, read from the regional
 * subgraph at start and on an interval: registering or removing a member
 * needs no restart. A failed refresh keeps the last good copy.
 */
export class MemberRegistry implements MemberDirectory {
  private members = new Map<string, MemberRecord>();
  private timer: NodeJS.Timeout | undefined;
  private loadedAt: Date | undefined;

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

  /** Read the registry once; throws when the registry does not answer with a member list. */
  async refresh(): Promise<void> {
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}) },
      body: JSON.stringify({ query: MEMBERS_QUERY, operationName: 'HubMemberRegistry' }),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
    if (!response.ok) throw new Error(`registry answered HTTP ${response.status}`);
    const body = (await response.json()) as { data?: { members?: MemberRecord[] }; errors?: { message: string }[] };
    const members = body.data?.members;
    if (!Array.isArray(members) || body.errors) throw new Error(`registry answered without a member list${body.errors ? `: ${body.errors[0]!.message}` : ''}`);
    const next = new Map(members.map((member) => [member.countryCode, member]));
    const changed = [...next.keys()].sort().join(',') !== [...this.members.keys()].sort().join(',');
    this.members = next;
    this.loadedAt = new Date();
    if (changed) this.options.logger.info(`member registry: ${[...next.keys()].sort().join(', ') || 'no members'}`);
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
