import { createGroupLoader, createRowLoader } from '@wps/kit';
import DataLoader from 'dataloader';
import { In, type EntityManager, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';
import { BudgetLineEntity } from './budget/budget-line.entity.js';
import type { BudgetLine } from './budget/budget.type.js';
import { PublicationStatus } from './common/enums.js';
import { IndicatorAlignmentEntity } from './indicator/alignment.entity.js';
import { IndicatorEntity } from './indicator/indicator.entity.js';
import type { Indicator, IndicatorAlignment } from './indicator/indicator.type.js';
import { ActivityEntity } from './logframe/activity.entity.js';
import type { Activity, Outcome, Output } from './logframe/logframe.type.js';
import { OutcomeEntity } from './logframe/outcome.entity.js';
import { OutputEntity } from './logframe/output.entity.js';
import {
  toActivity,
  toBudgetLine,
  toIndicator,
  toMeasurement,
  toOutcome,
  toOutput,
  toPartner,
  toPlan,
  toPlanDocument,
  toRecommendation,
  toReport,
} from './mappers.js';
import { MeasurementStatus } from './measurement/measurement-status.js';
import { MeasurementEntity } from './measurement/measurement.entity.js';
import type { Measurement } from './measurement/measurement.type.js';
import { ImplementingPartnerEntity } from './partner/partner.entity.js';
import type { ImplementingPartner } from './partner/partner.type.js';
import { PlanDocumentEntity } from './plan/plan-document.entity.js';
import { NationalActionPlanEntity } from './plan/plan.entity.js';
import type { NationalActionPlan, PlanDocument } from './plan/plan.type.js';
import { ReportRecommendationEntity } from './report/recommendation.entity.js';
import { ProgressReportEntity } from './report/report.entity.js';
import type { ProgressReport, Recommendation } from './report/report.type.js';

/** What one request may see. Drafts stay with the member: only its own people see them. */
export interface Visibility {
  drafts: boolean;
}

/**
 * Every read of member data goes through these, created per request: each
 * is one statement per batch, so the number of statements a request costs
 * does not grow with the number of plans, indicators or measurements.
 */
export function createLoaders(session: () => Promise<EntityManager>, countryCode: string, visibility: Visibility = { drafts: false }) {
  const repository = async <T extends ObjectLiteral>(entity: new () => T): Promise<Repository<T>> => (await session()).getRepository(entity);
  /** Rows whose `key` is one of `keys`, in `order`. */
  const rowsWhere = async <T extends ObjectLiteral>(entity: new () => T, key: keyof T, keys: readonly unknown[], extra: FindOptionsWhere<T> = {}, order: Record<string, 'ASC' | 'DESC'> = {}) =>
    (await repository(entity)).find({ where: { ...extra, [key]: In([...keys]) } as FindOptionsWhere<T>, order: order as never });
  const published = visibility.drafts ? {} : { status: PublicationStatus.PUBLISHED };
  const publishedMeasurements = visibility.drafts ? {} : { status: MeasurementStatus.PUBLISHED };

  return {
    visibility,
    /** All plans of the member, first to latest (keyed by the member's country code). */
    plansByCountry: createGroupLoader<string, NationalActionPlan>(
      async () => (await (await repository(NationalActionPlanEntity)).find({ order: { iteration: 'ASC' } })).map((row) => toPlan(row, countryCode)),
      () => countryCode,
    ),
    planById: createRowLoader<string, NationalActionPlan>(
      async (ids) => (await rowsWhere(NationalActionPlanEntity, 'id', ids)).map((row) => toPlan(row, countryCode)),
      (plan) => plan.id,
    ),
    documentsByPlanId: createGroupLoader<string, PlanDocument>(
      async (ids) => (await rowsWhere(PlanDocumentEntity, 'planId', ids, {}, { position: 'ASC' })).map(toPlanDocument),
      (document) => document.planId,
    ),
    partnersByPlanId: createGroupLoader<string, ImplementingPartner>(
      async (ids) => (await rowsWhere(ImplementingPartnerEntity, 'planId', ids, {}, { name: 'ASC' })).map((row) => toPartner(row, countryCode)),
      (partner) => partner.planId,
    ),
    partnerById: createRowLoader<string, ImplementingPartner>(
      async (ids) => (await rowsWhere(ImplementingPartnerEntity, 'id', ids)).map((row) => toPartner(row, countryCode)),
      (partner) => partner.id,
    ),
    outcomesByPlanId: createGroupLoader<string, Outcome>(
      async (ids) => (await rowsWhere(OutcomeEntity, 'planId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toOutcome(row, countryCode)),
      (outcome) => outcome.planId,
    ),
    outcomeById: createRowLoader<string, Outcome>(
      async (ids) => (await rowsWhere(OutcomeEntity, 'id', ids)).map((row) => toOutcome(row, countryCode)),
      (outcome) => outcome.id,
    ),
    outputsByOutcomeId: createGroupLoader<string, Output>(
      async (ids) => (await rowsWhere(OutputEntity, 'outcomeId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toOutput(row, countryCode)),
      (output) => output.outcomeId,
    ),
    outputById: createRowLoader<string, Output>(
      async (ids) => (await rowsWhere(OutputEntity, 'id', ids)).map((row) => toOutput(row, countryCode)),
      (output) => output.id,
    ),
    activitiesByOutputId: createGroupLoader<string, Activity>(
      async (ids) => (await rowsWhere(ActivityEntity, 'outputId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toActivity(row, countryCode)),
      (activity) => activity.outputId,
    ),
    activityById: createRowLoader<string, Activity>(
      async (ids) => (await rowsWhere(ActivityEntity, 'id', ids)).map((row) => toActivity(row, countryCode)),
      (activity) => activity.id,
    ),
    indicatorsByPlanId: createGroupLoader<string, Indicator>(
      async (ids) => (await rowsWhere(IndicatorEntity, 'planId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toIndicator(row, countryCode)),
      (indicator) => indicator.planId,
    ),
    indicatorsByOutcomeId: createGroupLoader<string, Indicator>(
      async (ids) => (await rowsWhere(IndicatorEntity, 'outcomeId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toIndicator(row, countryCode)),
      (indicator) => indicator.outcomeId!,
    ),
    indicatorsByOutputId: createGroupLoader<string, Indicator>(
      async (ids) => (await rowsWhere(IndicatorEntity, 'outputId', ids, {}, { position: 'ASC', code: 'ASC' })).map((row) => toIndicator(row, countryCode)),
      (indicator) => indicator.outputId!,
    ),
    indicatorById: createRowLoader<string, Indicator>(
      async (ids) => (await rowsWhere(IndicatorEntity, 'id', ids)).map((row) => toIndicator(row, countryCode)),
      (indicator) => indicator.id,
    ),
    /**
     * Alignments of every indicator of a plan, by indicator id. Keyed by plan,
     * not indicator: however many places in a query ask, and in whatever
     * order their parents arrive, it is one key per plan and one statement.
     */
    alignmentsByPlanId: new DataLoader<string, Map<string, IndicatorAlignment[]>>(async (planIds) => {
      const rows: (IndicatorAlignment & { indicatorId: string; planId: string })[] = await (await repository(IndicatorAlignmentEntity))
        .createQueryBuilder('alignment')
        .innerJoin(IndicatorEntity, 'indicator', 'indicator.id = alignment.indicator_id')
        .select(['alignment.indicator_id AS "indicatorId"', 'alignment.framework_code AS "frameworkCode"', 'alignment.indicator_code AS "indicatorCode"', 'indicator.plan_id AS "planId"'])
        .where('indicator.plan_id IN (:...planIds)', { planIds: [...planIds] })
        .orderBy('alignment.framework_code')
        .addOrderBy('alignment.indicator_code')
        .getRawMany();
      return planIds.map((planId) => groupBy(rows.filter((row) => row.planId === planId), (row) => row.indicatorId, ({ frameworkCode, indicatorCode }) => ({ frameworkCode, indicatorCode })));
    }),
    /** Every measurement version of a plan's indicators the request may see, by indicator id, oldest period and version first (keyed by plan, as alignments). */
    measurementsByPlanId: new DataLoader<string, Map<string, Measurement[]>>(async (planIds) => {
      const query = (await repository(MeasurementEntity))
        .createQueryBuilder('measurement')
        .innerJoin(IndicatorEntity, 'indicator', 'indicator.id = measurement.indicator_id')
        .addSelect('indicator.plan_id', 'plan_id')
        .where('indicator.plan_id IN (:...planIds)', { planIds: [...planIds] })
        .orderBy('measurement.period')
        .addOrderBy('measurement.version');
      if (!visibility.drafts) query.andWhere('measurement.status = :status', { status: MeasurementStatus.PUBLISHED });
      const { entities, raw } = await query.getRawAndEntities<{ plan_id: string }>();
      const withPlan = entities.map((entity, index) => ({ planId: raw[index]!.plan_id, measurement: toMeasurement(entity, countryCode) }));
      return planIds.map((planId) => groupBy(withPlan.filter((row) => row.planId === planId), (row) => row.measurement.indicatorId, (row) => row.measurement));
    }),
    measurementById: createRowLoader<string, Measurement>(
      async (ids) => (await rowsWhere(MeasurementEntity, 'id', ids, publishedMeasurements)).map((row) => toMeasurement(row, countryCode)),
      (measurement) => measurement.id,
    ),
    budgetLinesByPlanId: createGroupLoader<string, BudgetLine>(
      async (ids) =>
        (await rowsWhere(BudgetLineEntity, 'planId', ids, published, { fiscalYear: 'ASC', description: 'ASC' })).map((row) => toBudgetLine(row, countryCode)),
      (line) => line.planId,
    ),
    budgetLineById: createRowLoader<string, BudgetLine>(
      async (ids) => (await rowsWhere(BudgetLineEntity, 'id', ids, published)).map((row) => toBudgetLine(row, countryCode)),
      (line) => line.id,
    ),
    reportsByPlanId: createGroupLoader<string, ProgressReport>(
      async (ids) => (await rowsWhere(ProgressReportEntity, 'planId', ids, published, { periodEnd: 'ASC', kind: 'ASC' })).map((row) => toReport(row, countryCode)),
      (report) => report.planId,
    ),
    reportById: createRowLoader<string, ProgressReport>(
      async (ids) => (await rowsWhere(ProgressReportEntity, 'id', ids, published)).map((row) => toReport(row, countryCode)),
      (report) => report.id,
    ),
    recommendationsByReportId: createGroupLoader<string, Recommendation>(
      async (ids) => (await rowsWhere(ReportRecommendationEntity, 'reportId', ids, {}, { position: 'ASC' })).map(toRecommendation),
      (recommendation) => recommendation.reportId,
    ),
  };
}

export type NapLoaders = ReturnType<typeof createLoaders>;

function groupBy<T, V>(rows: readonly T[], keyOf: (row: T) => string, valueOf: (row: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}

/** The measurement versions of one indicator the request may see (through its plan's loader). */
export async function measurementsOf(loaders: NapLoaders, indicator: { id: string; planId: string }): Promise<Measurement[]> {
  return (await loaders.measurementsByPlanId.load(indicator.planId)).get(indicator.id) ?? [];
}

/** The alignments of one indicator (through its plan's loader). */
export async function alignmentsOf(loaders: NapLoaders, indicator: { id: string; planId: string }): Promise<IndicatorAlignment[]> {
  return (await loaders.alignmentsByPlanId.load(indicator.planId)).get(indicator.id) ?? [];
}
