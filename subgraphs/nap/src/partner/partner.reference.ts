import { entityReference } from '../member/entity-reference.js';

/** `_entities` for ImplementingPartner: by `countryCode id`, through the request's loader. */
export const resolvePartnerReference = entityReference((context, id) => context.loaders.partnerById.load(id));
