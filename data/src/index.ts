import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The folder holding the JSON files (one level above dist/ and src/). */
export const DATA_DIR = path.resolve(__dirname, '..');

export interface About {
  what: string;
  gathered: string;
}

export interface NapHistoryEntry {
  iteration: number;
  start: number | null;
  end: number | null;
  /** ISO date, possibly only year or year-month ("2016", "2016-05", "2016-05-12"). */
  adopted?: string;
  note?: string;
  conflict?: string;
  verified: boolean;
  sources: string[];
}

export interface CountryNapHistory {
  iso2: string;
  iso3: string;
  name: string;
  memberships: string[];
  auStatus?: string;
  naps: NapHistoryEntry[];
}

export interface NapHistories {
  _about: About;
  countries: CountryNapHistory[];
}

export interface OrganisationMembers {
  members: string[];
  suspended?: string[];
  note: string;
  source: string;
}

export interface Memberships {
  _about: About;
  AU: OrganisationMembers;
  EU: OrganisationMembers;
  OSCE: OrganisationMembers;
}

export interface KnowledgeSessionRecord {
  key: string;
  title: string;
  kind: string;
  series?: string;
  starts: string;
  ends?: string;
  organisers?: string[];
  hosts?: string[];
  modules?: string[];
  participants?: number;
  rules?: string;
  format?: string[];
  breakoutThemes?: string[];
  previousSession?: string;
  access?: string;
  objectives?: string[];
  guidingQuestions?: string[];
  forum?: string;
  survey?: { respondents: number; by: string };
  themes: string[];
}

export interface KnowledgePracticeRecord {
  title: string;
  summary: string;
  themes: string[];
  country?: string;
  source: string;
}

export interface KnowledgeResourceRecord {
  title: string;
  year?: number;
  publisher: string;
  kind: string;
  facts?: string;
}

export interface Knowledge {
  _about: About;
  network: Record<string, unknown>;
  sessions: KnowledgeSessionRecord[];
  goodPractices: KnowledgePracticeRecord[];
  resources: KnowledgeResourceRecord[];
}

/** frameworks.json is a set of sourced facts of varying shape; typed loosely on purpose. */
export interface Frameworks {
  _about: About;
  auCrf: Record<string, unknown>;
  euGap3: Record<string, unknown>;
  osce: Record<string, unknown>;
  un1325GlobalIndicators: Record<string, unknown>;
  cedawGr30: Record<string, unknown>;
  globalCounts: unknown;
}

function load<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;
}

export const loadNapHistories = (): NapHistories => load('naps.json');
export const loadMemberships = (): Memberships => load('memberships.json');
export const loadFrameworks = (): Frameworks => load('frameworks.json');
export const loadKnowledge = (): Knowledge => load('knowledge.json');

/** One framework's reporting cycles (data/reporting-cycles.json): cadence with its sources, and the (illustrative) due date. */
export interface ReportingCycleRecord {
  frameworkCode: AlignmentFrameworkCode;
  title: string;
  cadence: 'ANNUAL';
  cadenceNote: string;
  cadenceSources: string[];
  cadenceIllustrative: boolean;
  firstYear: number;
  /** Null: cycles run to the current year. */
  lastYear: number | null;
  /** "MM-DD" of the year after the year reported on. */
  dueMonthDay: string;
  dueIllustrative: boolean;
}

export interface ReportingCycles {
  _about: About;
  cycles: ReportingCycleRecord[];
}

export const loadReportingCycles = (): ReportingCycles => load('reporting-cycles.json');
/** A sourced women's share of seats in a national parliament (parliament-shares.json). */
export interface ParliamentShare {
  share: number;
  asOf: string;
  chamber: string;
  sources: string[];
  note: string;
}

/** Women's share of parliament seats for a state, where a source gives it (else undefined). */
export function parliamentShareOf(countryCode: string): ParliamentShare | undefined {
  return load<{ shares: Record<string, ParliamentShare> }>('parliament-shares.json').shares[countryCode];
}

