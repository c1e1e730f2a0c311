import { alignmentFrameworksOf, loadMemberships, napHistoryOf, parliamentShareOf, sourcedPlanFactsOf, type CountryNapHistory, type NapHistoryEntry } from '@wps/data';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { BudgetLineEntity } from '../budget/budget-line.entity.js';
import { DisbursementEntity } from '../budget/disbursement.entity.js';
import {
  ActivityStatus,
  AlignmentFramework,
  CivilSocietyRole,
  FundingSource,
  GenderMarker,
  IndicatorKind,
  IndicatorLevel,
  Pillar,
  PlanFocus,
  PublicationStatus,
  RecipientType,
  ReportedStatus,
  ReportKind,
} from '../common/enums.js';
import { IndicatorAlignmentEntity } from '../indicator/alignment.entity.js';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { ActivityEntity } from '../logframe/activity.entity.js';
import { OutcomeEntity } from '../logframe/outcome.entity.js';
import { OutputEntity } from '../logframe/output.entity.js';
import { MeasurementStatus } from '../measurement/measurement-status.js';
import { MeasurementEntity, type DisaggregatedValueRecord } from '../measurement/measurement.entity.js';
import { ImplementingPartnerEntity } from '../partner/partner.entity.js';
import { PlanStatus } from '../plan/plan-status.js';
import { NationalActionPlanEntity } from '../plan/plan.entity.js';
import type { ReportingCadence } from '../plan/reporting-cadence.type.js';
import { ReportRecommendationEntity } from '../report/recommendation.entity.js';
import { ProgressReportEntity } from '../report/report.entity.js';
import { seedDemoFollowUps } from './demo-follow-ups.js';
import { sourcedFinancingOf } from './sourced-financing.js';
import { seedDemoLocalPlans } from './demo-local-plans.js';
import { ACTIVITY_TITLES, CURRENCIES, FINDINGS, OUTCOME_STATEMENTS, OUTPUT_STATEMENTS, PARTNERS, PILLAR_PARTNER, RECOMMENDATIONS } from './demo-content.js';
import { createRandom, uuidFromName } from '@wps/kit';
import { INDICATOR_BANK, type IndicatorTemplate } from './indicator-bank.js';
import { DEMO_SEED_DISPLAY } from '../member/recorder-display.js';

export interface SeedSummary {
  plans: number;
  indicators: number;
  measurements: number;
  budgetLines: number;
  reports: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const SEEDER = 'demo-seed';
const PILLARS = [Pillar.PARTICIPATION, Pillar.PREVENTION, Pillar.PROTECTION, Pillar.RELIEF_AND_RECOVERY];

/** Plan facts the data files do not give, generated for the plan that gets full demo content. */
const GENERATED_PLAN_FIELDS = [
  'adoptionInstrument', 'leadAgency', 'focus', 'pillars', 'coordinationMechanism', 'civilSocietyInCoordinationBody',
  'civilSocietyRoles', 'baselineStudy', 'costed', 'earmarked',
];

/** Status from the period and today (demo): older plans are superseded, the latest is adopted or expired. */
function demoStatus(entry: NapHistoryEntry, isLatest: boolean, year: number): PlanStatus {
  if (!isLatest) return PlanStatus.SUPERSEDED;
  if (entry.end !== null && entry.end < year) return PlanStatus.EXPIRED;
  return PlanStatus.ADOPTED;
}

function demoTitle(country: CountryNapHistory, entry: NapHistoryEntry): string {
  const span = entry.start === null ? 'period not known' : `${entry.start}–${entry.end ?? 'open-ended'}`;
  return `${country.name} National Action Plan ${ROMAN[entry.iteration - 1] ?? entry.iteration} on Women, Peace and Security (${span})`;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Bulk insert in one statement per chunk (the seed writes a few thousand rows per member). */
async function insertAll<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let index = 0; index < rows.length; index += 500) {
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(index, index + 500)).execute();
  }
}

/**
 * Seed an empty member database: the state's real NAP history (periods,
 * adoption dates, sources, conflicts) from data/naps.json, and for its
 * latest plan with a known start, a full demo plan: partners, a logframe
 * across the four pillars, 20–32 indicators aligned to the (illustrative)
 * framework catalogues of the frameworks the state belongs to, yearly values
 * (3–8 years, some drafts, one correction), budget lines and reports.
 * Deterministic for a country and a date; everything generated is flagged
 * (demoFields, isDemo). One transaction; returns null, and writes nothing,
 * when the database already has plans.
 */
