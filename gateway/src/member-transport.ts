import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
// Not re-exported by the package index.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { DEFAULT_BODY_LIMIT_BYTES, EndpointRefusedError, guardedLookup, literalRefusal, traceHeaders, type EndpointPolicy } from '@wps/kit';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { buildConnector, Pool, type Dispatcher } from 'undici';
import type { GatewayContext } from './gateway-context.js';
import type { MemberRecord } from './member-directory.js';
import { MemberAnswerInvalidError, MemberAnswerTooLargeError, MemberDeadlineError, MemberHttpStatusError } from './member-failure.js';
import { NO_MEMBER_TOKENS, type MemberTokens } from './member-tokens.js';

export type ProcessOptions = GraphQLDataSourceProcessOptions<Record<string, unknown>>;
export type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
export type Variables = Record<string, unknown>;

/** One request to one member: a whole or a rewritten operation, with the variables it uses. */
export interface MemberRequest {
  query: string;
  variables: Variables;
  /** The parsed `query`, when there is one (no data source needs to parse it again). */
  document?: DocumentNode;
}

/** What a member answered, before any check. */
export interface MemberAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** How to reach a member endpoint. */
export type MemberConnect = (endpoint: string, timeoutMs: number, countryCode: string) => GraphQLDataSource;

/** What bounds every call to a member. */
export interface MemberLimits {
  /** Largest member answer read, in bytes: the read stops as soon as it passes. */
  maxResponseBytes: number;
  /** Largest request body sent to a member (what the member's body limit accepts). */
  maxRequestBytes: number;
  /** Which addresses a member endpoint may resolve to, checked at every connection. */
  endpoints: EndpointPolicy;
}

const tracer = trace.getTracer('@wps/gateway');

/** 8 MiB: the largest honest answer (a 55-member progress table) is far below. */
export const DEFAULT_MEMBER_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The limits without configuration: 8 MiB answers, the kit's 1 MiB requests, public addresses only. */
export const DEFAULT_MEMBER_LIMITS: MemberLimits = { maxResponseBytes: DEFAULT_MEMBER_MAX_RESPONSE_BYTES, maxRequestBytes: DEFAULT_BODY_LIMIT_BYTES, endpoints: { allow: new Set() } };

/** One POST of JSON to a member and what bounds it. */
export interface MemberPost {
  body: string;
  authorization?: string;
  /** W3C trace context (`traceparent`, `tracestate`) of the call, so the member's spans and logs join the caller's trace. */
  traceHeaders?: Record<string, string>;
  /** Deadline of the whole exchange: connect, headers and the last byte of the body. */
  timeoutMs: number;
  maxResponseBytes: number;
}

/**
 * A keep-alive pool to one member endpoint, with the address policy checked
 * on the endpoint's literal address now and on every address DNS gives at
 * each new connection (so a name re-pointed at a refused address later is
 * refused then). No redirect is ever followed: undici's `request` does not.
 */
export function openMemberPool(endpoint: string, policy: EndpointPolicy, connectTimeoutMs: number): { pool: Pool; path: string } {
  const url = new URL(endpoint);
  const refusal = literalRefusal(endpoint, policy);
  const connector = buildConnector({ timeout: connectTimeoutMs, lookup: guardedLookup(policy) } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    if (refusal) {
      callback(new EndpointRefusedError(refusal), null);
      return;
    }
    connector(options, callback);
  };
  const pool = new Pool(url.origin, { connect, connections: 32, keepAliveTimeout: 4_000, pipelining: 1 });
  return { pool, path: `${url.pathname}${url.search}` };
}

