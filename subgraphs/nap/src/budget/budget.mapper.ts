import type { BudgetLineEntity } from './budget-line.entity.js';
import type { BudgetLine } from './budget.type.js';

export function toBudgetLine(row: BudgetLineEntity, countryCode: string): BudgetLine {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    partnerId: row.partnerId,
    activityId: row.activityId,
    fiscalYear: row.fiscalYear,
    description: row.description,
    currency: row.currency,
    allocated: row.allocated,
    disbursed: row.disbursed,
    spent: row.spent,
    fundingSource: row.fundingSource,
    status: row.status,
    isDemo: row.isDemo,
  };
}
