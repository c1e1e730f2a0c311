import { ErrorCode, HubError } from '@wps/kit';

/**
 * A member serves only its own country: any representation or root field for
 * another country is refused (the hub never routes one here; a caller that
 * does is misrouted or probing).
 */
export function assertServes(ownCountryCode: string, requested: unknown): void {
  if (requested !== ownCountryCode) {
    throw new HubError(ErrorCode.COUNTRY_NOT_SERVED, `This member serves ${ownCountryCode} only; it cannot answer for ${String(requested)}.`, {
      country: typeof requested === 'string' ? requested : null,
    });
  }
}
