import DataLoader from 'dataloader';
import { groupBy, visibleRows, type LoaderSource } from '../common/loader-source.js';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { MeasurementStatus } from './measurement-status.js';
import { MeasurementEntity } from './measurement.entity.js';
import { toMeasurement } from './measurement.mapper.js';
import type { Measurement } from './measurement.type.js';
import type { RecordedByAudience } from '../member/recorder-display.js';

/** The measurements of the member's indicators the request may see, per request. */
export function createMeasurementLoaders(source: LoaderSource) {
  const { countryCode, visibility } = source;
  // The member's own focal points (who see drafts) see who recorded a value; everyone else its display.
  const audience: RecordedByAudience = visibility.drafts ? 'member' : 'public';
  const toContract = (row: MeasurementEntity, code: string) => toMeasurement(row, code, audience);
  return {
    /** Every measurement version of a plan's indicators the request may see, by indicator id, oldest period and version first (keyed by plan, as alignments). */
    measurementsByPlanId: new DataLoader<string, Map<string, Measurement[]>>(async (planIds) => {
      const query = (await source.repository(MeasurementEntity))
        .createQueryBuilder('measurement')
        .innerJoin(IndicatorEntity, 'indicator', 'indicator.id = measurement.indicator_id')
        .addSelect('indicator.plan_id', 'plan_id')
        .where('indicator.plan_id IN (:...planIds)', { planIds: [...planIds] })
        .orderBy('measurement.period')
        .addOrderBy('measurement.version');
      if (!visibility.drafts) query.andWhere('measurement.status = :status', { status: MeasurementStatus.PUBLISHED });
      const { entities, raw } = await query.getRawAndEntities<{ plan_id: string }>();
      const withPlan = entities.map((entity, index) => ({ planId: raw[index]!.plan_id, measurement: toContract(entity, countryCode) }));
      return planIds.map((planId) => groupBy(withPlan.filter((row) => row.planId === planId), (row) => row.measurement.indicatorId, (row) => row.measurement));
    }),
    measurementById: source.byId(MeasurementEntity, toContract, visibleRows(visibility, MeasurementStatus.PUBLISHED)),
  };
}

export type MeasurementLoaders = ReturnType<typeof createMeasurementLoaders>;

/** The measurement versions of one indicator the request may see, through its plan's loader. */
export async function measurementsOf(measurementsByPlanId: MeasurementLoaders['measurementsByPlanId'], indicator: { id: string; planId: string }): Promise<Measurement[]> {
  return (await measurementsByPlanId.load(indicator.planId)).get(indicator.id) ?? [];
}
