import { isUuid } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import type { Measurement } from './measurement.type.js';

/** Only published measurements resolve: `_entities` is not a back door to drafts. */
export async function resolveMeasurementReference(reference: Record<string, unknown>, context: NapContext): Promise<Measurement | null> {
  assertServes(context.countryCode, reference.countryCode);
  return isUuid(reference.id) ? context.loaders.publishedMeasurementById.load(reference.id) : null;
}
