import { shareOf } from '@wps/kit';
import { GenderMarker, RecipientType } from '../common/enums.js';
import type { NationalActionPlan } from '../plan/plan.type.js';
import type { BudgetLine } from './budget.type.js';
import type { CurrencyFinancing, Disbursement, PlanFinancing, RecipientTypeAmount } from './financing.type.js';

/** Recipients that are civil society: what `shareToCivilSociety` counts. */
export const CIVIL_SOCIETY: readonly RecipientType[] = [RecipientType.CSO, RecipientType.WOMENS_RIGHTS_ORGANISATION, RecipientType.GRASSROOTS];

const round2 = (value: number) => Math.round(value * 100) / 100;
const sum = (values: readonly number[]) => round2(values.reduce((total, value) => total + value, 0));

/**
 * One currency's financing from its lines and their disbursements. A line's
 * `disbursed` is its total; the rows attribute it to recipients, and what
 * no row attributes counts as UNKNOWN, so shares are over all that was
 * disbursed, never over the attributed part only.
 */
export function currencyFinancing(currency: string, lines: readonly BudgetLine[], disbursements: readonly Disbursement[], planEstimate: number | null): CurrencyFinancing {
  const lineIds = new Set(lines.map((line) => line.id));
  const rows = disbursements.filter((row) => lineIds.has(row.budgetLineId));
  const allocated = sum(lines.map((line) => line.allocated));
  const disbursed = sum(lines.map((line) => line.disbursed));
  const amounts = new Map<RecipientType, number>();
  for (const row of rows) amounts.set(row.recipientType, (amounts.get(row.recipientType) ?? 0) + row.amount);
  const unattributed = round2(disbursed - sum(rows.map((row) => row.amount)));
  if (unattributed > 0) amounts.set(RecipientType.UNKNOWN, (amounts.get(RecipientType.UNKNOWN) ?? 0) + unattributed);
  const byRecipientType: RecipientTypeAmount[] = Object.values(RecipientType)
    .filter((type) => amounts.has(type))
    .map((recipientType) => ({ recipientType, amount: round2(amounts.get(recipientType)!), share: shareOf(amounts.get(recipientType)!, disbursed) }));
  const lineEstimates = lines.filter((line) => line.costedEstimate !== null).map((line) => line.costedEstimate!);
  const costedEstimate = planEstimate ?? (lineEstimates.length > 0 ? sum(lineEstimates) : null);
  const allocatedBy = (marker: GenderMarker) => sum(lines.filter((line) => line.genderMarker === marker).map((line) => line.allocated));
  return {
    currency,
    costedEstimate,
    allocated,
    disbursed,
    spent: sum(lines.map((line) => line.spent)),
    fundingGap: costedEstimate === null ? null : round2(costedEstimate - allocated),
    shareToCivilSociety: shareOf(sum(CIVIL_SOCIETY.map((type) => amounts.get(type) ?? 0)), disbursed),
    shareToGrassroots: shareOf(amounts.get(RecipientType.GRASSROOTS) ?? 0, disbursed),
    byRecipientType,
    byGenderMarker: Object.values(GenderMarker)
      .filter((marker) => lines.some((line) => line.genderMarker === marker))
      .map((genderMarker) => ({ genderMarker, allocated: allocatedBy(genderMarker), share: shareOf(allocatedBy(genderMarker), allocated) })),
  };
}

/**
 * A plan's financing: per currency (never adding two), and headline figures
 * in one currency (the plan estimate's, or the lines' only one). Demo when
 * any input is: the estimate (in the plan's demoFields), a line or a row.
 */
export function summariseFinancing(plan: Pick<NationalActionPlan, 'costedEstimate' | 'demoFields'>, lines: readonly BudgetLine[], disbursements: readonly Disbursement[]): PlanFinancing {
  const estimate = plan.costedEstimate;
  const currencies = [...new Set([...lines.map((line) => line.currency), ...(estimate ? [estimate.currency] : [])])].sort();
  const byCurrency = currencies.map((currency) =>
    currencyFinancing(
      currency,
      lines.filter((line) => line.currency === currency),
      disbursements,
      estimate?.currency === currency ? estimate.amount : null,
    ),
  );
  const currency = estimate?.currency ?? (currencies.length === 1 ? currencies[0]! : null);
  const headline = byCurrency.find((entry) => entry.currency === currency) ?? null;
  const lineIds = new Set(lines.map((line) => line.id));
  const demoInputs = [
    ...(estimate && plan.demoFields.includes('costedEstimate') ? ['costedEstimate'] : []),
    ...(lines.some((line) => line.isDemo) ? ['budgetLines'] : []),
    ...(disbursements.some((row) => lineIds.has(row.budgetLineId) && row.isDemo) ? ['disbursements'] : []),
  ];
  return {
    currency,
    costedEstimate: headline?.costedEstimate ?? null,
    costedEstimateSource: estimate?.source ?? null,
    allocated: headline?.allocated ?? null,
    disbursed: headline?.disbursed ?? null,
    spent: headline?.spent ?? null,
    fundingGap: headline?.fundingGap ?? null,
    shareToCivilSociety: headline?.shareToCivilSociety ?? null,
    shareToGrassroots: headline?.shareToGrassroots ?? null,
    byRecipientType: headline?.byRecipientType ?? [],
    otherCurrencies: currencies.filter((other) => other !== currency),
    byCurrency,
    isDemo: demoInputs.length > 0,
    demoInputs,
  };
}
