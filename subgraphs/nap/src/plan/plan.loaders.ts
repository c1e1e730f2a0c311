import { createGroupLoader, createRowLoader } from '@wps/kit';
import type { LoaderSource } from '../common/loader-source.js';
import { PlanDocumentEntity } from './plan-document.entity.js';
import { NationalActionPlanEntity } from './plan.entity.js';
import { toPlan, toPlanDocument } from './plan.mapper.js';
import type { NationalActionPlan, PlanDocument } from './plan.type.js';

/** The member's plans and their documents, per request. */
export function createPlanLoaders(source: LoaderSource) {
  const { countryCode } = source;
  return {
    /** All plans of the member, first to latest (keyed by the member's country code). */
    plansByCountry: createGroupLoader<string, NationalActionPlan>(
      async () => (await (await source.repository(NationalActionPlanEntity)).find({ order: { iteration: 'ASC' } })).map((row) => toPlan(row, countryCode)),
      () => countryCode,
    ),
    planById: createRowLoader<string, NationalActionPlan>(
      async (ids) => (await source.rowsWhere(NationalActionPlanEntity, 'id', ids)).map((row) => toPlan(row, countryCode)),
      (plan) => plan.id,
    ),
    documentsByPlanId: createGroupLoader<string, PlanDocument>(
      async (ids) => (await source.rowsWhere(PlanDocumentEntity, 'planId', ids, {}, { position: 'ASC' })).map(toPlanDocument),
      (document) => document.planId,
    ),
  };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;
