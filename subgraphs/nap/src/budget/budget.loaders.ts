import { PublicationStatus } from '../common/enums.js';
import { visibleRows, type LoaderSource } from '../common/loader-source.js';
import { BudgetLineEntity } from './budget-line.entity.js';
import { toBudgetLine, toDisbursement } from './budget.mapper.js';
import { DisbursementEntity } from './disbursement.entity.js';

/** The budget lines of the member's plans the request may see, and their disbursements, per request. */
export function createBudgetLoaders(source: LoaderSource) {
  const visible = visibleRows(source.visibility, PublicationStatus.PUBLISHED);
  return {
    budgetLinesByPlanId: source.byParent(BudgetLineEntity, 'planId', toBudgetLine, { fiscalYear: 'ASC', description: 'ASC' }, visible),
    budgetLineById: source.byId(BudgetLineEntity, toBudgetLine, visible),
    /** Asked only for lines the request sees (row-level security hides a draft line's disbursements from the public too). */
    disbursementsByBudgetLineId: source.byParent(DisbursementEntity, 'budgetLineId', toDisbursement, { disbursedOn: 'ASC', recordedAt: 'ASC', id: 'ASC' }),
  };
}

export type BudgetLoaders = ReturnType<typeof createBudgetLoaders>;

/** The disbursements of these lines, one statement for the batch. */
export async function disbursementsOf(loaders: Pick<BudgetLoaders, 'disbursementsByBudgetLineId'>, lines: readonly { id: string }[]) {
  return (await loaders.disbursementsByBudgetLineId.loadMany(lines.map((line) => line.id))).flatMap((rows) => {
    if (rows instanceof Error) throw rows;
    return rows;
  });
}
