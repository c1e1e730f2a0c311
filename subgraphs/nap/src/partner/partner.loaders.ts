import type { LoaderSource } from '../common/loader-source.js';
import { ImplementingPartnerEntity } from './partner.entity.js';
import { toPartner } from './partner.mapper.js';

/** The implementing partners of the member's plans, per request. */
export function createPartnerLoaders(source: LoaderSource) {
  return {
    partnersByPlanId: source.byParent(ImplementingPartnerEntity, 'planId', toPartner, { name: 'ASC' }),
    partnerById: source.byId(ImplementingPartnerEntity, toPartner),
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;
