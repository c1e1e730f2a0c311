import DataLoader from 'dataloader';
import { groupBy, type LoaderSource } from '../common/loader-source.js';
import { IndicatorAlignmentEntity } from './alignment.entity.js';
import { IndicatorEntity } from './indicator.entity.js';
import { toIndicator } from './indicator.mapper.js';
import type { IndicatorAlignment } from './indicator.type.js';

/** The national indicators of the member's plans and their alignments, per request. */
export function createIndicatorLoaders(source: LoaderSource) {
  // In the order the member lists them, then by code.
  const listed = { position: 'ASC', code: 'ASC' } as const;
  return {
    indicatorsByPlanId: source.byParent(IndicatorEntity, 'planId', toIndicator, listed),
    indicatorsByOutcomeId: source.byParent(IndicatorEntity, 'outcomeId', toIndicator, listed),
    indicatorsByOutputId: source.byParent(IndicatorEntity, 'outputId', toIndicator, listed),
    indicatorById: source.byId(IndicatorEntity, toIndicator),
    /**
     * Alignments of every indicator of a plan, by indicator id. Keyed by plan,
     * not indicator: however many places in a query ask, and in whatever
     * order their parents arrive, it is one key per plan and one statement.
     */
    alignmentsByPlanId: new DataLoader<string, Map<string, IndicatorAlignment[]>>(async (planIds) => {
      const rows: (IndicatorAlignment & { indicatorId: string; planId: string })[] = await (await source.repository(IndicatorAlignmentEntity))
        .createQueryBuilder('alignment')
        .innerJoin(IndicatorEntity, 'indicator', 'indicator.id = alignment.indicator_id')
        .select(['alignment.indicator_id AS "indicatorId"', 'alignment.framework_code AS "frameworkCode"', 'alignment.indicator_code AS "indicatorCode"', 'indicator.plan_id AS "planId"'])
        .where('indicator.plan_id IN (:...planIds)', { planIds: [...planIds] })
        .orderBy('alignment.framework_code')
        .addOrderBy('alignment.indicator_code')
        .getRawMany();
      return planIds.map((planId) => groupBy(rows.filter((row) => row.planId === planId), (row) => row.indicatorId, ({ frameworkCode, indicatorCode }) => ({ frameworkCode, indicatorCode })));
    }),
  };
}

export type IndicatorLoaders = ReturnType<typeof createIndicatorLoaders>;

/** The alignments of one indicator, through its plan's loader. */
export async function alignmentsOf(alignmentsByPlanId: IndicatorLoaders['alignmentsByPlanId'], indicator: { id: string; planId: string }): Promise<IndicatorAlignment[]> {
  return (await alignmentsByPlanId.load(indicator.planId)).get(indicator.id) ?? [];
}
