import { createGroupLoader, createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { IndicatorEntity } from './indicator/indicator.entity.js';
import type { Indicator } from './indicator/indicator.type.js';
import { toIndicator, toMeasurement, toPlan } from './mappers.js';
import { MeasurementStatus } from './measurement/measurement-status.js';
import { MeasurementEntity } from './measurement/measurement.entity.js';
import type { Measurement } from './measurement/measurement.type.js';
import { NationalActionPlanEntity } from './plan/plan.entity.js';
import type { NationalActionPlan } from './plan/plan.type.js';

/**
 * Every read of member data goes through these, created per request: the
 * number of statements per request does not grow with the number of plans,
 * indicators or measurements asked for.
 */
export function createLoaders(dataSource: DataSource, countryCode: string) {
  const plans = dataSource.getRepository(NationalActionPlanEntity);
  const indicators = dataSource.getRepository(IndicatorEntity);
  const measurements = dataSource.getRepository(MeasurementEntity);
  return {
    /** All plans of the member, first to latest (keyed by the member's country code). */
    plansByCountry: createGroupLoader<string, NationalActionPlan>(
      async () => (await plans.find({ order: { iteration: 'ASC' } })).map((row) => toPlan(row, countryCode)),
      () => countryCode,
    ),
    planById: createRowLoader<string, NationalActionPlan>(
      async (ids) => (await plans.findBy({ id: In([...ids]) })).map((row) => toPlan(row, countryCode)),
      (plan) => plan.id,
    ),
    indicatorsByPlanId: createGroupLoader<string, Indicator>(
      async (planIds) =>
        (await indicators.find({ where: { planId: In([...planIds]) }, order: { position: 'ASC', code: 'ASC' } })).map((row) =>
          toIndicator(row, countryCode),
        ),
      (indicator) => indicator.planId,
    ),
    indicatorById: createRowLoader<string, Indicator>(
      async (ids) => (await indicators.findBy({ id: In([...ids]) })).map((row) => toIndicator(row, countryCode)),
      (indicator) => indicator.id,
    ),
    /** Published measurements only: drafts stay with the member. */
    publishedMeasurementsByIndicatorId: createGroupLoader<string, Measurement>(
      async (indicatorIds) =>
        (
          await measurements.find({
            where: { indicatorId: In([...indicatorIds]), status: MeasurementStatus.PUBLISHED },
            order: { period: 'ASC', recordedAt: 'ASC' },
          })
        ).map((row) => toMeasurement(row, countryCode)),
      (measurement) => measurement.indicatorId,
    ),
    publishedMeasurementById: createRowLoader<string, Measurement>(
      async (ids) =>
        (await measurements.findBy({ id: In([...ids]), status: MeasurementStatus.PUBLISHED })).map((row) => toMeasurement(row, countryCode)),
      (measurement) => measurement.id,
    ),
  };
}

export type NapLoaders = ReturnType<typeof createLoaders>;
