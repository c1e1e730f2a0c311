import { IndicatorKind, IndicatorLevel, Pillar, ReportingFrequency } from '../common/enums.js';

/**
 * Indicator templates for the demo network: plausible WPS indicators across
 * the four pillars, with alignments to the ILLUSTRATIVE framework catalogues
 * (data/demo-framework-catalogues.json). Every indicator seeded from them is
 * flagged `isDemo`.
 */
export interface IndicatorTemplate {
  key: string;
  pillar: Pillar;
  level: IndicatorLevel;
  kind: IndicatorKind;
  title: string;
  unit: '%' | 'number' | 'qualitative';
  /** Range of plausible baselines (quantitative). */
  baseline?: [number, number];
  /** Range of the planned change from baseline to target over the plan (negative: a falling target). */
  change?: [number, number];
  frequency: ReportingFrequency;
  disaggregation: string[];
  dataSource: string;
  /** Framework indicator codes this template counts towards, by framework. */
  aligns: Partial<Record<'AU_CRF' | 'EU_GAP_III' | 'OSCE' | 'UN_1325', string>>;
}

const { OUTCOME, OUTPUT } = IndicatorLevel;
const { QUANTITATIVE, QUALITATIVE } = IndicatorKind;
const { ANNUAL, SEMI_ANNUAL, BIENNIAL } = ReportingFrequency;
const { PARTICIPATION, PREVENTION, PROTECTION, RELIEF_AND_RECOVERY } = Pillar;

