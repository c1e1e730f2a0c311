/** POST a raw GraphQL request (for tests that must see the exact HTTP response, or talk to a subgraph directly). */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: Record<string, any> | null; errors?: any[] } };
}

/** Things a client must never see in a response: internal addresses and stack traces. */
export const LEAK_PATTERNS: readonly RegExp[] = [/https?:\/\//i, /127\.0\.0\.1/, /localhost/i, /\n[ \t]+at /, /stacktrace/i, /ECONNREFUSED/, /SELECT |INSERT |UPDATE /];