export async function seedDemoMember(
  dataSource: DataSource,
  countryCode: string,
  today: Date = new Date(),
  options: { synthetic?: boolean } = {},
): Promise<SeedSummary | null> {
  const history = napHistoryOf(countryCode) ?? (options.synthetic ? syntheticHistory(countryCode, today) : undefined);
  if (!history) return null;
  return dataSource.transaction(async (manager) => {
    // One seeder at a time per database, and never over existing data.
    await manager.query('SELECT pg_advisory_xact_lock(1325)');
    if ((await manager.count(NationalActionPlanEntity)) > 0) return null;
    return seedHistory(manager, history, today);
  });
}

/** Marks a history that no source gave: a scale run's load profile. */
const SYNTHETIC = 'SYNTHETIC LOAD PROFILE';

/**
 * For a scale run only: a state with no NAP history in data/ gets one
 * generated plan of the usual size, so that a 55- or 110-member network
 * measures real work. Nothing of it is real: no source, unverified, a title
 * that says so, and every fact flagged in demoFields (its rows `isDemo`).
 */
function syntheticHistory(countryCode: string, today: Date): CountryNapHistory {
  const year = today.getUTCFullYear();
  const organisations = loadMemberships();
  return {
    iso2: countryCode,
    iso3: countryCode,
    name: countryCode,
    memberships: (['AU', 'EU', 'OSCE'] as const).filter((organisation) => organisations[organisation].members.includes(countryCode)),
    naps: [{ iteration: 1, start: year - 3, end: year + 2, verified: false, sources: [], note: `${SYNTHETIC}: generated for a scale run, not a real national action plan` }],
  };
}

/** Every plan fact of a synthetic history is generated, the sourced ones too. */
const SYNTHETIC_PLAN_FIELDS = ['iteration', 'periodStart', 'periodEnd', 'sourceNote', 'verified'];

async function seedHistory(manager: EntityManager, country: CountryNapHistory, today: Date): Promise<SeedSummary> {
  const year = today.getUTCFullYear();
  const summary: SeedSummary = { plans: 0, indicators: 0, measurements: 0, budgetLines: 0, reports: 0 };
  const latestIteration = Math.max(...country.naps.map((entry) => entry.iteration));
  const full = [...country.naps].filter((entry) => entry.start !== null).sort((a, b) => b.iteration - a.iteration)[0];

  for (const entry of [...country.naps].sort((a, b) => a.iteration - b.iteration)) {
    const random = createRandom(`${country.iso2}:${entry.iteration}`);
    const demoFields = ['title', 'status'];
    // The adoption date as precise as the sources give it ("2016", "2016-05" or "2016-05-12"), or unknown: never invented.
    const adoptedOn = entry.adopted ?? null;
    const plan: NationalActionPlanEntity = {
      id: uuidFromName(`${country.iso2}:plan:${entry.iteration}`),
      iteration: entry.iteration,
      title: demoTitle(country, entry),
      periodStart: entry.start,
      periodEnd: entry.end,
      status: demoStatus(entry, entry.iteration === latestIteration, year),
      adoptedOn,
      sourceReferences: entry.sources,
      sourceNote: entry.note ?? null,
      sourceConflict: entry.conflict ?? null,
      verified: entry.verified,
      demoFields,
      adoptionInstrument: null,
      leadAgency: null,
      focus: null,
      pillars: [],
      nationalPillars: [],
      coordinationMechanism: null,
      csosInCoordinationBody: null,
      civilSocietyRoles: [],
      baselineStudy: null,
      costed: null,
      earmarked: null,
      costedEstimate: null,
      costedEstimateCurrency: null,
      costedEstimateSource: null,
      reportingCadence: null,
      reportingCadenceNote: null,
      reportingCadenceSources: [],
      createdAt: today,
      updatedAt: today,
    };
    if (entry === full) {
      Object.assign(plan, demoPlanFacts(country, entry, random));
      Object.assign(plan, sourcedPlanFacts(country.iso2, entry.iteration, plan.demoFields));
    }
    if (entry.note?.startsWith(SYNTHETIC)) {
      plan.title = `${SYNTHETIC} for ${country.iso2}: not a real national action plan`;
      plan.demoFields = [...new Set([...plan.demoFields, ...SYNTHETIC_PLAN_FIELDS])];
    }
    await insertAll(manager, NationalActionPlanEntity, [plan]);
    summary.plans += 1;
    if (entry === full) {
      const content = await seedFullPlan(manager, country, entry, plan, random, today);
      summary.indicators += content.indicators;
      summary.measurements += content.measurements;
      summary.budgetLines += content.budgetLines;
      summary.reports += content.reports;
    }
  }
  return summary;
}

