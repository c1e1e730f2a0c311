/** Shares, rates and progress as the contract serves them: rounded to 4 decimal places. */
export function roundShare(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** `part / whole` rounded to 4 places; null when `whole` is not positive (nothing to divide by). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? roundShare(part / whole) : null;
}
