const ALPHA2 = /^[A-Z]{2}$/;

/** True for an upper-case ISO 3166-1 alpha-2 code (the hub's address of a member state). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA2.test(value);
}
