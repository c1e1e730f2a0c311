import { shareOf } from '@wps/kit';
import type { ImplementingPartner } from '../partner/partner.type.js';
import type { BudgetLine, BudgetTotal, PlanBudget } from './budget.type.js';

/** Sums per currency (never adding different currencies), with disbursement and execution rates. */
export function totalsByCurrency(lines: readonly BudgetLine[]): BudgetTotal[] {
  const sums = new Map<string, { allocated: number; disbursed: number; spent: number }>();
  for (const line of lines) {
    const sum = sums.get(line.currency) ?? { allocated: 0, disbursed: 0, spent: 0 };
    sum.allocated += line.allocated;
    sum.disbursed += line.disbursed;
    sum.spent += line.spent;
    sums.set(line.currency, sum);
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({
      currency,
      allocated: round2(sum.allocated),
      disbursed: round2(sum.disbursed),
      spent: round2(sum.spent),
      disbursementRate: shareOf(sum.disbursed, sum.allocated),
      executionRate: shareOf(sum.spent, sum.allocated),
    }));
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A plan's budget from the budget lines the request may see. */
export function summariseBudget(
  plan: { costed: boolean | null; earmarked: boolean | null },
  lines: readonly BudgetLine[],
  partners: readonly ImplementingPartner[],
): PlanBudget {
  const byPartner = new Map<string | null, BudgetLine[]>();
  const byYear = new Map<number, BudgetLine[]>();
  for (const line of lines) {
    byPartner.set(line.partnerId, [...(byPartner.get(line.partnerId) ?? []), line]);
    byYear.set(line.fiscalYear, [...(byYear.get(line.fiscalYear) ?? []), line]);
  }
  const partnerById = new Map(partners.map((partner) => [partner.id, partner]));
  return {
    costed: plan.costed,
    earmarked: plan.earmarked,
    totals: totalsByCurrency(lines),
    byPartner: [...byPartner]
      .map(([partnerId, partnerLines]) => ({ partner: partnerId ? (partnerById.get(partnerId) ?? null) : null, totals: totalsByCurrency(partnerLines) }))
      .sort((a, b) => (a.partner?.name ?? '~').localeCompare(b.partner?.name ?? '~')),
    byFiscalYear: [...byYear].sort(([a], [b]) => a - b).map(([fiscalYear, yearLines]) => ({ fiscalYear, totals: totalsByCurrency(yearLines) })),
    isDemo: lines.some((line) => line.isDemo),
  };
}
