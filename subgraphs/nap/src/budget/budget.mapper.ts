import type { BudgetLineEntity } from './budget-line.entity.js';
import type { BudgetLine } from './budget.type.js';
import type { DisbursementEntity } from './disbursement.entity.js';
import type { Disbursement } from './financing.type.js';

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
    costedEstimate: row.costedEstimate,
    genderMarker: row.genderMarker,
    status: row.status,
    isDemo: row.isDemo,
  };
}

export function toDisbursement(row: DisbursementEntity, countryCode: string): Disbursement {
  return {
    countryCode,
    id: row.id,
    budgetLineId: row.budgetLineId,
    disbursedOn: row.disbursedOn,
    amount: row.amount,
    recipientType: row.recipientType,
    recipientName: row.recipientName,
    isDemo: row.isDemo,
  };
}
