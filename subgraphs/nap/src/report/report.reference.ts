import { entityReference } from '../member/entity-reference.js';

/** `_entities` for ProgressReport: by `countryCode id`, through the request's loader (published ones only for the public). */
export const resolveReportReference = entityReference((context, id) => context.loaders.reportById.load(id));
