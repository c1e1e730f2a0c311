import { createGroupLoader, createRowLoader } from '@wps/kit';
import type { LoaderSource } from '../common/loader-source.js';
import { ImplementingPartnerEntity } from './partner.entity.js';
import { toPartner } from './partner.mapper.js';
import type { ImplementingPartner } from './partner.type.js';

/** The implementing partners of the member's plans, per request. */
export function createPartnerLoaders(source: LoaderSource) {
  const { countryCode } = source;
  return {
    partnersByPlanId: createGroupLoader<string, ImplementingPartner>(
      async (ids) => (await source.rowsWhere(ImplementingPartnerEntity, 'planId', ids, {}, { name: 'ASC' })).map((row) => toPartner(row, countryCode)),
      (partner) => partner.planId,
    ),
    partnerById: createRowLoader<string, ImplementingPartner>(
      async (ids) => (await source.rowsWhere(ImplementingPartnerEntity, 'id', ids)).map((row) => toPartner(row, countryCode)),
      (partner) => partner.id,
    ),
  };
}

export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;
