const PERIOD = /^(\d{4})(?:-(Q[1-4]|H[12]|\d{2}))?$/;

export interface ParsedPeriod {
  year: number;
  /** Months from January of `year` to the end of the period: 12 for "2022", 6 for "2022-Q2", "2022-H1" or "2022-06". */
  endMonth: number;
}

/** Parse a measurement period ("2023", "2023-Q2", "2023-H1", "2023-06"); undefined when malformed. */
export function parsePeriod(period: string): ParsedPeriod | undefined {
  const match = PERIOD.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { year, endMonth: 12 };
  if (part.startsWith('Q')) return { year, endMonth: Number(part.slice(1)) * 3 };
  if (part.startsWith('H')) return { year, endMonth: Number(part.slice(1)) * 6 };
  const month = Number(part);
  return month >= 1 && month <= 12 ? { year, endMonth: month } : undefined;
}