/**
 * The facts data/plan-facts.json gives for a plan (Kenya's lead ministries,
 * focus, civil society in the design; Georgia's six-monthly reporting): taken instead of the generated ones,
 * and taken out of demoFields, so no generated fact contradicts a sourced one.
 */
function sourcedPlanFacts(countryCode: string, iteration: number, demoFields: string[]): Partial<NationalActionPlanEntity> {
  const sourced = sourcedPlanFactsOf(countryCode, iteration);
  if (!sourced) return {};
  const facts: Partial<NationalActionPlanEntity> = {
    ...(sourced.leadAgency !== undefined && { leadAgency: sourced.leadAgency }),
    ...(sourced.focus !== undefined && { focus: sourced.focus as PlanFocus }),
    ...(sourced.civilSocietyRoles !== undefined && { civilSocietyRoles: sourced.civilSocietyRoles as CivilSocietyRole[] }),
    ...(sourced.coordinationMechanism !== undefined && { coordinationMechanism: sourced.coordinationMechanism }),
    ...(sourced.pillars !== undefined && { pillars: sourced.pillars as Pillar[] }),
    ...(sourced.reportingCadence !== undefined && {
      reportingCadence: sourced.reportingCadence.cadence as ReportingCadence,
      reportingCadenceNote: sourced.reportingCadence.note,
      reportingCadenceSources: sourced.reportingCadence.sources,
    }),
  };
  return { ...facts, demoFields: demoFields.filter((field) => !(field in facts)) };
}

function demoPlanFacts(country: CountryNapHistory, entry: NapHistoryEntry, random: () => number): Partial<NationalActionPlanEntity> {
  const african = country.memberships.includes('AU');
  // Where the history says so, the budget facts follow it ("no allocated budget", "allocated budget").
  const note = entry.note?.toLowerCase() ?? '';
  const costed = note.includes('no allocated budget') ? false : note.includes('allocated budget') ? true : random() < 0.65;
  const roles = [CivilSocietyRole.DESIGN, CivilSocietyRole.IMPLEMENTATION, CivilSocietyRole.MONITORING].filter(() => random() < 0.7);
  return {
    demoFields: ['title', 'status', ...GENERATED_PLAN_FIELDS],
    adoptionInstrument: random() < 0.6 ? 'Cabinet decision' : 'Presidential decree',
    leadAgency: african ? 'Ministry of Gender and Social Affairs' : 'Ministry of Foreign Affairs',
    focus: african ? (random() < 0.7 ? PlanFocus.DOMESTIC : PlanFocus.BOTH) : random() < 0.5 ? PlanFocus.INTERNATIONAL : PlanFocus.BOTH,
    pillars: PILLARS,
    coordinationMechanism: 'National steering committee on Women, Peace and Security',
    csosInCoordinationBody: random() < 0.7,
    civilSocietyRoles: roles,
    baselineStudy: random() < 0.5,
    costed,
    earmarked: costed && random() < 0.6,
  };
}

interface SeededCounts {
  indicators: number;
  measurements: number;
  budgetLines: number;
  reports: number;
}

