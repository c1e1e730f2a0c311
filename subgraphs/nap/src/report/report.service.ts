import { randomUUID } from 'node:crypto';
import { badInput, idOf, isoDate, notFound, optionalText, requiredText, textList } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { PublicationStatus } from '../common/enums.js';
import { calendarYear } from '../common/years.js';
import { assertSecondPair } from '../member/four-eyes.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertInsidePlan } from '../plan/plan-period.js';
import { lockPlan } from '../plan/plan.service.js';
import { ReportRecommendationEntity } from './recommendation.entity.js';
import { ProgressReportEntity } from './report.entity.js';
import type { CreateProgressReportInput, DecisionInput } from './report.inputs.js';
import { toRecommendation, toReport } from './report.mapper.js';
import type { ProgressReport, Recommendation } from './report.type.js';

/** Record a progress report as a DRAFT, with its recommendations (and any decisions taken on them). */
export async function createProgressReport(scope: WriteScope, planId: string, input: CreateProgressReportInput): Promise<ProgressReport> {
  const title = requiredText(input.title, 'input.title');
  const periodStart = calendarYear(input.periodStart, 'input.periodStart');
  const periodEnd = calendarYear(input.periodEnd, 'input.periodEnd');
  if (periodEnd < periodStart) throw badInput('input.periodEnd', `input.periodEnd (${periodEnd}) is before input.periodStart (${periodStart}).`);
  const findings = textList(input.findings ?? [], 'input.findings');
  const recommendations = (input.recommendations ?? []).map((recommendation, index) => ({
    text: requiredText(recommendation.text, `input.recommendations[${index}].text`),
    ...decisionOf(recommendation.decision ?? null, `input.recommendations[${index}].decision`),
    position: index,
  }));
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    assertInsidePlan(plan, periodStart, periodStart, 'input.periodStart', `The report's first year ${periodStart}`);
    assertInsidePlan(plan, periodEnd, periodEnd, 'input.periodEnd', `The report's last year ${periodEnd}`);
    const id = randomUUID();
    await manager.insert(ProgressReportEntity, { id, planId: plan.id, kind: input.kind, title, periodStart, periodEnd, status: PublicationStatus.DRAFT, findings, isDemo: false, draftedBy: scope.actor });
    if (recommendations.length > 0) {
      await manager.insert(ReportRecommendationEntity, recommendations.map((recommendation) => ({ id: randomUUID(), reportId: id, ...recommendation })));
    }
    return toReport(await manager.findOneByOrFail(ProgressReportEntity, { id }), scope.countryCode);
  });
}

/** Record (or replace) the decision taken on a recommendation: reporting tied to decision-making, also after the report is published. */
export async function recordDecision(scope: WriteScope, recommendationId: string, input: DecisionInput): Promise<Recommendation> {
  const decision = decisionOf(input, 'input');
  return inTransaction(scope, async (manager) => {
    const recommendation = await manager.findOne(ReportRecommendationEntity, {
      where: { id: idOf(recommendationId, 'recommendationId', 'recommendation of this member') },
      lock: { mode: 'pessimistic_write' },
    });
    if (!recommendation) throw notFound('recommendationId', 'recommendation of this member');
    await manager.update(ReportRecommendationEntity, { id: recommendation.id }, decision);
    return toRecommendation(await manager.findOneByOrFail(ReportRecommendationEntity, { id: recommendation.id }));
  });
}

/** Publish a DRAFT report: only a complete one (a title and at least one finding). */
export async function publishProgressReport(scope: WriteScope, id: string): Promise<ProgressReport> {
  return inTransaction(scope, async (manager) => {
    const report = await lockReport(manager, id);
    if (report.status !== PublicationStatus.DRAFT) throw badInput('id', `The report "${report.title}" is already published.`);
    await assertSecondPair(manager, report.draftedBy, scope.actor, 'a report');
    const missing = [...(report.title.trim() ? [] : ['title']), ...(report.findings.length > 0 ? [] : ['findings'])];
    if (missing.length > 0) throw badInput('id', `The report "${report.title}" is not complete: it needs ${missing.includes('title') ? 'a title and ' : ''}at least one finding.`, { missing });
    await manager.update(ProgressReportEntity, { id: report.id }, { status: PublicationStatus.PUBLISHED, publishedAt: () => 'now()', publishedBy: scope.actor });
    return toReport(await manager.findOneByOrFail(ProgressReportEntity, { id: report.id }), scope.countryCode);
  });
}

async function lockReport(manager: EntityManager, id: string): Promise<ProgressReportEntity> {
  const report = await manager.findOne(ProgressReportEntity, { where: { id: idOf(id, 'id', 'progress report of this member') }, lock: { mode: 'pessimistic_write' } });
  if (!report) throw notFound('id', 'progress report of this member');
  return report;
}

function decisionOf(input: DecisionInput | null, field: string): Pick<ReportRecommendationEntity, 'decision' | 'decidedOn' | 'decidedBy'> {
  if (input === null) return { decision: null, decidedOn: null, decidedBy: null };
  const decidedOn = optionalText(input.decidedOn, `${field}.decidedOn`);
  return {
    decision: requiredText(input.text, `${field}.text`),
    decidedOn: decidedOn ? isoDate(decidedOn, `${field}.decidedOn`).date : null,
    decidedBy: optionalText(input.decidedBy, `${field}.decidedBy`),
  };
}
