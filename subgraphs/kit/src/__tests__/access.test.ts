import { canSeeDraftsOf, forwardsTokenTo, mayWriteFor } from '../auth/access.js';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import { Role } from '../auth/roles.js';

const principal = (roles: Role[], country: string | null = null): Principal => ({ subject: 'someone', roles, country, orgs: [], anonymous: false });

describe('the access rules, each under its own name', () => {
  const kenyanFocalPoint = principal([Role.FOCAL_POINT], 'KE');
  const others: [string, Principal][] = [
    ['the public', ANONYMOUS],
    ["another country's focal point", principal([Role.FOCAL_POINT], 'NG')],
    ['a regional analyst', principal([Role.REGIONAL_ANALYST], null)],
    ['the hub admin', principal([Role.HUB_ADMIN], null)],
    ['a hub service', principal([Role.HUB_SERVICE], null)],
    ['a network member claiming the country', principal([Role.NETWORK_MEMBER], 'KE')],
  ];

  it("gives a country's own focal point its drafts, its writes through the hub, and its token forwarded to that member", () => {
    expect(canSeeDraftsOf(kenyanFocalPoint, 'KE')).toBe(true);
    expect(mayWriteFor(kenyanFocalPoint, 'KE')).toBe(true);
    expect(forwardsTokenTo(kenyanFocalPoint, 'KE')).toBe(true);
  });

  it("gives that focal point none of them for another country", () => {
    expect(canSeeDraftsOf(kenyanFocalPoint, 'NG')).toBe(false);
    expect(mayWriteFor(kenyanFocalPoint, 'NG')).toBe(false);
    expect(forwardsTokenTo(kenyanFocalPoint, 'NG')).toBe(false);
  });

  it.each(others)('gives %s none of them', (_who, someone) => {
    expect(canSeeDraftsOf(someone, 'KE')).toBe(false);
    expect(mayWriteFor(someone, 'KE')).toBe(false);
    expect(forwardsTokenTo(someone, 'KE')).toBe(false);
  });
});