/** Stop reading a body: the connection is closed, and the abort it causes is nobody's error. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** Read a response body up to `maxBytes`: past the cap the stream is destroyed and nothing more is read. */
async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > maxBytes) {
      discard(body);
      throw new MemberAnswerTooLargeError(maxBytes);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

/**
 * POST JSON to a member and parse its JSON object answer, within the
 * deadline and the byte cap. Throws the typed errors of member-failure.ts
 * (or undici's, with their codes), never one whose message must be read.
 */
export async function postToMember(pool: Dispatcher, path: string, post: MemberPost): Promise<Record<string, unknown>> {
  const deadline = AbortSignal.timeout(post.timeoutMs);
  try {
    const response = await pool.request({
      path,
      method: 'POST',
      headers: { ...post.traceHeaders, 'content-type': 'application/json', accept: 'application/json', ...(post.authorization ? { authorization: post.authorization } : {}) },
      body: post.body,
      signal: deadline,
      headersTimeout: post.timeoutMs,
      bodyTimeout: post.timeoutMs,
    });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      discard(response.body);
      throw new MemberHttpStatusError(response.statusCode);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > post.maxResponseBytes) {
      discard(response.body);
      throw new MemberAnswerTooLargeError(post.maxResponseBytes);
    }
    const raw = await readCapped(response.body, post.maxResponseBytes);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new MemberAnswerInvalidError('is not JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new MemberAnswerInvalidError('is not a JSON object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    // Whatever undici threw once the deadline passed (an abort, a destroyed body), it is the deadline.
    if (deadline.aborted && !(error instanceof MemberAnswerTooLargeError)) throw new MemberDeadlineError(post.timeoutMs);
    throw error;
  }
}

/**
 * The one place that decides the Authorization header a member receives for
 * an incoming operation: never the caller's hub token, only a token the
 * identity provider minted for that member's audience, and only where it
 * gives rights there (its own focal points': member-tokens.ts).
 */
export async function authorizationFor(options: ProcessOptions, countryCode: string, memberTokens: MemberTokens): Promise<string | undefined> {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return undefined;
  const { authorization, principal } = options.incomingRequestContext.context as Partial<GatewayContext>;
  if (!authorization || !principal) return undefined;
  return memberTokens.tokenFor(principal, authorization, countryCode);
}

/** The request is larger than the member accepts: refused at the gateway, never sent. */
export class MemberRequestTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(`member request of ${bytes} bytes is over the members' limit of ${limitBytes}`);
  }
}

/**
 * A member's data source over undici: a keep-alive pool per member, the
 * deadline on the whole exchange and the body read (a slow drip fails too),
 * the byte cap on the answer, streamed, no redirects, the address policy at
 * each connection, and a request body never larger than a member accepts.
 */
export class MemberHttpSource implements GraphQLDataSource {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    endpoint: string,
    private readonly countryCode: string,
    private readonly timeoutMs: number,
    private readonly limits: MemberLimits,
    private readonly memberTokens: MemberTokens = NO_MEMBER_TOKENS,
  ) {
    ({ pool: this.pool, path: this.path } = openMemberPool(endpoint, limits.endpoints, timeoutMs));
  }

  /**
   * One call is one client span, `nap <CC>`, with `wps.country`, in the
   * trace of the request that needs it; the member receives that trace
   * context as `traceparent`. Without a tracer provider the span records
   * nothing and the client's trace id passes through (kit tracing.ts).
   */
  process(options: ProcessOptions): Promise<GatewayResponse> {
    return tracer.startActiveSpan(`nap ${this.countryCode}`, { kind: SpanKind.CLIENT, attributes: { 'wps.country': this.countryCode, 'graphql.operation.name': options.request.operationName ?? '' } }, async (span) => {
      try {
        return await this.post(options);
      } catch (error) {
        // The failure's kind only: a message may quote the member.
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async post(options: ProcessOptions): Promise<GatewayResponse> {
    const { query, variables, operationName } = options.request;
    const body = JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });
    const bytes = Buffer.byteLength(body);
    if (bytes > this.limits.maxRequestBytes) throw new MemberRequestTooLargeError(bytes, this.limits.maxRequestBytes);
    const answer = await postToMember(this.pool, this.path, {
      body,
      authorization: await authorizationFor(options, this.countryCode, this.memberTokens),
      traceHeaders: traceHeaders(),
      timeoutMs: this.timeoutMs,
      maxResponseBytes: this.limits.maxResponseBytes,
    });
    return answer as GatewayResponse;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The default connection to a member: a MemberHttpSource with these limits, sending the member tokens `memberTokens` mints. */
export function memberConnection(limits: MemberLimits, memberTokens: MemberTokens = NO_MEMBER_TOKENS): MemberConnect {
  return (endpoint, timeoutMs, countryCode) => new MemberHttpSource(endpoint, countryCode, timeoutMs, limits, memberTokens);
}

/**
 * The wire to the members: one data source per member (country and
 * endpoint), made on first use and kept, so connections and keep-alive are
 * reused. `send` throws whatever the data source throws; classifying it is
 * the circuit's job.
 */
export class MemberTransport {
  private readonly sources = new Map<string, GraphQLDataSource>();

  constructor(
    private readonly connect: MemberConnect,
    private readonly timeoutMs: number,
  ) {}

  send(member: MemberRecord, options: ProcessOptions, request: MemberRequest): Promise<MemberAnswer> {
    // Each member call gets its own copy of the request.
    return this.sourceFor(member).process({
      ...options,
      request: { ...options.request, query: request.query, variables: request.variables, http: undefined },
      document: request.document,
    } as ProcessOptions);
  }

  private sourceFor(member: MemberRecord): GraphQLDataSource {
    const key = `${member.countryCode} ${member.endpoint}`;
    let source = this.sources.get(key);
    if (!source) {
      source = this.connect(member.endpoint, this.timeoutMs, member.countryCode);
      this.sources.set(key, source);
    }
    return source;
  }
}
