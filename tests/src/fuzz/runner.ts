import http from 'node:http';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { requestArbitrary, type FuzzRequest, type RequestOptions } from './requests.js';

export interface FuzzOptions extends RequestOptions {
  /** The gateway's GraphQL URL; requests go to its origin. */
  gatewayUrl: string;
  schema: GraphQLSchema;
  seed: number;
  cases: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Addresses of the hub's subgraphs and members: none may appear in a response. */
  internalAddresses: readonly string[];
  /** Folders of the deployment (the repository): no path under them may appear in a response. */
  internalPaths: readonly string[];
  /** Longest wait for one answer. */
  timeoutMs?: number;
}

export interface FuzzFailure {
  index: number;
  kind: string;
  problems: string[];
  request: FuzzRequest;
  status?: number;
  response?: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  failures: FuzzFailure[];
  /** Cases and statuses by kind of input. */
  byKind: Record<string, { cases: number; statuses: Record<string, number> }>;
  /** The slowest answers, for information (speed is the benchmark's business). */
  slowest: { index: number; kind: string; ms: number; status?: number }[];
  elapsedMs: number;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Send one request with node:http, which lets odd headers and bodies through as they are. */
function send(origin: URL, request: FuzzRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      // A fresh connection each time: a kept-alive one the server is closing would fail a request it never saw.
      { agent: false, host: origin.hostname, port: origin.port, method: request.method, path: request.path, headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/**
 * Node's HTTP server refuses a request line and headers over 16 KiB with 431
 * and closes the connection, which the client may see as a reset before it
 * reads the 431: for such a request a reset is an answer.
 */
const MAX_HEADER_BYTES = 16 * 1024;
const refusedAtTheDoor = (request: FuzzRequest, error: unknown) =>
  // (Errors from node:http are not `instanceof Error` inside jest's sandbox: read the message.)
  request.path.length + JSON.stringify(request.headers).length > MAX_HEADER_BYTES && /ECONNRESET|EPIPE/.test(String((error as { message?: unknown })?.message ?? error));

/** Stack frames, SQL and driver texts that must never reach a client. */
const INTERNAL_TEXT: readonly RegExp[] = [
  // Stack frames are indented with spaces (or a tab); `\s+` would also take newlines and backtrack quadratically on a run of them.
  /\n[ \t]+at \S/,
  /\bat (?:async )?[\w$.<>]+ \((?:node:|file:|\/)/,
  /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+["\w]/,
  /\brelation "[\w.]+"/,
  /syntax error at or near/,
  /\bECONN(?:REFUSED|RESET)\b/,
  /\bnode_modules\b/,
  /\.(?:ts|js):\d+/,
  /stacktrace/i,
];

/** Every problem with one answer: a 5xx, something internal in it, an error without a code. */
export function problemsOf(request: FuzzRequest, answer: Answer, options: Pick<FuzzOptions, 'internalAddresses' | 'internalPaths'>): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  const asked = `${request.path} ${JSON.stringify(request.headers)} ${request.body?.toString('utf8') ?? ''}`;
  const said = `${JSON.stringify(answer.headers)}\n${answer.text}`;
  // Text the client sent can come back (an echoed bad value); anything else found here is the hub's.
  const leaked = (found: string) => !asked.includes(found) && !asked.includes(JSON.stringify(found).slice(1, -1));
  for (const address of options.internalAddresses) if (said.includes(address)) problems.push(`internal address ${address}`);
  for (const pattern of [/127\.0\.0\.1:\d+/g, /localhost:\d+/g]) for (const match of said.matchAll(pattern)) if (leaked(match[0])) problems.push(`internal address ${match[0]}`);
  for (const folder of options.internalPaths) if (said.includes(folder) && leaked(folder)) problems.push(`file path ${folder}`);
  for (const pattern of INTERNAL_TEXT) {
    const match = pattern.exec(said);
    if (match && leaked(match[0])) problems.push(`internal text ${JSON.stringify(match[0])}`);
  }
  if (answer.headers['x-powered-by']) problems.push('x-powered-by header');
  const type = String(answer.headers['content-type'] ?? '');
  if (answer.text.length > 0 && /json/.test(type)) {
    let body: { errors?: unknown } | undefined;
    try {
      body = JSON.parse(answer.text) as { errors?: unknown };
    } catch {
      problems.push('a JSON content type with a body that is not JSON');
    }
    const errors = body?.errors;
    if (errors !== undefined) {
      if (!Array.isArray(errors) || errors.length === 0) problems.push('errors is not a non-empty list');
      else
        for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
          if (typeof error?.extensions?.code !== 'string') problems.push(`an error without extensions.code: ${JSON.stringify(error).slice(0, 200)}`);
          if (typeof error?.message !== 'string') problems.push('an error without a message');
          // Error messages say nothing of addresses, even public ones the client did not send.
          const url = typeof error?.message === 'string' ? /\b[a-z]+:\/\/\S*/i.exec(error.message) : null;
          if (url && leaked(url[0])) problems.push(`a URL in an error message: ${url[0]}`);
        }
    }
  } else if (answer.text.length > 0 && request.path.startsWith('/graphql') && answer.status !== 404) {
    problems.push(`a non-JSON answer (${type || 'no content type'}) from /graphql`);
  }
  return problems;
}

/** The request as someone reproducing a failure needs it (long bodies shortened). */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body?.toString('utf8') ?? '';
  const shown = body.length > 2000 ? `${body.slice(0, 1000)}…(${body.length} bytes)…${body.slice(-200)}` : body;
  return `${request.method} ${request.path.length > 500 ? `${request.path.slice(0, 500)}…` : request.path}\nheaders: ${JSON.stringify(request.headers).slice(0, 1000)}\nbody: ${shown}`;
}

/**
 * The gateway fuzz test (issue 9, item 10): `cases` requests drawn with
 * fast-check from a fixed seed, sent `concurrency` at a time to one real
 * gateway, each answer checked by `problemsOf`. Case `i` of a seed is
 * always the same request, so a failure is reproduced by its seed and index.
 */
export async function runGatewayFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const origin = new URL(options.gatewayUrl);
  const requests = fc.sample(requestArbitrary(options.schema, options), { seed: options.seed, numRuns: options.cases });
  const failures: FuzzFailure[] = [];
  const byKind: FuzzReport['byKind'] = {};
  const timings: FuzzReport['slowest'] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < requests.length; index = next++) {
      const request = requests[index]!;
      const kind = (byKind[request.kind] ??= { cases: 0, statuses: {} });
      kind.cases += 1;
      const sentAt = Date.now();
      try {
        const answer = await send(origin, request, options.timeoutMs ?? 30_000);
        kind.statuses[answer.status] = (kind.statuses[answer.status] ?? 0) + 1;
        timings.push({ index, kind: request.kind, ms: Date.now() - sentAt, status: answer.status });
        const problems = problemsOf(request, answer, options);
        if (problems.length > 0) failures.push({ index, kind: request.kind, problems, request, status: answer.status, response: answer.text.slice(0, 2000) });
      } catch (error) {
        timings.push({ index, kind: request.kind, ms: Date.now() - sentAt });
        if (refusedAtTheDoor(request, error)) {
          kind.statuses.reset = (kind.statuses.reset ?? 0) + 1;
          continue;
        }
        kind.statuses.none = (kind.statuses.none ?? 0) + 1;
        failures.push({ index, kind: request.kind, problems: [`no answer: ${String((error as { message?: unknown })?.message ?? error)}`], request });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return {
    seed: options.seed,
    cases: requests.length,
    failures: failures.sort((a, b) => a.index - b.index),
    byKind,
    slowest: timings.sort((a, b) => b.ms - a.ms).slice(0, 5),
    elapsedMs: Date.now() - started,
  };
}

/** A failure report a person can act on: the seed, each failing case's index, problems and request. */
export function describeFailures(report: FuzzReport, limit = 10): string {
  return [
    `gateway fuzz: ${report.failures.length} of ${report.cases} cases failed (seed ${report.seed}; rerun with npm run fuzz -- --seed ${report.seed} --cases ${report.cases})`,
    ...report.failures.slice(0, limit).map((failure) => `\n#${failure.index} [${failure.kind}] ${failure.problems.join('; ')}\n${describeRequest(failure.request)}\nanswer: ${failure.status ?? '-'} ${failure.response ?? ''}`),
  ].join('\n');
}
