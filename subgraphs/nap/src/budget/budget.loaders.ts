import { PublicationStatus } from '../common/enums.js';
import { visibleRows, type LoaderSource } from '../common/loader-source.js';
import { BudgetLineEntity } from './budget-line.entity.js';
import { toBudgetLine } from './budget.mapper.js';

/** The budget lines of the member's plans the request may see, per request. */
export function createBudgetLoaders(source: LoaderSource) {
  const visible = visibleRows(source.visibility, PublicationStatus.PUBLISHED);
  return {
    budgetLinesByPlanId: source.byParent(BudgetLineEntity, 'planId', toBudgetLine, { fiscalYear: 'ASC', description: 'ASC' }, visible),
    budgetLineById: source.byId(BudgetLineEntity, toBudgetLine, visible),
  };
}

export type BudgetLoaders = ReturnType<typeof createBudgetLoaders>;