/** Sourced facts of one plan (plan-facts.json): the seed takes them instead of generating them. */
export interface SourcedPlanFacts {
  leadAgency?: string;
  focus?: 'DOMESTIC' | 'INTERNATIONAL' | 'BOTH';
  civilSocietyRoles?: ('DESIGN' | 'IMPLEMENTATION' | 'MONITORING')[];
  coordinationMechanism?: string;
  pillars?: string[];
  /** How often the plan itself says progress is reported, in the source's words, and where. */
  reportingCadence?: { cadence: 'ANNUAL' | 'SEMI_ANNUAL' | 'QUARTERLY' | 'BIENNIAL' | 'OTHER'; note: string; sources: string[] };
  sources: string[];
  note: string;
}

/** What a source says about a state's plan of this iteration, beyond its period (else undefined). */
export function sourcedPlanFactsOf(countryCode: string, iteration: number): SourcedPlanFacts | undefined {
  return load<{ plans: Record<string, SourcedPlanFacts> }>('plan-facts.json').plans[`${countryCode}:${iteration}`];
}

/** The NAP history of one state, or undefined when the data has none. */
export function napHistoryOf(countryCode: string): CountryNapHistory | undefined {
  return loadNapHistories().countries.find((country) => country.iso2 === countryCode);
}
export { DEMO_MEMBERS } from './demo-network.js';
export { HUB_SERVICES, hubService, serviceScript, WORKSPACES, type HubService, type Workspace } from './workspaces.js';

/** Frameworks national indicators may align to (the three regional ones and the UN global indicators). */
export const ALIGNMENT_FRAMEWORKS = ['AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325'] as const;
export type AlignmentFrameworkCode = (typeof ALIGNMENT_FRAMEWORKS)[number];

export interface CatalogueIndicator {
  code: string;
  pillar: 'PARTICIPATION' | 'PREVENTION' | 'PROTECTION' | 'RELIEF_AND_RECOVERY';
  level: 'OUTCOME' | 'OUTPUT';
  title: string;
}

export interface DemoCatalogues {
  _about: About & { illustrative: true };
  frameworks: Record<AlignmentFrameworkCode, CatalogueIndicator[]>;
}

/** ILLUSTRATIVE framework indicator catalogues for the demo network (not the official lists). */
export const loadDemoCatalogues = (): DemoCatalogues => load('demo-framework-catalogues.json');

/** Which alignment frameworks a state reports against, from its memberships (every state: UN_1325). */
export function alignmentFrameworksOf(countryCode: string): AlignmentFrameworkCode[] {
  const memberships = loadMemberships();
  const frameworks: AlignmentFrameworkCode[] = [];
  if (memberships.AU.members.includes(countryCode)) frameworks.push('AU_CRF');
  if (memberships.EU.members.includes(countryCode)) frameworks.push('EU_GAP_III');
  if (memberships.OSCE.members.includes(countryCode)) frameworks.push('OSCE');
  frameworks.push('UN_1325');
  return frameworks;
}

/** A dated change of a regional economic community's membership (regional-economic-communities.json). */
export interface CommunityMembershipChangeRecord {
  iso2: string;
  change: 'JOINED' | 'LEFT';
  /** As precise as the source: "2025", "2025-01" or "2025-01-29". */
  date: string;
  detail?: string;
  conflict?: string;
  sources: string[];
}

/** One of the AU-recognised regional economic communities, with its members as the sources give them. */
export interface RegionalEconomicCommunityRecord {
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes. */
  members: string[];
  /** False when the sources disagree or none lists the membership in full (the note says how). */
  membersComplete: boolean;
  /** The date of the latest source read, as precise as it is. */
  asOf: string;
  note?: string;
  sources: string[];
  changes: CommunityMembershipChangeRecord[];
}

export interface RegionalEconomicCommunities {
  _about: About;
  communities: RegionalEconomicCommunityRecord[];
}

/** A regional action plan (or strategy) on WPS (regional-action-plans.json). */
export interface RegionalActionPlanRecord {
  key: string;
  body: string;
  /** Set when the body is a regional economic community of regional-economic-communities.json. */
  communityCode?: string;
  title: string;
  start: number | null;
  end: number | null;
  adopted?: string;
  verified: boolean;
  note?: string;
  conflict?: string;
  sources: string[];
}

export interface RegionalActionPlans {
  _about: About;
  plans: RegionalActionPlanRecord[];
}

export const loadRegionalEconomicCommunities = (): RegionalEconomicCommunities => load('regional-economic-communities.json');
export const loadRegionalActionPlans = (): RegionalActionPlans => load('regional-action-plans.json');
