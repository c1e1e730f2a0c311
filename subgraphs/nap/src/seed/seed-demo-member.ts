import { napHistoryOf, type CountryNapHistory, type NapHistoryEntry } from '@wps/data';
import type { DataSource, EntityManager } from 'typeorm';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { MeasurementStatus } from '../measurement/measurement-status.js';
import { MeasurementEntity } from '../measurement/measurement.entity.js';
import { PlanStatus } from '../plan/plan-status.js';
import { NationalActionPlanEntity } from '../plan/plan.entity.js';
import { createRandom, uuidFromName } from './deterministic.js';
import { INDICATOR_BANK } from './indicator-bank.js';

export interface SeedSummary {
  plans: number;
  indicators: number;
  measurements: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

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

function round(value: number, unit: string): number {
  return unit === '%' ? Math.round(value * 10) / 10 : Math.round(value);
}

/**
 * Seed an empty member database with the state's real NAP history (periods,
 * adoption dates, sources, conflicts) and generated demo content: titles and
 * statuses where the data has none, and for the two latest plans with a known
 * period, indicators from the demo bank with yearly values. Deterministic:
 * the same country and year give the same rows. One transaction; does nothing
 * (returns null) when the database already has plans.
 */
export async function seedDemoMember(dataSource: DataSource, countryCode: string, today: Date = new Date()): Promise<SeedSummary | null> {
  const history = napHistoryOf(countryCode);
  if (!history) return null;
  return dataSource.transaction(async (manager) => {
    // One seeder at a time per database, and never over existing data.
    await manager.query('SELECT pg_advisory_xact_lock(1325)');
    if ((await manager.count(NationalActionPlanEntity)) > 0) return null;
    return insertHistory(manager, history, today);
  });
}

async function insertHistory(manager: EntityManager, country: CountryNapHistory, today: Date): Promise<SeedSummary> {
  const year = today.getUTCFullYear();
  const summary: SeedSummary = { plans: 0, indicators: 0, measurements: 0 };
  const latestIteration = Math.max(...country.naps.map((entry) => entry.iteration));
  const withKnownStart = country.naps.filter((entry) => entry.start !== null).map((entry) => entry.iteration);
  const withIndicators = new Set(withKnownStart.sort((a, b) => a - b).slice(-2));

  for (const entry of country.naps) {
    const random = createRandom(`${country.iso2}:${entry.iteration}`);
    const demoFields = ['title', 'status'];
    let adoptedOn = entry.adopted ?? null;
    if (adoptedOn === null && entry.start !== null) {
      const month = 1 + Math.floor(random() * 6);
      adoptedOn = `${entry.start}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      demoFields.push('adoptedOn');
    }
    const plan = manager.create(NationalActionPlanEntity, {
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
    });
    await manager.save(plan);
    summary.plans += 1;
    if (!withIndicators.has(entry.iteration) || entry.start === null) continue;

    // How well this plan does: some members on track, some behind (demo).
    const performance = 0.35 + random() * 0.9;
    const end = entry.end ?? entry.start + 5;
    const lastYear = Math.min(end, year - 1);
    const indicators: IndicatorEntity[] = [];
    const measurements: MeasurementEntity[] = [];
    INDICATOR_BANK.forEach((template, position) => {
      const baseline = round(template.baseline[0] + random() * (template.baseline[1] - template.baseline[0]), template.unit);
      const change = template.change[0] + random() * (template.change[1] - template.change[0]);
      const target = round(template.unit === '%' ? Math.min(baseline + change, 60) : baseline + change, template.unit);
      const indicatorId = uuidFromName(`${country.iso2}:plan:${entry.iteration}:indicator:${template.key}`);
      indicators.push(
        manager.create(IndicatorEntity, {
          id: indicatorId,
          planId: plan.id,
          code: `${country.iso2}-${template.key}`,
          title: template.title,
          unit: template.unit,
          position,
          baselineValue: baseline,
          baselineYear: entry.start! - 1,
          targetValue: target,
          targetYear: end,
          isDemo: true,
        }),
      );
      const span = Math.max(1, end - entry.start! + 1);
      for (let measured = entry.start!; measured <= lastYear; measured += 1) {
        const elapsed = (measured - entry.start! + 1) / span;
        const noise = (random() - 0.5) * 0.15;
        const value = round(baseline + (target - baseline) * Math.max(0, elapsed * performance + noise), template.unit);
        // The latest year is still being validated for some indicators (a draft the public never sees).
        const isDraft = measured === year - 1 && random() < 0.4;
        measurements.push(
          manager.create(MeasurementEntity, {
            id: uuidFromName(`${indicatorId}:measurement:${measured}:1`),
            indicatorId,
            period: String(measured),
            value,
            status: isDraft ? MeasurementStatus.DRAFT : MeasurementStatus.PUBLISHED,
            isDemo: true,
            recordedAt: new Date(Date.UTC(measured + 1, 1, 15)),
            recordedBy: 'demo-seed',
          }),
        );
      }
    });
    await manager.save(indicators, { chunk: 200 });
    await manager.save(measurements, { chunk: 500 });
    summary.indicators += indicators.length;
    summary.measurements += measurements.length;
  }
  return summary;
}
