import { memberScoped } from '../member/entity-reference.js';

/*
 * Questions put to this member, keyed by the member and what is asked of
 * it: the representation (of this member's country) is the object.
 */
export const resolveCountryIndicatorProgressReference = memberScoped(['frameworkCode', 'indicatorCode', 'year']);
export const resolveMemberCoverageReference = memberScoped([]);
export const resolveMemberAlignmentsReference = memberScoped(['frameworkCode']);
