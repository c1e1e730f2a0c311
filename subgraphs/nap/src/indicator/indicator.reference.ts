import { isUuid } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import type { Indicator } from './indicator.type.js';

export async function resolveIndicatorReference(reference: Record<string, unknown>, context: NapContext): Promise<Indicator | null> {
  assertServes(context.countryCode, reference.countryCode);
  return isUuid(reference.id) ? context.loaders.indicatorById.load(reference.id) : null;
}