async function seedFullPlan(
  manager: EntityManager,
  country: CountryNapHistory,
  entry: NapHistoryEntry,
  plan: NationalActionPlanEntity,
  random: () => number,
  today: Date,
): Promise<SeededCounts> {
  const year = today.getUTCFullYear();
  const start = entry.start!;
  const end = entry.end ?? start + 5;
  const id = (...parts: (string | number)[]) => uuidFromName([country.iso2, 'plan', entry.iteration, ...parts].join(':'));

  // Partners: the seven or eight bodies a plan usually involves.
  const partners = PARTNERS.filter((template) => template.key !== 'LOCAL' || random() < 0.6).map(
    (template): ImplementingPartnerEntity => ({
      id: id('partner', template.key),
      planId: plan.id,
      name: template.name,
      kind: template.kind,
      representativeRole: template.role,
      hasImplementationPlan: random() < 0.6,
      inCoordinationBody: template.kind === 'CSO' ? plan.csosInCoordinationBody === true : template.key !== 'STATS' && random() < 0.85,
      isDemo: true,
    }),
  );
  const partnerId = (key: string) => partners.find((partner) => partner.id === id('partner', key))?.id ?? null;
  await insertAll(manager, ImplementingPartnerEntity, partners);

  // Logframe: two outcomes per pillar, two outputs per outcome, two activities per output.
  const outcomes: OutcomeEntity[] = [];
  const outputs: (OutputEntity & { pillar: Pillar })[] = [];
  const activities: ActivityEntity[] = [];
  PILLARS.forEach((pillar, pillarIndex) => {
    OUTCOME_STATEMENTS[pillar].forEach((statement, outcomeIndex) => {
      const outcome: OutcomeEntity = {
        id: id('outcome', pillar, outcomeIndex),
        planId: plan.id,
        code: `${pillarIndex + 1}.${outcomeIndex + 1}`,
        pillar,
        statement,
        position: pillarIndex * 2 + outcomeIndex,
        isDemo: true,
      };
      outcomes.push(outcome);
      [0, 1].forEach((outputIndex) => {
        const output = {
          id: id('output', pillar, outcomeIndex, outputIndex),
          outcomeId: outcome.id,
          code: `${outcome.code}.${outputIndex + 1}`,
          statement: OUTPUT_STATEMENTS[pillar][outcomeIndex * 2 + outputIndex]!,
          position: outputIndex,
          isDemo: true,
          pillar,
        };
        outputs.push(output);
        ACTIVITY_TITLES.forEach((title, activityIndex) => {
          const from = Math.min(end, start + Math.floor(random() * Math.max(1, end - start)));
          const to = Math.min(end, from + 1 + Math.floor(random() * 2));
          const finished = to < year;
          const status = finished
            ? random() < 0.8 ? ActivityStatus.COMPLETED : random() < 0.5 ? ActivityStatus.DELAYED : ActivityStatus.CANCELLED
            : from <= year ? ActivityStatus.ONGOING : ActivityStatus.PLANNED;
          activities.push({
            id: id('activity', output.code, activityIndex),
            outputId: output.id,
            code: `${output.code}.${activityIndex + 1}`,
            title,
            responsiblePartnerId: partnerId(PILLAR_PARTNER[pillar]),
            startsOn: iso(from, 1, 1),
            endsOn: iso(to, 12, 31),
            status,
            position: activityIndex,
            isDemo: true,
          });
        });
      });
    });
  });
  await insertAll(manager, OutcomeEntity, outcomes);
  await insertAll(manager, OutputEntity, outputs.map(({ pillar: _pillar, ...output }) => output));
  await insertAll(manager, ActivityEntity, activities);

  // Indicators: at least three per pillar, 20–32 in all, aligned to the frameworks the state belongs to.
  const frameworks = new Set<string>(alignmentFrameworksOf(country.iso2));
  const chosen = chooseTemplates(random);
  // How well the member does overall; each indicator varies around it (some achieved, some on track, some behind).
  const memberPerformance = 0.55 + random() * 0.6;
  const lastMeasured = Math.min(end, year - 1);
  const firstMeasured = Math.max(start - 1, lastMeasured - 7);
  const indicators: IndicatorEntity[] = [];
  const alignments: IndicatorAlignmentEntity[] = [];
  const measurements: MeasurementEntity[] = [];
  // One member in three reports an alignment its framework's catalogue does not have (the regional view lists those).
  const strayAlignment = frameworks.has('AU_CRF') && random() < 0.34;
  chosen.forEach((template, position) => {
    const indicatorId = id('indicator', template.key);
    const outcome = outcomes.filter((candidate) => candidate.pillar === template.pillar)[position % 2]!;
    const output = outputs.filter((candidate) => candidate.pillar === template.pillar)[position % 4]!;
    const quantitative = template.kind === IndicatorKind.QUANTITATIVE;
    const sourced = template.key === PARLIAMENT_SHARE ? parliamentShareOf(country.iso2) : undefined;
    // Near the sourced real value where one exists (Rwanda ≈61%, Nigeria ≈4%), never a generic range that contradicts it; still demo.
    const ranges = sourced ? nearSourcedShare(sourced.share) : { baseline: template.baseline!, change: template.change! };
    const baseline = quantitative ? round(between(random, ranges.baseline), template.unit) : null;
    const change = quantitative ? between(random, ranges.change) : 0;
    const target = baseline === null ? null : round(template.unit === '%' ? Math.min(baseline + change, 100) : baseline + change, template.unit);
    indicators.push({
      id: indicatorId,
      planId: plan.id,
      code: `${country.iso2}-${template.key}`,
      title: template.title,
      unit: quantitative ? template.unit : 'qualitative',
      position,
      baselineValue: baseline,
      baselineYear: baseline === null ? null : start - 1,
      targetValue: target,
      targetYear: target === null ? null : end,
      isDemo: true,
      level: template.level,
      kind: template.kind,
      outcomeId: template.level === IndicatorLevel.OUTCOME ? outcome.id : null,
      outputId: template.level === IndicatorLevel.OUTPUT ? output.id : null,
      disaggregation: template.disaggregation,
      dataSource: sourced ? `${template.dataSource}; demo values generated near the sourced ${sourced.share}% (${sourced.chamber}, ${sourced.asOf}: data/parliament-shares.json)` : template.dataSource,
      // Some indicators lack a frequency: monitoring frameworks are rarely complete.
      frequency: random() < 0.85 ? template.frequency : null,
      responsiblePartnerId: partnerId(PILLAR_PARTNER[template.pillar]),
    });
    for (const [framework, code] of Object.entries(template.aligns)) {
      if (frameworks.has(framework)) alignments.push({ indicatorId, frameworkCode: framework as AlignmentFramework, indicatorCode: code });
    }
    if (strayAlignment && position === 0) alignments.push({ indicatorId, frameworkCode: AlignmentFramework.AU_CRF, indicatorCode: 'AU-PAR-9' });

    const performance = Math.max(0.2, memberPerformance + (random() - 0.45) * 0.7);
    const span = end - start + 1;
    for (let measured = firstMeasured; measured <= lastMeasured; measured += 1) {
      const elapsed = Math.max(0, (measured - start + 1) / span);
      const isDraft = measured === year - 1 && random() < 0.4;
      const recordedAt = new Date(Date.UTC(measured + 1, 1, 15));
      const common = {
        indicatorId,
        period: String(measured),
        status: isDraft ? MeasurementStatus.DRAFT : MeasurementStatus.PUBLISHED,
        isDemo: true,
        recordedAt,
        recordedBy: SEEDER,
        recordedByDisplay: DEMO_SEED_DISPLAY,
        version: 1,
        supersedesId: null,
        publishedAt: isDraft ? null : new Date(recordedAt.getTime() + 30 * 86_400_000),
        publishedBy: isDraft ? null : SEEDER,
      };
      if (quantitative) {
        const noise = (random() - 0.5) * 0.15;
        const value = measured < start ? baseline! : round(baseline! + (target! - baseline!) * Math.max(0, elapsed * performance + noise), template.unit);
        measurements.push({
          ...common,
          id: uuidFromName(`${indicatorId}:measurement:${measured}:1`),
          value,
          disaggregatedValues: disaggregate(template, value, random),
          narrative: null,
          source: `${template.dataSource} (demo value)`,
          reportedStatus: null,
        });
      } else {
        const draw = random() * performance;
        measurements.push({
          ...common,
          id: uuidFromName(`${indicatorId}:measurement:${measured}:1`),
          value: null,
          disaggregatedValues: [],
          narrative: 'Demo narrative: progress described by the responsible partner and civil society monitors.',
          source: `${template.dataSource} (demo)`,
          reportedStatus: draw > 0.75 ? ReportedStatus.ACHIEVED : draw > 0.35 ? ReportedStatus.ON_TRACK : ReportedStatus.OFF_TRACK,
        });
      }
    }
  });
  // A correction: the first quantitative indicator's first measured year gets a second, published version.
  const corrected = measurements.find((measurement) => measurement.value !== null && measurement.status === MeasurementStatus.PUBLISHED);
  if (corrected) {
    measurements.push({
      ...corrected,
      id: uuidFromName(`${corrected.indicatorId}:measurement:${corrected.period}:2`),
      version: 2,
      supersedesId: corrected.id,
      value: round(corrected.value! * 1.02, indicators.find((indicator) => indicator.id === corrected.indicatorId)!.unit),
      narrative: 'Corrected after the statistics office validated the data (demo).',
      recordedAt: new Date(corrected.recordedAt.getTime() + 90 * 86_400_000),
      publishedAt: new Date(corrected.recordedAt.getTime() + 100 * 86_400_000),
    });
  }
  await insertAll(manager, IndicatorEntity, indicators);
  await insertAll(manager, IndicatorAlignmentEntity, alignments);
  await insertAll(manager, MeasurementEntity, measurements);
  await seedDemoLocalPlans(manager, country.iso2, plan, indicators, today);

  const budgetLines = demoBudgetLines(country.iso2, plan, partners, id, random, start, Math.min(end, year), year);
  // Financing draws from a stream of its own, so the values generated after it stay what they were.
  const financing = seedFinancing(country, entry, plan, budgetLines, partners, createRandom(`${country.iso2}:${entry.iteration}:financing`), today);
  await insertAll(manager, BudgetLineEntity, budgetLines);
  await insertAll(manager, DisbursementEntity, financing.disbursements);
  if (financing.estimate) {
    await manager.update(NationalActionPlanEntity, { id: plan.id }, financing.estimate);
    Object.assign(plan, financing.estimate);
  }
  const reports = await seedReports(manager, plan, id, random, start, end, year);
  await seedDemoFollowUps(manager, country.iso2, plan, partners, today);
  await insertAll(manager, ProgressReportEntity, sourcedReports(country, entry, plan, id, year));
  return { indicators: indicators.length, measurements: measurements.length, budgetLines: budgetLines.length, reports };
}

