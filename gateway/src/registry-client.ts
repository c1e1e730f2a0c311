import type { ContractVerdict } from './contract-check.js';
import type { RegisteredStatus } from './member-directory.js';
import type { ServiceCredential } from './service-credential.js';

/** One member as the registry (the regional subgraph) holds it. */
export interface RegistryRow {
  countryCode: string;
  endpoint: string;
  status: RegisteredStatus;
  /**
   * Raised by every change the hub admin makes to the member (register,
   * re-point, take offline, bring back), never by a recorded check: a
   * revision this gateway has not checked is a change it must check.
   */
  revision: number;
}

export interface RegistryClientOptions {
  /** GraphQL endpoint serving `Query.members` and `Mutation.recordMemberCheck` (the regional subgraph). */
  url: string;
  /** Deadline of one registry request. */
  timeoutMs: number;
  /** The hub's service credential (a HUB_SERVICE token, fetched and rotated, or fixed): member endpoints are not public. */
  credential?: ServiceCredential;
}

const MEMBERS_QUERY = /* GraphQL */ `query HubMemberRegistry { members { countryCode endpoint status revision } }`;
const RECORD_CHECK = /* GraphQL */ `mutation HubRecordMemberCheck($countryCode: String!, $input: MemberCheckInput!) {
  recordMemberCheck(countryCode: $countryCode, input: $input) { status revision }
}`;

/**
 * The gateway's two calls to the registry, in one direction each: read the
 * members (the registry's truth), and report a contract verdict for one
 * revision of one member. Nothing else is written.
 */
export class RegistryClient {
  constructor(private readonly options: RegistryClientOptions) {}

  /** Every registered member; throws when the registry does not answer with a list. */
  async members(): Promise<RegistryRow[]> {
    const body = await this.post<{ members?: RegistryRow[] }>(MEMBERS_QUERY, {});
    const rows = body.data?.members;
    if (!Array.isArray(rows) || body.errors) throw new Error(`registry answered without a member list${body.errors ? `: ${body.errors[0]!.message}` : ''}`);
    return rows;
  }

  /**
   * Record the verdict on the member as it was at `revision`. The registry
   * ignores a verdict on a revision the admin has changed since; the answer
   * says whether it was applied.
   */
  async recordCheck(countryCode: string, revision: number, verdict: ContractVerdict): Promise<{ applied: boolean }> {
    const body = await this.post<{ recordMemberCheck?: { revision: number } }>(RECORD_CHECK, {
      countryCode,
      input: { passed: verdict.passed, reason: verdict.reason, contractVersion: verdict.version, revision },
    });
    if (body.errors) throw new Error(body.errors[0]!.message);
    return { applied: body.data?.recordMemberCheck?.revision === revision };
  }

  private async post<T>(query: string, variables: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string }[] }> {
    const token = await this.options.credential?.token();
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      // The service credential goes to the registry's own URL only: a redirect is an error.
      redirect: 'error',
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok && response.status !== 400) throw new Error(`registry answered HTTP ${response.status}`);
    return (await response.json()) as { data?: T; errors?: { message: string }[] };
  }
}
