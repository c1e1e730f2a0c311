import type { ReferenceResolver } from '@wps/kit';

/** The gateway sends the plan's key and the facts regional @requires (iteration, period, adoptedOn): the representation is the plan. */
export const resolvePlanReference: ReferenceResolver = async (reference) => reference;
