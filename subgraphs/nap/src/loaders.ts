import type { EntityManager } from 'typeorm';
import { createBudgetLoaders } from './budget/budget.loaders.js';
import { createCivicResponseLoaders } from './civic-response/civic-response.loaders.js';
import { createLoaderSource, type LoaderSource, type Visibility } from './common/loader-source.js';
import { createFollowUpLoaders } from './follow-up/follow-up.loaders.js';
import { createIndicatorLoaders } from './indicator/indicator.loaders.js';
import { createLocalPlanLoaders } from './local-plan/local-plan.loaders.js';
import { createLogframeLoaders } from './logframe/logframe.loaders.js';
import { createMeasurementLoaders } from './measurement/measurement.loaders.js';
import { createPartnerLoaders } from './partner/partner.loaders.js';
import { createPlanLoaders } from './plan/plan.loaders.js';
import { createReportLoaders } from './report/report.loaders.js';

/**
 * Every read of member data goes through these, created per request (each
 * concept's own, combined): each is one statement per batch, so the number
 * of statements a request costs does not grow with the number of plans,
 * indicators or measurements.
 */
export function createLoaders(
  session: () => Promise<EntityManager>,
  countryCode: string,
  visibility: Visibility = { drafts: false },
  fieldsAsked?: LoaderSource['fieldsAsked'],
) {
  const source = createLoaderSource(session, countryCode, visibility, fieldsAsked);
  return {
    ...createPlanLoaders(source),
    ...createPartnerLoaders(source),
    ...createLogframeLoaders(source),
    ...createIndicatorLoaders(source),
    ...createMeasurementLoaders(source),
    ...createBudgetLoaders(source),
    ...createReportLoaders(source),
    ...createCivicResponseLoaders(source),
    ...createFollowUpLoaders(source),
    ...createLocalPlanLoaders(source),
  };
}

export type NapLoaders = ReturnType<typeof createLoaders>;
