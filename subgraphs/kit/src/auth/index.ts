export { canSeeDraftsOf, forwardsTokenTo, mayWriteFor, requireFocalPointOf, requireRole } from './access.js';
export { decodeTokenClaims, ensureDevKeys, signDevToken, type TokenClaims } from './dev-keys.js';
export { ANONYMOUS, hasRole, type Principal } from './principal.js';
export { Role, ROLES } from './roles.js';
export {
  ACCESS_TOKEN_TYPE,
  createTokenIssuer,
  JWT_TOKEN_TYPE,
  MAX_MEMBER_TOKEN_LIFETIME_S,
  TOKEN_EXCHANGE_GRANT,
  type IssuerClient,
  type TokenIssuer,
  type TokenIssuerOptions,
} from './token-issuer.js';
export {
  authConfigFrom,
  authEnv,
  createTokenVerifier,
  DEFAULT_CLOCK_SKEW_S,
  DEFAULT_MAX_SERVICE_TOKEN_LIFETIME_S,
  DEFAULT_MAX_TOKEN_LIFETIME_S,
  HUB_AUDIENCE,
  countryOfMemberAudience,
  memberAudience,
  type AuthConfig,
  type TokenVerifier,
} from './token-verifier.js';
