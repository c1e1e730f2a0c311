import { createGroupLoader, createRowLoader } from '@wps/kit';
import { PublicationStatus } from '../common/enums.js';
import { visibleRows, type LoaderSource } from '../common/loader-source.js';
import { BudgetLineEntity } from './budget-line.entity.js';
import { toBudgetLine } from './budget.mapper.js';
import type { BudgetLine } from './budget.type.js';

/** The budget lines of the member's plans the request may see, per request. */
export function createBudgetLoaders(source: LoaderSource) {
  const { countryCode } = source;
  const visible = visibleRows(source.visibility, PublicationStatus.PUBLISHED);
  return {
    budgetLinesByPlanId: createGroupLoader<string, BudgetLine>(
      async (ids) => (await source.rowsWhere(BudgetLineEntity, 'planId', ids, visible, { fiscalYear: 'ASC', description: 'ASC' })).map((row) => toBudgetLine(row, countryCode)),
      (line) => line.planId,
    ),
    budgetLineById: createRowLoader<string, BudgetLine>(
      async (ids) => (await source.rowsWhere(BudgetLineEntity, 'id', ids, visible)).map((row) => toBudgetLine(row, countryCode)),
      (line) => line.id,
    ),
  };
}

export type BudgetLoaders = ReturnType<typeof createBudgetLoaders>;
