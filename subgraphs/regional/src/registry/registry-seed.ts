import { ConfigError, isCountryCode } from '@wps/kit';
import type { MemberRegistration } from './registry.service.js';

/** Parse REGISTRY_SEED: "KE=http://nap-ke:4000/graphql,NG=http://nap-ng:4000/graphql". */
export function parseRegistrySeed(entries: string[]): MemberRegistration[] {
  return entries.map((entry) => {
    const separator = entry.indexOf('=');
    const countryCode = entry.slice(0, separator).trim().toUpperCase();
    const endpoint = entry.slice(separator + 1).trim();
    if (separator < 1 || !isCountryCode(countryCode) || !/^https?:\/\/\S+$/.test(endpoint)) {
      throw new ConfigError('REGISTRY_SEED', `entry "${entry}" is not CODE=URL`, 'Write entries like KE=http://nap-ke:4000/graphql, separated by commas');
    }
    return { countryCode, endpoint };
  });
}