/** At least three templates per pillar (outcome level first), then about four in five of the rest. */
function chooseTemplates(random: () => number): IndicatorTemplate[] {
  const chosen: IndicatorTemplate[] = [];
  for (const pillar of PILLARS) {
    const ofPillar = INDICATOR_BANK.filter((template) => template.pillar === pillar);
    ofPillar.forEach((template, index) => {
      if (index < 3 || random() < 0.8) chosen.push(template);
    });
  }
  return chosen;
}

const between = (random: () => number, [low, high]: [number, number]) => low + random() * (high - low);

/** The indicator template of women's share of parliament seats. */
export const PARLIAMENT_SHARE = 'PAR-PARL';

/** Ranges for a share generated near a sourced value: the baseline within two points below to one above it, a small rise. */
export function nearSourcedShare(share: number): { baseline: [number, number]; change: [number, number] } {
  return { baseline: [Math.max(0, share - 2), Math.min(100, share + 1)], change: [0.5, Math.min(3, 100 - share)] };
}

function round(value: number, unit: string): number {
  return unit === '%' ? Math.round(value * 10) / 10 : Math.round(value);
}

/** Counts broken down by sex (or else by age), adding up to the total. */
function disaggregate(template: IndicatorTemplate, value: number, random: () => number): DisaggregatedValueRecord[] {
  if (template.unit !== 'number') return [];
  const dimension = template.disaggregation.includes('sex') ? 'sex' : template.disaggregation.includes('age') ? 'age' : null;
  if (!dimension) return [];
  const [first, second] = dimension === 'sex' ? ['female', 'male'] : ['18-35', '36+'];
  const share = dimension === 'sex' ? 0.55 + random() * 0.35 : 0.4 + random() * 0.3;
  const part = Math.round(value * share);
  return [
    { dimension, category: first, value: part },
    { dimension, category: second, value: value - part },
  ];
}

