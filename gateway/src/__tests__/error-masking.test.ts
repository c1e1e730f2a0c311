import type { GraphQLFormattedError } from 'graphql';
import { LEAK_PATTERNS, recordingLogger } from '@wps/tests';
import { capText, createGatewayErrorMasker, scrubAddresses } from '../error-masking.js';


describe('createGatewayErrorMasker', () => {
  it('keeps an allow-listed code with its public extensions and drops the others', () => {
    const { logger, lines } = recordingLogger();
    const mask = createGatewayErrorMasker(logger);
    const formatted: GraphQLFormattedError = {
      message: 'The NAP subgraph of KE did not answer in time; its data is missing from this response.',
      locations: [{ line: 1, column: 2 }],
      path: ['countries', 3, 'currentActionPlan'],
      extensions: {
        code: 'MEMBER_UNAVAILABLE',
        country: 'KE',
        reason: 'timeout',
        serviceName: 'nap',
        response: { url: 'http://nap-ke:4000/graphql', status: 504, body: 'upstream timed out' },
        stacktrace: ['Error: timeout', '    at fetch (node:internal)'],
      },
    };
    expect(mask(formatted)).toEqual({
      message: 'The NAP subgraph of KE did not answer in time; its data is missing from this response.',
      locations: [{ line: 1, column: 2 }],
      path: ['countries', 3, 'currentActionPlan'],
      extensions: { code: 'MEMBER_UNAVAILABLE', country: 'KE', reason: 'timeout' },
    });
    expect(lines).toEqual([]);
  });

  it('keeps field, service and line extensions of a public error', () => {
    const mask = createGatewayErrorMasker(recordingLogger().logger);
    expect(mask({ message: 'bad', extensions: { code: 'BAD_USER_INPUT', field: 'on', internal: true } }).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'on' });
    expect(mask({ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'knowledge' } }).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'knowledge' });
  });

  it('keeps the line-numbered problems of a refused import and what an unpublishable item lacks', () => {
    const mask = createGatewayErrorMasker(recordingLogger().logger);
    const lines = [{ line: 3, field: 'value', message: '"abc" is not a number.' }];
    expect(mask({ message: '1 row is invalid; nothing was imported.', extensions: { code: 'BAD_USER_INPUT', field: 'csv', lines } }).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'csv',
      lines,
    });
    expect(mask({ message: 'not complete', extensions: { code: 'BAD_USER_INPUT', field: 'id', missing: ['source'] } }).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
      missing: ['source'],
    });
  });

  it('scrubs URLs out of the message of an allowed error', () => {
    const mask = createGatewayErrorMasker(recordingLogger().logger);
    const masked = mask({
      message: 'Member KE at http://10.0.0.7:4100/graphql refused; see https://status.example.org/incidents?id=1 or postgres://hub:secret@db:5432/nap_ke',
      path: ['kenya'],
      extensions: { code: 'MEMBER_UNAVAILABLE', country: 'KE', reason: 'unreachable' },
    });
    expect(masked.message).toBe('Member KE at [internal address] refused; see [internal address] or [internal address]');
    expect(masked.message).not.toMatch(/:\/\/|secret|10\.0\.0\.7/);
  });

  it('turns an unknown code into a bare INTERNAL_SERVER_ERROR and logs the original', () => {
    const { logger, lines } = recordingLogger();
    const mask = createGatewayErrorMasker(logger);
    const masked = mask({
      message: '500: Internal Server Error from http://localhost:4001/graphql',
      locations: [{ line: 2, column: 5 }],
      path: ['countries'],
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'regional', response: { url: 'http://localhost:4001/graphql' } },
    });
    expect(masked).toEqual({ message: 'Internal server error', path: ['countries'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = JSON.stringify(masked);
    for (const pattern of LEAK_PATTERNS) expect(text).not.toMatch(pattern);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.details).toMatchObject({ code: 'DOWNSTREAM_SERVICE_ERROR', message: expect.stringContaining('localhost:4001') });
  });

  it('masks errors without a code and INTERNAL_SERVER_ERROR errors with a telling message', () => {
    const mask = createGatewayErrorMasker(recordingLogger().logger);
    expect(mask({ message: 'connect ECONNREFUSED 127.0.0.1:4002' })).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(mask({ message: 'SELECT * FROM member', extensions: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('scrubAddresses', () => {
  /** The regular expression the scanner replaced: the scanner must say exactly what it said (only in linear time). */
  const OLD_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"')]+/gi;

  it('replaces exactly what the old regular expression replaced, on texts built from the characters that matter', () => {
    const alphabet = ['a', 'Z', '1', '_', '.', '+', '-', ':', '/', ' ', '"', "'", ')', '\t', 'é'];
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 5_000; round += 1) {
      let text = '';
      const length = next() % 24;
      for (let index = 0; index < length; index += 1) text += next() % 5 === 0 ? '://' : alphabet[next() % alphabet.length];
      expect([text, scrubAddresses(text)]).toEqual([text, text.replace(OLD_PATTERN, '[internal address]')]);
    }
  });

  it('takes linear time on "a.a.a.…", which took the old pattern quadratic time', () => {
    // 2 MB, scanned in one pass; the old pattern needed minutes on 1 MB. (No timing: a second copy of the work must not grow it fourfold.)
    const text = `${'a.'.repeat(1_000_000)}a://`;
    expect(scrubAddresses(text)).toBe(`${'a.'.repeat(1_000_000)}a://`);
    expect(scrubAddresses(`${text}x`)).toBe('[internal address]');
  });

  it('cuts text to a cap without splitting a surrogate pair', () => {
    expect(capText('abcdef', 4)).toBe('abc…');
    expect(capText('ab😀cd', 4)).toBe('ab…');
    expect(capText('abc', 4)).toBe('abc');
  });
});
