import { entityReference } from '../member/entity-reference.js';

/** `_entities` for Indicator: by `countryCode id`, through the request's loader. */
export const resolveIndicatorReference = entityReference((context, id) => context.loaders.indicatorById.load(id));