export const INDICATOR_BANK: readonly IndicatorTemplate[] = [
  // Participation
  { key: 'PAR-PARL', pillar: PARTICIPATION, level: OUTCOME, kind: QUANTITATIVE, title: "Women's share of seats in the national parliament", unit: '%', baseline: [12, 38], change: [4, 10], frequency: ANNUAL, disaggregation: ['age'], dataSource: 'Parliamentary records', aligns: { AU_CRF: 'AU-PAR-1', EU_GAP_III: 'GAP-WPS-7', OSCE: 'OSCE-WPS-1', UN_1325: 'UN-1325-PAR-A' } },
  { key: 'PAR-MIN', pillar: PARTICIPATION, level: OUTCOME, kind: QUANTITATIVE, title: 'Women among cabinet ministers', unit: '%', baseline: [10, 40], change: [5, 12], frequency: ANNUAL, disaggregation: [], dataSource: 'Government gazette', aligns: { EU_GAP_III: 'GAP-WPS-7', UN_1325: 'UN-1325-PAR-A' } },
  { key: 'PAR-PEACE', pillar: PARTICIPATION, level: OUTCOME, kind: QUANTITATIVE, title: 'Women among members of peace negotiation and mediation delegations', unit: '%', baseline: [5, 25], change: [10, 25], frequency: ANNUAL, disaggregation: [], dataSource: 'Ministry of Foreign Affairs', aligns: { AU_CRF: 'AU-PAR-2', EU_GAP_III: 'GAP-WPS-1', UN_1325: 'UN-1325-PAR-B' } },
  { key: 'PAR-DIPL', pillar: PARTICIPATION, level: OUTPUT, kind: QUANTITATIVE, title: 'Women among ambassadors and heads of mission', unit: '%', baseline: [10, 35], change: [5, 12], frequency: ANNUAL, disaggregation: [], dataSource: 'Ministry of Foreign Affairs', aligns: { AU_CRF: 'AU-PAR-3', OSCE: 'OSCE-WPS-2' } },
  { key: 'PAR-MISSION', pillar: PARTICIPATION, level: OUTPUT, kind: QUANTITATIVE, title: 'Women among personnel deployed to peace operations', unit: '%', baseline: [4, 18], change: [4, 10], frequency: ANNUAL, disaggregation: ['service'], dataSource: 'Ministry of Defence', aligns: { EU_GAP_III: 'GAP-WPS-2', OSCE: 'OSCE-WPS-2' } },
  { key: 'PAR-LOCAL', pillar: PARTICIPATION, level: OUTCOME, kind: QUANTITATIVE, title: 'Women among elected local councillors', unit: '%', baseline: [15, 40], change: [4, 10], frequency: BIENNIAL, disaggregation: ['location'], dataSource: 'Electoral commission', aligns: { UN_1325: 'UN-1325-PAR-A' } },
  { key: 'PAR-CANDIDATES', pillar: PARTICIPATION, level: OUTPUT, kind: QUANTITATIVE, title: 'Women candidates trained for elected office', unit: 'number', baseline: [50, 400], change: [200, 900], frequency: ANNUAL, disaggregation: ['age', 'location'], dataSource: 'Implementing partner reports', aligns: {} },
  { key: 'PAR-DIALOGUE', pillar: PARTICIPATION, level: OUTCOME, kind: QUALITATIVE, title: "Extent to which women's organisations shape national peace dialogues", unit: 'qualitative', frequency: ANNUAL, disaggregation: [], dataSource: 'Civil society consultations', aligns: { AU_CRF: 'AU-PAR-2' } },
  { key: 'PAR-SECURITY-LEAD', pillar: PARTICIPATION, level: OUTCOME, kind: QUANTITATIVE, title: 'Women in senior posts of the security sector', unit: '%', baseline: [3, 20], change: [3, 8], frequency: ANNUAL, disaggregation: ['service'], dataSource: 'Ministry of Defence; Ministry of Interior', aligns: { OSCE: 'OSCE-WPS-1' } },
  // Prevention
  { key: 'PRE-EWS', pillar: PREVENTION, level: OUTCOME, kind: QUANTITATIVE, title: 'Districts whose early-warning system uses gender-sensitive indicators', unit: 'number', baseline: [2, 15], change: [8, 30], frequency: ANNUAL, disaggregation: ['location'], dataSource: 'National early-warning centre', aligns: { AU_CRF: 'AU-PRE-1', UN_1325: 'UN-1325-PRE-A' } },
  { key: 'PRE-TRAIN', pillar: PREVENTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Security-sector personnel trained on Women, Peace and Security', unit: 'number', baseline: [150, 900], change: [600, 3000], frequency: SEMI_ANNUAL, disaggregation: ['sex', 'service'], dataSource: 'Training records', aligns: { AU_CRF: 'AU-PRE-2', EU_GAP_III: 'GAP-WPS-5', OSCE: 'OSCE-WPS-3' } },
  { key: 'PRE-ANALYSIS', pillar: PREVENTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Conflict analyses that include a gender analysis', unit: '%', baseline: [10, 40], change: [20, 40], frequency: ANNUAL, disaggregation: [], dataSource: 'Ministry of Foreign Affairs', aligns: { EU_GAP_III: 'GAP-WPS-3' } },
  { key: 'PRE-PVE', pillar: PREVENTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Community prevention initiatives led by women', unit: 'number', baseline: [5, 40], change: [15, 60], frequency: ANNUAL, disaggregation: ['location'], dataSource: 'Implementing partner reports', aligns: {} },
  { key: 'PRE-SMALLARMS', pillar: PREVENTION, level: OUTCOME, kind: QUALITATIVE, title: 'Extent to which arms-control policy addresses gendered impacts', unit: 'qualitative', frequency: BIENNIAL, disaggregation: [], dataSource: 'Policy review', aligns: { OSCE: 'OSCE-WPS-3' } },
  { key: 'PRE-CURRICULUM', pillar: PREVENTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Military and police academies teaching WPS in their curriculum', unit: '%', baseline: [10, 50], change: [20, 40], frequency: ANNUAL, disaggregation: [], dataSource: 'Ministry of Defence', aligns: { AU_CRF: 'AU-PRE-2' } },
  { key: 'PRE-MEDIA', pillar: PREVENTION, level: OUTPUT, kind: QUANTITATIVE, title: 'People reached by awareness campaigns on WPS', unit: 'number', baseline: [5000, 40000], change: [20000, 120000], frequency: ANNUAL, disaggregation: ['sex', 'age'], dataSource: 'Campaign monitoring', aligns: {} },
  // Protection
  { key: 'PRO-POLICE', pillar: PROTECTION, level: OUTCOME, kind: QUANTITATIVE, title: 'Women among police officers', unit: '%', baseline: [8, 30], change: [3, 9], frequency: ANNUAL, disaggregation: ['rank'], dataSource: 'Police human-resources records', aligns: { AU_CRF: 'AU-PRO-1', OSCE: 'OSCE-WPS-4', UN_1325: 'UN-1325-PRO-A' } },
  { key: 'PRO-MILITARY', pillar: PROTECTION, level: OUTCOME, kind: QUANTITATIVE, title: 'Women among armed forces personnel', unit: '%', baseline: [3, 15], change: [2, 6], frequency: ANNUAL, disaggregation: ['rank'], dataSource: 'Ministry of Defence', aligns: { AU_CRF: 'AU-PRO-1', UN_1325: 'UN-1325-PRO-A' } },
  { key: 'PRO-GBV', pillar: PROTECTION, level: OUTCOME, kind: QUANTITATIVE, title: 'Survivors of sexual and gender-based violence receiving support services', unit: 'number', baseline: [800, 6000], change: [1000, 5000], frequency: SEMI_ANNUAL, disaggregation: ['sex', 'age', 'disability'], dataSource: 'Case management system', aligns: { AU_CRF: 'AU-PRO-2', EU_GAP_III: 'GAP-WPS-4' } },
  { key: 'PRO-UNITS', pillar: PROTECTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Police stations with a gender and children desk', unit: '%', baseline: [10, 50], change: [15, 40], frequency: ANNUAL, disaggregation: ['location'], dataSource: 'Police headquarters', aligns: { AU_CRF: 'AU-PRO-3' } },
  { key: 'PRO-CONVICTIONS', pillar: PROTECTION, level: OUTCOME, kind: QUANTITATIVE, title: 'Reported cases of sexual violence that reach a court decision', unit: '%', baseline: [5, 25], change: [5, 15], frequency: ANNUAL, disaggregation: [], dataSource: 'Judiciary statistics', aligns: { EU_GAP_III: 'GAP-WPS-4', OSCE: 'OSCE-WPS-5' } },
  { key: 'PRO-SHELTERS', pillar: PROTECTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Shelter places for survivors of violence', unit: 'number', baseline: [40, 400], change: [30, 200], frequency: ANNUAL, disaggregation: ['location'], dataSource: 'Ministry of Gender', aligns: {} },
  { key: 'PRO-TRAIN-JUST', pillar: PROTECTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Judges and prosecutors trained on sexual and gender-based violence', unit: 'number', baseline: [20, 200], change: [100, 500], frequency: ANNUAL, disaggregation: ['sex'], dataSource: 'Judicial training institute', aligns: { EU_GAP_III: 'GAP-WPS-5' } },
  { key: 'PRO-HARASSMENT', pillar: PROTECTION, level: OUTCOME, kind: QUALITATIVE, title: 'Extent to which security institutions apply a sexual-harassment policy', unit: 'qualitative', frequency: ANNUAL, disaggregation: [], dataSource: 'Internal audits', aligns: { OSCE: 'OSCE-WPS-5' } },
  { key: 'PRO-HOTLINE', pillar: PROTECTION, level: OUTPUT, kind: QUANTITATIVE, title: 'Calls answered by the national violence hotline', unit: 'number', baseline: [2000, 20000], change: [3000, 15000], frequency: SEMI_ANNUAL, disaggregation: ['sex', 'age'], dataSource: 'Hotline operator', aligns: {} },
  // Relief and recovery
  { key: 'REL-REINT', pillar: RELIEF_AND_RECOVERY, level: OUTCOME, kind: QUANTITATIVE, title: 'Women among beneficiaries of recovery and reintegration programmes', unit: '%', baseline: [20, 45], change: [5, 15], frequency: ANNUAL, disaggregation: ['age', 'disability'], dataSource: 'Programme monitoring', aligns: { AU_CRF: 'AU-REL-1', OSCE: 'OSCE-WPS-6' } },
  { key: 'REL-BUDGET', pillar: RELIEF_AND_RECOVERY, level: OUTCOME, kind: QUANTITATIVE, title: 'Share of the recovery budget targeting women and girls', unit: '%', baseline: [5, 20], change: [5, 15], frequency: ANNUAL, disaggregation: [], dataSource: 'Ministry of Finance', aligns: { AU_CRF: 'AU-REL-2', UN_1325: 'UN-1325-REL-A' } },
  { key: 'REL-CSO-FUND', pillar: RELIEF_AND_RECOVERY, level: OUTPUT, kind: QUANTITATIVE, title: "Women's organisations funded in crisis-affected areas", unit: 'number', baseline: [5, 50], change: [10, 60], frequency: ANNUAL, disaggregation: ['location'], dataSource: 'Grant records', aligns: { EU_GAP_III: 'GAP-WPS-6' } },
  { key: 'REL-LIVELIHOOD', pillar: RELIEF_AND_RECOVERY, level: OUTPUT, kind: QUANTITATIVE, title: 'Displaced women in livelihood programmes', unit: 'number', baseline: [300, 3000], change: [500, 4000], frequency: SEMI_ANNUAL, disaggregation: ['age', 'disability', 'location'], dataSource: 'Humanitarian cluster reports', aligns: { AU_CRF: 'AU-REL-1' } },
  { key: 'REL-PSYCHO', pillar: RELIEF_AND_RECOVERY, level: OUTPUT, kind: QUANTITATIVE, title: 'Women and girls receiving psychosocial support', unit: 'number', baseline: [500, 5000], change: [500, 4000], frequency: ANNUAL, disaggregation: ['age'], dataSource: 'Health ministry', aligns: {} },
  { key: 'REL-LAND', pillar: RELIEF_AND_RECOVERY, level: OUTCOME, kind: QUALITATIVE, title: "Extent to which recovery planning secures women's land and property rights", unit: 'qualitative', frequency: BIENNIAL, disaggregation: [], dataSource: 'Policy review', aligns: { UN_1325: 'UN-1325-REL-A' } },
  { key: 'REL-RECON', pillar: RELIEF_AND_RECOVERY, level: OUTPUT, kind: QUANTITATIVE, title: 'Local reconciliation committees with at least 30% women', unit: '%', baseline: [10, 40], change: [15, 35], frequency: ANNUAL, disaggregation: ['location'], dataSource: 'Local government reports', aligns: {} },
];
