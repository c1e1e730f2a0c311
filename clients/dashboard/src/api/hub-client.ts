import type { TypedDocumentString } from '../generated/graphql';

/** A GraphQL error as the hub words it: a message and a code, maybe the country and field it concerns. */
export interface HubErrorInfo {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    country?: string;
    field?: string;
    reason?: string;
    lines?: { line: number; field: string; message: string }[];
  };
}

export interface HubResult<TData> {
  data: TData | null;
  errors: HubErrorInfo[];
}

/** The hub could not be reached, or did not answer with GraphQL. */
export class HubUnreachableError extends Error {
  constructor(readonly status?: number) {
    super(status ? `The hub answered HTTP ${status}.` : 'The hub could not be reached.');
  }
}

/**
 * Run one of the dashboard's generated operations against the hub's public
 * GraphQL endpoint (same origin). Partial data comes back with its errors:
 * one member down does not hide the others.
 */
export async function execute<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<HubResult<TData>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new HubUnreachableError();
  }
  let body: { data?: TData | null; errors?: HubErrorInfo[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new HubUnreachableError(response.status);
  }
  if (body.data === undefined && !body.errors) throw new HubUnreachableError(response.status);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** Countries whose member subgraph failed in this answer (MEMBER_UNAVAILABLE). */
export function unavailableCountries(errors: HubErrorInfo[]): Set<string> {
  return new Set(errors.filter((error) => error.extensions?.code === 'MEMBER_UNAVAILABLE' && error.extensions.country).map((error) => error.extensions!.country!));
}
