import { Role, signDevToken } from '@wps/kit';
import express from 'express';
import type { DevSignInConfig } from './web-ui-config.js';

/** Roles the development sign-in mints tokens for (never the hub's own service role). */
/** A CSO or PARLIAMENT token (subject dev:cso, dev:parliament) may write civic statements only once a network admin registers that subject as a civic author. */
export const DEV_SIGN_IN_ROLES = [Role.REGIONAL_ANALYST, Role.FOCAL_POINT, Role.NETWORK_MEMBER, Role.NETWORK_ADMIN, Role.CSO, Role.PARLIAMENT, Role.HUB_ADMIN] as const;

/** Lifetime of a development token. */
export const DEV_TOKEN_LIFETIME_SECONDS = 3_600;

/**
 * POST /dev/sign-in {"role": "FOCAL_POINT", "country": "KE"}: a token for a
 * chosen role (and country, for a focal point) signed with the local
 * development key, valid for one hour. Only mounted when DEV_SIGN_IN is on,
 * which the configuration refuses under NODE_ENV=production. It takes JSON
 * only, so a cross-site form cannot post to it, and sets no cookie: the
 * dashboard keeps the token in sessionStorage.
 */
export function devSignInRouter(config: DevSignInConfig): express.Router {
  const router = express.Router();
  router.post('/dev/sign-in', express.json({ limit: 1024 }), async (req, res) => {
    res.set('cache-control', 'no-store');
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'Send the role as JSON (content-type: application/json).' });
      return;
    }
    const body = (req.body ?? {}) as { role?: unknown; country?: unknown };
    const role = DEV_SIGN_IN_ROLES.find((candidate) => candidate === body.role);
    if (!role) {
      res.status(400).json({ error: `role must be one of ${DEV_SIGN_IN_ROLES.join(', ')}.` });
      return;
    }
    const country = typeof body.country === 'string' && /^[A-Za-z]{2}$/.test(body.country) ? body.country.toUpperCase() : undefined;
    if (role === Role.FOCAL_POINT && !country) {
      res.status(400).json({ error: 'A focal point needs a country: an ISO 3166-1 alpha-2 code.' });
      return;
    }
    const token = await signDevToken(config.privateKeyFile, {
      subject: `dev:${role.toLowerCase()}${role === Role.FOCAL_POINT ? `:${country}` : ''}`,
      roles: [role],
      ...(role === Role.FOCAL_POINT ? { country } : {}),
      expiresIn: `${DEV_TOKEN_LIFETIME_SECONDS}s`,
      issuer: config.issuer,
      audience: config.audience,
    });
    res.json({ token, expiresAt: new Date(Date.now() + DEV_TOKEN_LIFETIME_SECONDS * 1000).toISOString() });
  });
  return router;
}
