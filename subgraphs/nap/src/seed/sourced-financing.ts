import { ReportKind } from '../common/enums.js';

/** A money figure a source gives, with the source. */
export interface SourcedAmount {
  amount: number;
  currency: string;
  source: string;
}

/** Financing facts of one plan that data/naps.json's notes give (issue 13: sourced figures are used as real data). */
export interface SourcedFinancing {
  /** What the whole plan was costed at. */
  costedEstimate?: SourcedAmount;
  /** What was allocated to the plan over its period (the generated lines are scaled to add up to it). */
  allocated?: SourcedAmount;
  /** Reports the source names, by year: real rows, without invented findings. */
  reports?: { kind: ReportKind; year: number; title: string; source: string }[];
}

/**
 * Read from the notes of data/naps.json (the honesty test checks that each
 * note still says so): Uganda's third NAP (2021–2025) and Georgia's fourth
 * (2022–2024, 1325naps says 2022–2023).
 */
const SOURCED: Record<string, SourcedFinancing> = {
  'UG:3': {
    costedEstimate: {
      amount: 90_570_166_912,
      currency: 'UGX',
      source: 'Estimated total budget UGX 90,570,166,912 (data/naps.json, Uganda NAP III; http://1325naps.peacewomen.org/index.php/country/uganda/)',
    },
    reports: [
      {
        kind: ReportKind.MID_TERM_REVIEW,
        year: 2023,
        title: 'Mid-term evaluation 2023 (recorded by http://1325naps.peacewomen.org/index.php/country/uganda/; its findings are not recorded here)',
        source: 'http://1325naps.peacewomen.org/index.php/country/uganda/',
      },
    ],
  },
  'GE:4': {
    allocated: {
      amount: 27_680_907,
      currency: 'GEL',
      source: 'Allocated budget GEL 27,680,907 (data/naps.json, Georgia NAP 2022–2024; https://1325naps.peacewomen.org/index.php/country/georgia/)',
    },
  },
};

/** What the sources say about a plan's financing, if anything. */
export function sourcedFinancingOf(countryCode: string, iteration: number): SourcedFinancing | undefined {
  return SOURCED[`${countryCode}:${iteration}`];
}

/** Every sourced entry, for the honesty test. */
export function sourcedFinancingEntries(): [string, SourcedFinancing][] {
  return Object.entries(SOURCED);
}
