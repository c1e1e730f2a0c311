import type { PlanDocumentEntity } from './plan-document.entity.js';
import type { NationalActionPlanEntity } from './plan.entity.js';
import type { NationalActionPlan, PlanDocument } from './plan.type.js';

/** A plan row as the contract shows it. */
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
    reportingCadence:
      row.reportingCadence === null
        ? null
        : { cadence: row.reportingCadence, note: row.reportingCadenceNote, sources: row.reportingCadenceSources, isDemo: row.demoFields.includes('reportingCadence') },
    costed: row.costed,
    earmarked: row.earmarked,
    costedEstimate: row.costedEstimate === null || row.costedEstimateCurrency === null ? null : { amount: row.costedEstimate, currency: row.costedEstimateCurrency, source: row.costedEstimateSource },
  };
}

export function toPlanDocument(row: PlanDocumentEntity): PlanDocument {
  return { planId: row.planId, title: row.title, url: row.url, kind: row.kind, language: row.language };
}