function demoBudgetLines(
  countryCode: string,
  plan: NationalActionPlanEntity,
  partners: ImplementingPartnerEntity[],
  id: (...parts: (string | number)[]) => string,
  random: () => number,
  firstYear: number,
  lastYear: number,
  year: number,
): BudgetLineEntity[] {
  const [currency, perDollar] = CURRENCIES[countryCode] ?? ['USD', 1];
  const execution = 0.5 + random() * 0.45;
  // A plan without a costed budget still shows some donor money; a costed one funds most partners.
  const funded = plan.costed ? partners.filter((partner) => partner.kind !== 'PARLIAMENT') : partners.filter((partner) => partner.kind === 'CSO');
  const lines: BudgetLineEntity[] = [];
  for (let fiscalYear = firstYear; fiscalYear <= lastYear; fiscalYear += 1) {
    for (const partner of funded) {
      const template = PARTNERS.find((candidate) => candidate.name === partner.name)!;
      const allocated = Math.round((60_000 + random() * 440_000) * perDollar / 1000) * 1000;
      const current = fiscalYear === year;
      const disbursedShare = current ? 0.3 + random() * 0.3 : Math.min(1, execution + (random() - 0.3) * 0.3);
      const disbursed = Math.round(allocated * disbursedShare);
      const spent = Math.round(disbursed * (0.75 + random() * 0.25));
      lines.push({
        id: id('budget', fiscalYear, template.key),
        planId: plan.id,
        fiscalYear,
        partnerId: partner.id,
        activityId: null,
        description: `${partner.name}: WPS activities ${fiscalYear}`,
        currency,
        allocated,
        disbursed,
        spent,
        fundingSource: template.funding === FundingSource.NATIONAL_BUDGET && random() < 0.2 ? FundingSource.DONOR : template.funding,
        costedEstimate: null,
        genderMarker: GenderMarker.NOT_SCREENED,
        // The current year is still being recorded: a draft the public does not see.
        status: current ? PublicationStatus.DRAFT : PublicationStatus.PUBLISHED,
        publishedAt: current ? null : new Date(Date.UTC(fiscalYear + 1, 3, 1)),
        isDemo: true,
        updatedAt: new Date(Date.UTC(fiscalYear + 1, 2, 1)),
      });
    }
  }
  return lines;
}

