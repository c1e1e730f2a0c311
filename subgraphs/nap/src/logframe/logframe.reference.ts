import { entityReference } from '../member/entity-reference.js';

/** `_entities` for Outcome, Output and Activity: by `countryCode id`, through the request's loaders. */
export const resolveOutcomeReference = entityReference((context, id) => context.loaders.outcomeById.load(id));
export const resolveOutputReference = entityReference((context, id) => context.loaders.outputById.load(id));
export const resolveActivityReference = entityReference((context, id) => context.loaders.activityById.load(id));
