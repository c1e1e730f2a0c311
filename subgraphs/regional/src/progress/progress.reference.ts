import type { ReferenceResolver } from '@wps/kit';

/**
 * FrameworkIndicatorProgress, PillarProgress, CountryIndicatorProgress,
 * FrameworkCoverage, MemberCoverage and MemberAlignments carry only their
 * keys (and, under @requires, what the members returned): the
 * representation is the object.
 */
export const resolveAsRepresented: ReferenceResolver = async (reference) => reference;
