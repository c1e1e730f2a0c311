export { canSeeDraftsOf, forwardsTokenTo, mayWriteFor, requireFocalPointOf, requireRole } from './access.js';
export { ensureDevKeys, signDevToken, type TokenClaims } from './dev-keys.js';
export { ANONYMOUS, hasRole, type Principal } from './principal.js';
export { Role, ROLES } from './roles.js';
export { authConfigFrom, authEnv, createTokenVerifier, type AuthConfig, type TokenVerifier } from './token-verifier.js';
