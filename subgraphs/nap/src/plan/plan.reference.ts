import { isUuid } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import type { NationalActionPlan } from './plan.type.js';

export async function resolvePlanReference(reference: Record<string, unknown>, context: NapContext): Promise<NationalActionPlan | null> {
  assertServes(context.countryCode, reference.countryCode);
  return isUuid(reference.id) ? context.loaders.planById.load(reference.id) : null;
}