/** Annual reports for the last completed years (irregular reporters skip one), a final evaluation for ended plans, a draft for the current year. */
async function seedReports(
  manager: EntityManager,
  plan: NationalActionPlanEntity,
  id: (...parts: (string | number)[]) => string,
  random: () => number,
  start: number,
  end: number,
  year: number,
): Promise<number> {
  const lastCompleted = Math.min(end, year - 1);
  const irregular = random() < 0.35;
  const reports: ProgressReportEntity[] = [];
  for (let reportYear = Math.max(start, lastCompleted - 2); reportYear <= lastCompleted; reportYear += 1) {
    if (irregular && reportYear === lastCompleted - 1) continue;
    reports.push(report(plan, id('report', reportYear), ReportKind.ANNUAL, `Annual progress report ${reportYear} (demo)`, reportYear, reportYear, true, random));
  }
  if (end < year && random() < 0.5) {
    reports.push(report(plan, id('report', 'final'), ReportKind.FINAL_EVALUATION, `Final evaluation ${start}–${end} (demo)`, start, end, true, random));
  }
  if (start <= year && year <= end) {
    reports.push(report(plan, id('report', year), ReportKind.ANNUAL, `Annual progress report ${year} (demo, in preparation)`, year, year, false, random));
  }
  await insertAll(manager, ProgressReportEntity, reports);
  const recommendations: ReportRecommendationEntity[] = reports.flatMap((entry) => {
    const first = Math.floor(random() * RECOMMENDATIONS.length);
    return [0, 1].map((position) => {
      const [text, decision] = RECOMMENDATIONS[(first + position) % RECOMMENDATIONS.length]!;
      const decided = entry.status === PublicationStatus.PUBLISHED && random() < 0.7;
      return {
        id: uuidFromName(`${entry.id}:recommendation:${position}`),
        reportId: entry.id,
        position,
        text,
        decision: decided ? decision : null,
        decidedOn: decided ? iso(entry.periodEnd + 1, 4, 15) : null,
        decidedBy: decided ? 'National steering committee on WPS' : null,
      };
    });
  });
  await insertAll(manager, ReportRecommendationEntity, recommendations);
  return reports.length;
}

function report(
  plan: NationalActionPlanEntity,
  reportId: string,
  kind: ReportKind,
  title: string,
  periodStart: number,
  periodEnd: number,
  published: boolean,
  random: () => number,
): ProgressReportEntity {
  const findings = FINDINGS.filter(() => random() < 0.5);
  return {
    id: reportId,
    planId: plan.id,
    kind,
    title,
    periodStart,
    periodEnd,
    status: published ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT,
    findings: findings.length > 0 ? findings : [FINDINGS[0]!],
    publishedAt: published ? new Date(Date.UTC(periodEnd + 1, 4, 1)) : null,
    draftedBy: SEEDER,
    publishedBy: published ? SEEDER : null,
    isDemo: true,
    createdAt: new Date(Date.UTC(periodEnd + 1, 1, 1)),
  };
}

/** The recipients a partner's money goes to, most often first: ministries pass some on as grants; CSOs fund women's groups at the grassroots. */
const RECIPIENTS_BY_KIND: Record<string, RecipientType[]> = {
  CSO: [RecipientType.WOMENS_RIGHTS_ORGANISATION, RecipientType.CSO, RecipientType.GRASSROOTS],
  LOCAL_GOVERNMENT: [RecipientType.GOVERNMENT, RecipientType.GRASSROOTS, RecipientType.CSO],
  PARLIAMENT: [RecipientType.GOVERNMENT],
};
const GOVERNMENT_RECIPIENTS = [RecipientType.GOVERNMENT, RecipientType.CSO, RecipientType.MULTILATERAL, RecipientType.GRASSROOTS];

/**
 * A plan's financing: the costed estimate (sourced where data/ gives one,
 * else generated for a costed plan, flagged in demoFields), a gender marker
 * per line, and each line's disbursed total split into rows by recipient
 * type (some of it left without a row: recorded as a total only). Sourced
 * allocation totals (Georgia) scale the generated lines to the sourced sum.
 * Changes the lines in place; returns the rows and the plan's estimate.
 */
