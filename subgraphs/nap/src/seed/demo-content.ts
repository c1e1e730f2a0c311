import { FundingSource, PartnerKind, PartnerRole, Pillar } from '../common/enums.js';

/** Wording for the demo logframe: plausible, generic, and flagged as demo wherever it is stored. */
export const OUTCOME_STATEMENTS: Record<Pillar, [string, string]> = {
  [Pillar.PARTICIPATION]: [
    'Women participate meaningfully in political and public decision-making',
    "Women take part in peace processes and in the security sector's leadership",
  ],
  [Pillar.PREVENTION]: [
    "Conflict prevention and early warning respond to women's and girls' security needs",
    'Security institutions apply a gender perspective to prevention',
  ],
  [Pillar.PROTECTION]: [
    'Survivors of sexual and gender-based violence receive justice and services',
    'Security institutions protect women and girls and prevent abuse',
  ],
  [Pillar.RELIEF_AND_RECOVERY]: [
    'Women benefit equally from relief, recovery and reintegration',
    "Recovery financing reaches women and women's organisations",
  ],
};

export const OUTPUT_STATEMENTS: Record<Pillar, [string, string, string, string]> = {
  [Pillar.PARTICIPATION]: [
    'Women candidates and leaders are supported',
    'Gender parity measures are adopted in appointments',
    'Mediators and negotiators receive WPS training',
    "Women's organisations are consulted on peace and security",
  ],
  [Pillar.PREVENTION]: [
    'Early-warning systems collect gender-sensitive data',
    'Communities run women-led prevention initiatives',
    'Security personnel are trained on WPS',
    'Conflict analysis includes gender analysis',
  ],
  [Pillar.PROTECTION]: [
    'Gender desks operate in police stations',
    'Justice actors are trained on sexual and gender-based violence',
    'Shelters and hotlines are available to survivors',
    'Codes of conduct and harassment policies are enforced',
  ],
  [Pillar.RELIEF_AND_RECOVERY]: [
    'Livelihood and psychosocial programmes reach displaced women',
    'Reintegration programmes include women ex-combatants',
    'Recovery budgets are tagged for gender',
    "Women's organisations receive recovery grants",
  ],
};

export const ACTIVITY_TITLES: [string, string] = ['Develop guidance, tools and a budgeted workplan', 'Deliver, train and monitor with partners'];

export interface PartnerTemplate {
  key: string;
  name: string;
  kind: PartnerKind;
  role: PartnerRole | null;
  funding: FundingSource;
}

export const PARTNERS: readonly PartnerTemplate[] = [
  { key: 'MFA', name: 'Ministry of Foreign Affairs', kind: PartnerKind.MINISTRY, role: PartnerRole.WPS_CHAMPION, funding: FundingSource.NATIONAL_BUDGET },
  { key: 'MOD', name: 'Ministry of Defence', kind: PartnerKind.MINISTRY, role: PartnerRole.FOCAL_POINT, funding: FundingSource.NATIONAL_BUDGET },
  { key: 'POLICE', name: 'National Police Service', kind: PartnerKind.AGENCY, role: PartnerRole.FOCAL_POINT, funding: FundingSource.NATIONAL_BUDGET },
  { key: 'GENDER', name: 'Ministry of Gender and Social Affairs', kind: PartnerKind.MINISTRY, role: PartnerRole.WPS_CHAMPION, funding: FundingSource.NATIONAL_BUDGET },
  { key: 'STATS', name: 'National Statistics Office', kind: PartnerKind.AGENCY, role: null, funding: FundingSource.NATIONAL_BUDGET },
  { key: 'CSO', name: "Women's Peace Network", kind: PartnerKind.CSO, role: PartnerRole.FOCAL_POINT, funding: FundingSource.BASKET_FUND },
  { key: 'PARL', name: 'Parliamentary Committee on Gender Equality', kind: PartnerKind.PARLIAMENT, role: null, funding: FundingSource.NATIONAL_BUDGET },
  { key: 'LOCAL', name: 'Association of Local Governments', kind: PartnerKind.LOCAL_GOVERNMENT, role: null, funding: FundingSource.DONOR },
];

/** Which partner answers for the indicators of each pillar. */
export const PILLAR_PARTNER: Record<Pillar, string> = {
  [Pillar.PARTICIPATION]: 'MFA',
  [Pillar.PREVENTION]: 'MOD',
  [Pillar.PROTECTION]: 'POLICE',
  [Pillar.RELIEF_AND_RECOVERY]: 'GENDER',
};

/** National currency (ISO 4217) and roughly how many units make one US dollar, for plausible amounts. */
export const CURRENCIES: Record<string, [string, number]> = {
  KE: ['KES', 130], NG: ['NGN', 1500], GH: ['GHS', 15], UG: ['UGX', 3700], RW: ['RWF', 1400], SN: ['XOF', 600],
  SE: ['SEK', 10.5], FI: ['EUR', 0.92], DE: ['EUR', 0.92], IE: ['EUR', 0.92], NO: ['NOK', 10.8], GE: ['GEL', 2.7],
};

export const FINDINGS = [
  'Data collection improved where ministries named a WPS focal point.',
  'Outcome indicators lag behind output indicators: activities are delivered, change is slower.',
  'Budget execution was uneven across implementing partners.',
  'Civil society monitoring brought qualitative evidence the indicators miss.',
  'Local governments need guidance to localise the plan.',
];

export const RECOMMENDATIONS: [string, string][] = [
  ['Name a WPS focal point in every implementing ministry.', 'Adopted by the steering committee; focal points named within six months.'],
  ['Tag NAP activities in the national budget.', 'Referred to the Ministry of Finance for the next budget cycle.'],
  ['Add sex- and age-disaggregated data to the police case system.', 'Adopted; the statistics office supports the change.'],
  ['Fund civil society monitoring of the plan.', 'Partially adopted through the basket fund.'],
];
