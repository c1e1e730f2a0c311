import DataLoader from 'dataloader';
import { PublicationStatus } from '../common/enums.js';
import { groupBy, visibleRows, type LoaderSource } from '../common/loader-source.js';
import { LocalActionPlanEntity } from './local-action-plan.entity.js';
import { LocalIndicatorEntity } from './local-indicator.entity.js';
import { LocalMeasurementEntity } from './local-measurement.entity.js';
import { toLocalActionPlan, toLocalIndicator, toLocalMeasurement } from './local-plan.mapper.js';
import type { LocalRollUp, LocalValueKind } from './local-plan.type.js';
import { rollUp, type RollUpRow } from './local-roll-up.js';

/**
 * The local plans of the member's national plans the request may see, their
 * indicators and values, and the roll-up of every national indicator: one
 * statement per batch each, however many plans, indicators or values.
 * A draft local plan's indicators and values are asked for only under a plan
 * the request sees (row-level security hides them from the public too).
 */
export function createLocalPlanLoaders(source: LoaderSource) {
  const visible = visibleRows(source.visibility, PublicationStatus.PUBLISHED);
  return {
    localPlansByPlanId: source.byParent(LocalActionPlanEntity, 'planId', toLocalActionPlan, { level: 'ASC', areaName: 'ASC', id: 'ASC' }, visible),
    localPlanById: source.byId(LocalActionPlanEntity, toLocalActionPlan, visible),
    localIndicatorsByLocalPlanId: source.byParent(LocalIndicatorEntity, 'localPlanId', toLocalIndicator, { position: 'ASC', code: 'ASC' }),
    localMeasurementsByLocalIndicatorId: source.byParent(LocalMeasurementEntity, 'localIndicatorId', toLocalMeasurement, { period: 'ASC' }),
    /** The roll-up of each national indicator from the local indicators linked to it (null when none is). */
    localRollUpByIndicatorId: new DataLoader<string, LocalRollUp | null>(async (indicatorIds) => {
      const raw: (Omit<RollUpRow, 'value'> & { nationalIndicatorId: string; value: string | null })[] = await (await source.repository(LocalIndicatorEntity))
        .createQueryBuilder('li')
        .innerJoin(LocalActionPlanEntity, 'p', 'p.id = li.local_plan_id')
        .leftJoin(LocalMeasurementEntity, 'm', 'm.local_indicator_id = li.id')
        .select([
          'li.national_indicator_id AS "nationalIndicatorId"',
          'li.id AS "localIndicatorId"',
          'li.local_plan_id AS "localPlanId"',
          'li.value_kind AS "valueKind"',
          '(li.is_demo OR p.is_demo) AS "linkIsDemo"',
          'm.period AS "period"',
          'm.value AS "value"',
          'm.is_demo AS "valueIsDemo"',
        ])
        .where('li.national_indicator_id IN (:...indicatorIds)', { indicatorIds: [...indicatorIds] })
        .andWhere(source.visibility.drafts ? 'true' : 'p.status = :published', { published: PublicationStatus.PUBLISHED })
        .getRawMany();
      const rows = raw.map((row) => ({ ...row, valueKind: row.valueKind as LocalValueKind, value: row.value === null ? null : Number(row.value) }));
      const byIndicator = groupBy(rows, (row) => row.nationalIndicatorId, (row) => row);
      return indicatorIds.map((id) => rollUp(byIndicator.get(id) ?? []));
    }),
  };
}

export type LocalPlanLoaders = ReturnType<typeof createLocalPlanLoaders>;
