/** Roles a token can carry (ARCHITECTURE.md section 5). No token: the public. */
export const Role = {
  /** Staff of a regional organisation: cross-country views of published data. */
  REGIONAL_ANALYST: 'REGIONAL_ANALYST',
  /** A member state's NAP focal point: writes, and sees drafts of, their own country (claim `country`). */
  FOCAL_POINT: 'FOCAL_POINT',
  /** A member of the Focal Points Network: proposes practices, registers for sessions, posts, sees the directory. */
  NETWORK_MEMBER: 'NETWORK_MEMBER',
  /** Moderates knowledge exchange. */
  NETWORK_ADMIN: 'NETWORK_ADMIN',
  /** A registered civil-society organisation: publishes shadow reports and comments on plans, reports and submissions (stored at the hub, not with the member). */
  CSO: 'CSO',
  /** A parliament or parliamentary committee: publishes oversight reports and comments, as a CSO does. */
  PARLIAMENT: 'PARLIAMENT',
  /** Manages the member registry. */
  HUB_ADMIN: 'HUB_ADMIN',
  /** The hub's own services (the gateway reading the registry). */
  HUB_SERVICE: 'HUB_SERVICE',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = Object.values(Role);
