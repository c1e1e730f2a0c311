/**
 * Indicator templates for the demo network: plausible WPS indicators across
 * the four pillars. Every indicator seeded from them is flagged `isDemo`.
 */
export interface IndicatorTemplate {
  key: string;
  pillar: 'PARTICIPATION' | 'PREVENTION' | 'PROTECTION' | 'RELIEF_AND_RECOVERY';
  title: string;
  unit: '%' | 'number';
  /** Range of plausible baselines. */
  baseline: [number, number];
  /** Range of the planned change from baseline to target over the plan. */
  change: [number, number];
}

export const INDICATOR_BANK: readonly IndicatorTemplate[] = [
  { key: 'PAR-PARL', pillar: 'PARTICIPATION', title: "Women's share of seats in the national parliament", unit: '%', baseline: [12, 38], change: [4, 10] },
  { key: 'PAR-PEACE', pillar: 'PARTICIPATION', title: 'Women among members of peace negotiation and mediation delegations', unit: '%', baseline: [5, 25], change: [10, 25] },
  { key: 'PAR-DIPL', pillar: 'PARTICIPATION', title: 'Women among ambassadors and heads of mission', unit: '%', baseline: [10, 35], change: [5, 12] },
  { key: 'PRE-EWS', pillar: 'PREVENTION', title: 'Districts whose early-warning system uses gender-sensitive indicators', unit: 'number', baseline: [2, 15], change: [8, 30] },
  { key: 'PRE-TRAIN', pillar: 'PREVENTION', title: 'Security-sector personnel trained on Women, Peace and Security', unit: 'number', baseline: [150, 900], change: [600, 3000] },
  { key: 'PRO-POLICE', pillar: 'PROTECTION', title: 'Women among police officers', unit: '%', baseline: [8, 30], change: [3, 9] },
  { key: 'PRO-GBV', pillar: 'PROTECTION', title: 'Survivors of sexual and gender-based violence receiving support services', unit: 'number', baseline: [800, 6000], change: [1000, 5000] },
  { key: 'REL-REINT', pillar: 'RELIEF_AND_RECOVERY', title: 'Women among beneficiaries of recovery and reintegration programmes', unit: '%', baseline: [20, 45], change: [5, 15] },
];
