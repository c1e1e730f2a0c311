import { createGroupLoader } from '@wps/kit';
import type { LoaderSource } from '../common/loader-source.js';
import { selectPlainRows } from '../common/plain-rows.js';
import { PlanDocumentEntity } from './plan-document.entity.js';
import { NationalActionPlanEntity } from './plan.entity.js';
import { toPlan, toPlanDocument } from './plan.mapper.js';
import type { NationalActionPlan } from './plan.type.js';

/** The member's plans and their documents, per request. */
export function createPlanLoaders(source: LoaderSource) {
  const { countryCode } = source;
  return {
    /** All plans of the member, first to latest (keyed by the member's country code). */
    plansByCountry: createGroupLoader<string, NationalActionPlan>(
      async () => (await selectPlainRows(await source.session(), NationalActionPlanEntity, { order: { iteration: 'ASC' } })).map((row) => toPlan(row, countryCode)),
      () => countryCode,
    ),
    planById: source.byId(NationalActionPlanEntity, toPlan),
    documentsByPlanId: source.byParent(PlanDocumentEntity, 'planId', toPlanDocument, { position: 'ASC' }),
  };
}

export type PlanLoaders = ReturnType<typeof createPlanLoaders>;
