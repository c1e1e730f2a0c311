import type { ActivityEntity } from './logframe/activity.entity.js';
import type { BudgetLineEntity } from './budget/budget-line.entity.js';
import type { BudgetLine } from './budget/budget.type.js';
import { Pillar } from './common/enums.js';
import type { IndicatorEntity } from './indicator/indicator.entity.js';
import type { Indicator } from './indicator/indicator.type.js';
import type { Activity, Outcome, Output } from './logframe/logframe.type.js';
import type { OutcomeEntity } from './logframe/outcome.entity.js';
import type { OutputEntity } from './logframe/output.entity.js';
import type { MeasurementEntity } from './measurement/measurement.entity.js';
import type { Measurement } from './measurement/measurement.type.js';
import type { ImplementingPartnerEntity } from './partner/partner.entity.js';
import type { ImplementingPartner } from './partner/partner.type.js';
import type { PlanDocumentEntity } from './plan/plan-document.entity.js';
import type { NationalActionPlanEntity } from './plan/plan.entity.js';
import type { NationalActionPlan, PlanDocument } from './plan/plan.type.js';
import type { ReportRecommendationEntity } from './report/recommendation.entity.js';
import type { ProgressReportEntity } from './report/report.entity.js';
import type { ProgressReport, Recommendation } from './report/report.type.js';

/** Database rows to contract types: the only place the two shapes meet. */
export function toPlan(row: NationalActionPlanEntity, countryCode: string): NationalActionPlan {
  return {
    countryCode,
    id: row.id,
    iteration: row.iteration,
    title: row.title,
    period: { start: row.periodStart, end: row.periodEnd },
    status: row.status,
    adoptedOn: row.adoptedOn,
    sources: { references: row.sourceReferences, note: row.sourceNote, conflict: row.sourceConflict, verified: row.verified },
    demoFields: row.demoFields,
    adoptionInstrument: row.adoptionInstrument,
    leadAgency: row.leadAgency,
    focus: row.focus,
    pillars: row.pillars,
    nationalPillars: row.nationalPillars,
    coordinationMechanism: row.coordinationMechanism,
    civilSocietyInCoordinationBody: row.csosInCoordinationBody,
    civilSocietyRoles: row.civilSocietyRoles,
    baselineStudy: row.baselineStudy,
    costed: row.costed,
    earmarked: row.earmarked,
  };
}

export function toPlanDocument(row: PlanDocumentEntity): PlanDocument {
  return { planId: row.planId, title: row.title, url: row.url, kind: row.kind, language: row.language };
}

export function toPartner(row: ImplementingPartnerEntity, countryCode: string): ImplementingPartner {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    name: row.name,
    kind: row.kind,
    representativeRole: row.representativeRole,
    hasImplementationPlan: row.hasImplementationPlan,
    inCoordinationBody: row.inCoordinationBody,
    isDemo: row.isDemo,
  };
}

const PILLARS = new Set<string>(Object.values(Pillar));

export function toOutcome(row: OutcomeEntity, countryCode: string): Outcome {
  const standard = PILLARS.has(row.pillar);
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    code: row.code,
    pillar: standard ? (row.pillar as Pillar) : null,
    nationalPillar: standard ? null : row.pillar,
    statement: row.statement,
    isDemo: row.isDemo,
  };
}

export function toOutput(row: OutputEntity, countryCode: string): Output {
  return { countryCode, id: row.id, outcomeId: row.outcomeId, code: row.code, statement: row.statement, isDemo: row.isDemo };
}

export function toActivity(row: ActivityEntity, countryCode: string): Activity {
  return {
    countryCode,
    id: row.id,
    outputId: row.outputId,
    responsiblePartnerId: row.responsiblePartnerId,
    code: row.code,
    title: row.title,
    timeline: { startsOn: row.startsOn, endsOn: row.endsOn },
    status: row.status,
    isDemo: row.isDemo,
  };
}

export function toIndicator(row: IndicatorEntity, countryCode: string): Indicator {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    outcomeId: row.outcomeId,
    outputId: row.outputId,
    responsiblePartnerId: row.responsiblePartnerId,
    code: row.code,
    title: row.title,
    unit: row.unit,
    baseline: row.baselineValue === null ? null : { value: row.baselineValue, year: row.baselineYear },
    target: row.targetValue === null ? null : { value: row.targetValue, year: row.targetYear },
    isDemo: row.isDemo,
    level: row.level,
    kind: row.kind,
    disaggregation: row.disaggregation,
    dataSource: row.dataSource,
    frequency: row.frequency,
  };
}

export function toMeasurement(row: MeasurementEntity, countryCode: string): Measurement {
  return {
    countryCode,
    id: row.id,
    indicatorId: row.indicatorId,
    supersedesId: row.supersedesId,
    period: row.period,
    value: row.value,
    status: row.status,
    isDemo: row.isDemo,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
    version: row.version,
    disaggregatedValues: row.disaggregatedValues,
    narrative: row.narrative,
    source: row.source,
    reportedStatus: row.reportedStatus,
    publishedAt: row.publishedAt,
  };
}

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

export function toReport(row: ProgressReportEntity, countryCode: string): ProgressReport {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    kind: row.kind,
    title: row.title,
    period: { start: row.periodStart, end: row.periodEnd },
    status: row.status,
    findings: row.findings,
    publishedAt: row.publishedAt,
    isDemo: row.isDemo,
  };
}

export function toRecommendation(row: ReportRecommendationEntity): Recommendation {
  return {
    id: row.id,
    reportId: row.reportId,
    text: row.text,
    decision: row.decision === null ? null : { text: row.decision, decidedOn: row.decidedOn, decidedBy: row.decidedBy },
  };
}
