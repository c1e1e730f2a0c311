import { entityReference } from '../member/entity-reference.js';

/** `_entities` for Measurement: by `countryCode id`, through the request's loader (published ones only for the public). */
export const resolveMeasurementReference = entityReference((context, id) => context.loaders.measurementById.load(id));
