import type { ReferenceResolver } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import { cycleSubmissionOf } from './submission.service.js';
import type { MemberCycleSubmission } from './submission.type.js';

/** `_entities` for MemberCycleSubmission: what this member submitted for the framework's year (the submitted version only: public). */
export const resolveMemberCycleSubmissionReference: ReferenceResolver<NapContext> = async (reference, context): Promise<MemberCycleSubmission | null> => {
  assertServes(context.countryCode, reference.countryCode);
  if (typeof reference.frameworkCode !== 'string' || typeof reference.year !== 'number') return null;
  return cycleSubmissionOf(await context.session(), { countryCode: context.countryCode, frameworkCode: reference.frameworkCode, year: reference.year });
};
