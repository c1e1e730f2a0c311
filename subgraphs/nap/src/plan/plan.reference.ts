import { entityReference } from '../member/entity-reference.js';

/** `_entities` for NationalActionPlan: by `countryCode id`, through the request's loader. */
export const resolvePlanReference = entityReference((context, id) => context.loaders.planById.load(id));
