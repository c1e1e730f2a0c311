import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { DocumentArbitraries, toJson, type GeneratedDocument } from './documents.js';
import { repeatedString } from './strings.js';

/** One HTTP request to the gateway. */
export interface FuzzRequest {
  /** The class of bad input it belongs to (SECURITY.md lists them). */
  kind: string;
  method: string;
  /** Path and query string, from the gateway's origin. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface RequestOptions {
  /** Bearer tokens the generator may send: valid ones for several roles, expired, for another audience. */
  tokens: readonly string[];
  /** Longest string inside an ordinary document. */
  longStringMax: number;
  /** Longest huge variable value. */
  hugeStringMax: number;
  /** The gateway's body limit: oversized bodies are just over it. */
  maxBodyBytes: number;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const post = (kind: string, body: Buffer, headers: Record<string, string> = JSON_HEADERS): FuzzRequest => ({ kind, method: 'POST', path: '/graphql', headers, body });
const graphqlBody = (document: GeneratedDocument) => json({ query: document.query, variables: document.variables, ...(document.operationName ? { operationName: document.operationName } : {}) });

/**
 * Arbitraries of requests to the gateway, weighted towards documents from
 * the public schema (valid, near-valid, with wrong variables, deep or wide,
 * with huge values) and covering malformed bodies, content types, batches,
 * GET requests, oversized bodies, odd headers and methods.
 */
export function requestArbitrary(schema: GraphQLSchema, options: RequestOptions): fc.Arbitrary<FuzzRequest> {
  const documents = new DocumentArbitraries(schema, { longStringMax: options.longStringMax });
  const document = documents.document();

  const valid = document.map((generated) => post('document', graphqlBody(generated)));
  const nearValid = documents.nearValidDocument().map((generated) => post('near-valid document', graphqlBody(generated)));
  const wrongVariables = document.chain((generated) =>
    fc
      .tuple(...Object.keys(generated.variables).map((name) => documents.wrongValue().map((value) => [name, toJson(value)] as const)), fc.constantFrom(undefined, 'extra'))
      .map(([...pairs]) => {
        const extra = pairs.pop();
        const variables = Object.fromEntries(pairs as (readonly [string, unknown])[]);
        if (extra) variables.notDeclared = { deep: [1, { x: 'y' }] };
        return post('wrong variable types', graphqlBody({ ...generated, variables }));
      }),
  );
  const deepOrWide = documents.deepOrWide().map((generated) => post('deep or wide selection', graphqlBody(generated)));
  const huge = fc
    .tuple(
      repeatedString(10_000, options.hugeStringMax),
      fc.constantFrom(
        { query: 'query ($v: String!) { search(query: $v) { totalCount } }' },
        { query: 'query ($v: Int) { search(query: "x", first: $v) { totalCount } }' },
        { query: 'query ($v: String!) { country(code: $v) { code } }' },
        { query: 'query ($v: FrameworkCode!) { framework(code: $v) { code } }' },
      ),
    )
    .map(([value, { query }]) => post('huge variable', json({ query, variables: { v: value } })));

  const malformed = fc
    .oneof(
      fc.constantFrom('{"query": ', '{', '[', '', 'null', '42', '"a string"', 'true', '{"query": 1}', '{"query": null}', '{"query": ["{ frameworks { code } }"]}', '{"variables": "x"}', '{"query": "{ frameworks { code } }", "variables": [1]}', '{"query": "{ frameworks { code } }", "operationName": {}}', '{"query": "{ frameworks { code } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "x"}}}', '{"query": "{ frameworks { code } }", "query": "{ members { status } }"}', '\ufeff{"query": "{ frameworks { code } }"}', '{"__proto__": {"query": "{ frameworks { code } }"}}'),
      fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
      fc.integer({ min: 100, max: 20_000 }).map((depth) => `{"query": "{ frameworks { code } }", "variables": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    )
    .map((text) => post('malformed JSON body', Buffer.from(text, text.startsWith('\ufeff') ? 'utf8' : 'latin1')));
  const invalidUtf8 = fc.constant(post('malformed JSON body', Buffer.concat([Buffer.from('{"query": "{ frameworks { code } }", "variables": {"s": "'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}}')])));
  const batch = fc.integer({ min: 0, max: 50 }).map((count) => post('batched request', json(Array.from({ length: count }, () => ({ query: '{ frameworks { code } }' })))));
  const contentType = fc
    .tuple(
      valid,
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/jsonp', 'APPLICATION/JSON', 'application/json;;;', '', 'application/graphql-response+json'),
    )
    .map(([request, type]): FuzzRequest => ({ ...request, kind: 'wrong content type', headers: type ? { 'content-type': type } : {} }));
  const get = fc.oneof(
    document.map((generated) => {
      const parameters = new URLSearchParams({ query: generated.query, variables: JSON.stringify(generated.variables) });
      if (generated.operationName) parameters.set('operationName', generated.operationName);
      return { kind: 'GET request', method: 'GET', path: `/graphql?${parameters.toString()}`, headers: { 'apollo-require-preflight': 'true' } } satisfies FuzzRequest;
    }),
    fc.constantFrom(
      '/graphql',
      '/graphql?query=',
      '/graphql?query=%ZZ',
      '/graphql?query={frameworks{code}}&variables={bad',
      '/graphql?query=mutation{removeMember(countryCode:"KE"){countryCode}}',
      '/graphql?query={frameworks{code}}&query={members{status}}',
    ).map((path) => ({ kind: 'GET request', method: 'GET', path, headers: { 'apollo-require-preflight': 'true' } })),
    fc.integer({ min: 8_000, max: 80_000 }).map((length) => ({ kind: 'GET request', method: 'GET', path: `/graphql?query=${'x'.repeat(length)}`, headers: {} })),
  );
  const oversized = fc
    .integer({ min: 1, max: 64 * 1024 })
    .map((extra) => post('oversized body', json({ query: '{ frameworks { code } }', variables: { pad: 'x'.repeat(options.maxBodyBytes + extra) } })));
  const oddHeaders = fc
    .tuple(
      valid,
      fc.record(
        {
          authorization: fc.oneof(
            fc.constantFrom(...options.tokens).map((token) => `Bearer ${token}`),
            fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', 'bearer x', `Bearer ${'x'.repeat(8000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.', 'Bearer \u00e9'),
          ),
          'x-forwarded-for': fc.constantFrom('127.0.0.1', 'not-an-ip', '1.2.3.4, 5.6.7.8', '::1', ''),
          accept: fc.constantFrom('text/html', 'application/graphql-response+json', '*/*;q=0', 'application/xml', 'text/event-stream'),
          traceparent: fc.constantFrom('00-00000000000000000000000000000000-0000000000000000-00', 'garbage', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
          cookie: fc.constantFrom('session=1', 'a'.repeat(4000)),
          'x-http-method-override': fc.constantFrom('DELETE', 'GET'),
          'apollo-require-preflight': fc.constant('true'),
        },
        { requiredKeys: [] },
      ),
    )
    .map(([request, headers]): FuzzRequest => ({ ...request, kind: 'odd headers', headers: { ...request.headers, ...(headers as Record<string, string>) } }));
  // A body that claims a compression it does not have.
  const encoded = fc
    .tuple(valid, fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'nonsense', 'gzip, gzip'))
    .map(([request, encoding]): FuzzRequest => ({ ...request, kind: 'odd headers', headers: { ...request.headers, 'content-encoding': encoding } }));
  const methods = fc
    .tuple(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'GET', 'POST'), fc.constantFrom('/graphql', '/', '/health', '/graphql/../health', '/%2e%2e/%2e%2e/etc/passwd', '/graphql%00', '/nope', '/graphql?x=%ZZ'))
    .map(([method, path]): FuzzRequest => ({ kind: 'other methods and paths', method, path, headers: JSON_HEADERS, ...(method === 'GET' || method === 'HEAD' ? {} : { body: json({ query: '{ frameworks { code } }' }) }) }));

  return fc.oneof(
    { weight: 30, arbitrary: valid },
    { weight: 12, arbitrary: nearValid },
    { weight: 8, arbitrary: wrongVariables },
    { weight: 5, arbitrary: deepOrWide },
    { weight: 2, arbitrary: huge },
    { weight: 5, arbitrary: fc.oneof({ weight: 9, arbitrary: malformed }, { weight: 1, arbitrary: invalidUtf8 }) },
    { weight: 2, arbitrary: batch },
    { weight: 4, arbitrary: contentType },
    { weight: 6, arbitrary: get },
    { weight: 1, arbitrary: oversized },
    { weight: 7, arbitrary: oddHeaders },
    { weight: 1, arbitrary: encoded },
    { weight: 3, arbitrary: methods },
  );
}
