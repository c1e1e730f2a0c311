import type { NationalActionPlan } from './plan.type.js';

/** The gateway sends the key and the assessment knowledge @requires; the representation is the plan. */
export async function resolvePlanReference(reference: Record<string, unknown>): Promise<NationalActionPlan | null> {
  if (typeof reference.countryCode !== 'string' || typeof reference.id !== 'string') return null;
  return reference as unknown as NationalActionPlan;
}
