import fc from 'fast-check';

/** Strings that have broken parsers, databases, spreadsheets and logs before. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE measurement; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '\u0000',
  'nul\u0000in the middle',
  '\u202eright-to-left override',
  '\u200b\u200c\u200d\ufeff',
  '🇰🇪🇳🇬',
  'ناب',
  'e\u0301\u0301\u0301',
  '\ud800',
  '%00%0a%0d',
  '../../../../etc/passwd',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '=HYPERLINK("x")',
  '__proto__',
  'constructor',
  'null',
  '1e309',
  '\\',
  '"',
  '\r\n\r\nHTTP/1.1 200 OK',
];

/**
 * A long string of a repeated unit, `min`–`max` characters, among them the
 * `a.a.a.…` shape that makes backtracking URL patterns quadratic.
 */
export function repeatedString(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .record({ length: fc.integer({ min, max }), unit: fc.constantFrom('x', 'a.', 'é', '🇰🇪', 'ab-', 'a b ', '\\"', 'http://a.') })
    .map(({ length, unit }) => unit.repeat(Math.max(1, Math.floor(length / unit.length))));
}

/**
 * Strings for arguments and variables: short unicode (every code point,
 * lone surrogates included), the hostile classics, and now and then a long
 * one (up to `longMax` characters) of a repeated unit.
 */
export function fuzzString(longMax: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: repeatedString(Math.min(100, longMax), longMax) },
  );
}