function seedFinancing(
  country: CountryNapHistory,
  entry: NapHistoryEntry,
  plan: NationalActionPlanEntity,
  lines: BudgetLineEntity[],
  partners: ImplementingPartnerEntity[],
  random: () => number,
  today: Date,
): { disbursements: DisbursementEntity[]; estimate: Partial<NationalActionPlanEntity> | null } {
  const sourced = sourcedFinancingOf(country.iso2, entry.iteration);
  if (sourced?.allocated && lines.length > 0) {
    const generated = lines.reduce((total, line) => total + line.allocated, 0);
    let left = sourced.allocated.amount;
    lines.forEach((line, index) => {
      const allocated = index === lines.length - 1 ? left : Math.round((line.allocated / generated) * sourced.allocated!.amount);
      const ratio = allocated / line.allocated;
      Object.assign(line, { allocated, disbursed: Math.round(line.disbursed * ratio), spent: Math.min(Math.round(line.spent * ratio), Math.round(line.disbursed * ratio)), currency: sourced.allocated!.currency });
      left -= allocated;
    });
  }
  const kindOf = new Map(partners.map((partner) => [partner.id, partner.kind as string]));
  const disbursements: DisbursementEntity[] = [];
  const todayIso = today.toISOString().slice(0, 10);
  for (const line of lines) {
    const draw = random();
    line.genderMarker = draw < 0.45 ? GenderMarker.PRINCIPAL : draw < 0.8 ? GenderMarker.SIGNIFICANT : draw < 0.9 ? GenderMarker.NOT_TARGETED : GenderMarker.NOT_SCREENED;
    const recipients = RECIPIENTS_BY_KIND[kindOf.get(line.partnerId ?? '') ?? ''] ?? GOVERNMENT_RECIPIENTS;
    // About one line in six keeps part of its disbursed total without a row (UNKNOWN in the shares).
    let left = Math.round(line.disbursed * (random() < 0.16 ? 0.7 + random() * 0.2 : 1));
    const count = 1 + Math.floor(random() * 3);
    for (let index = 0; index < count && left > 0; index += 1) {
      const amount = index === count - 1 ? left : Math.round(left * (0.4 + random() * 0.4));
      const recipientType = index === 0 ? recipients[0]! : recipients[Math.floor(random() * recipients.length)]!;
      const disbursedOn = [iso(line.fiscalYear, 2 + Math.floor(random() * 10), 1 + Math.floor(random() * 28)), todayIso].sort()[0]!;
      disbursements.push({
        id: uuidFromName(`${line.id}:disbursement:${index}`),
        budgetLineId: line.id,
        disbursedOn,
        amount,
        recipientType,
        recipientName: null,
        isDemo: true,
        recordedBy: SEEDER,
        recordedAt: new Date(`${disbursedOn}T12:00:00Z`),
      });
      left -= amount;
    }
  }
  if (sourced?.costedEstimate) {
    const { amount, currency, source } = sourced.costedEstimate;
    return { disbursements, estimate: { costedEstimate: amount, costedEstimateCurrency: currency, costedEstimateSource: source } };
  }
  if (!plan.costed || lines.length === 0) return { disbursements, estimate: null };
  const allocated = lines.reduce((total, line) => total + line.allocated, 0);
  return {
    disbursements,
    estimate: {
      costedEstimate: Math.round((allocated * (1.1 + random() * 0.5)) / 1000) * 1000,
      costedEstimateCurrency: lines[0]!.currency,
      costedEstimateSource: 'Demo value: generated, not from any document',
      demoFields: [...plan.demoFields, 'costedEstimate'],
    },
  };
}

/** Reports the sources name (Uganda's 2023 mid-term evaluation): real rows with the source, no invented findings. */
function sourcedReports(country: CountryNapHistory, entry: NapHistoryEntry, plan: NationalActionPlanEntity, id: (...parts: (string | number)[]) => string, year: number): ProgressReportEntity[] {
  return (sourcedFinancingOf(country.iso2, entry.iteration)?.reports ?? [])
    .filter((sourced) => sourced.year < year)
    .map((sourced) => ({
      id: id('report', 'sourced', sourced.kind, sourced.year),
      planId: plan.id,
      kind: sourced.kind,
      title: sourced.title,
      periodStart: plan.periodStart!,
      periodEnd: sourced.year,
      status: PublicationStatus.PUBLISHED,
      findings: [],
      // The source gives the year only: no publication day is invented.
      publishedAt: null,
      draftedBy: SEEDER,
      publishedBy: SEEDER,
      isDemo: false,
      createdAt: new Date(Date.UTC(sourced.year, 11, 31)),
    }));
}
