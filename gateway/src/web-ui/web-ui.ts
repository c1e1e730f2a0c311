import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@wps/kit';
import express from 'express';
import { WEB_UI_HEADERS } from './content-security-policy.js';
import { devSignInRouter } from './dev-sign-in.js';
import type { WebUiConfig } from './web-ui-config.js';

/** A browser asking for a page (GraphiQL), not a GraphQL client: text/html before any JSON type. */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  const html = types.indexOf('text/html');
  if (html < 0) return false;
  const json = types.findIndex((type) => type === 'application/json' || type === 'application/graphql-response+json');
  return json < 0 || html < json;
}

/**
 * The web UI on the gateway's express app, all from local files: the
 * dashboard at `/` (and its hashed assets), GraphiQL on a browser GET of
 * `/graphql` (`accept: text/html`; any other GET of /graphql goes on to
 * Apollo, whose CSRF prevention refuses it), and, when DEV_SIGN_IN is on,
 * POST /dev/sign-in. Mount before the GraphQL endpoint.
 */
export function mountWebUi(app: express.Express, config: WebUiConfig, logger: Logger): void {
  const dir = config.dashboardDir;
  const built = existsSync(path.join(dir, 'index.html')) && existsSync(path.join(dir, 'graphiql.html'));
  if (!built) logger.warn(`dashboard not built in ${dir}: / and GraphiQL answer 503 until npm run build`);
  const secure: express.RequestHandler = (_req, res, next) => {
    res.set(WEB_UI_HEADERS);
    next();
  };
  const page = (file: string): express.RequestHandler => (_req, res) => {
    res.set('cache-control', 'no-cache');
    if (!built) {
      res.status(503).type('text/plain').send('The dashboard is not built: run npm run build.');
      return;
    }
    res.sendFile(path.join(dir, file));
  };

  if (config.devSignIn) app.use(devSignInRouter(config.devSignIn));
  app.get('/graphql', (req, res, next) => {
    if (!wantsHtml(req.headers.accept)) {
      next();
      return;
    }
    secure(req, res, () => page('graphiql.html')(req, res, next));
  });
  app.get(['/', '/index.html'], secure, page('index.html'));
  app.get('/dev/sign-in', (_req, res) => {
    res.json({ enabled: Boolean(config.devSignIn) });
  });
  app.use('/assets', secure, express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }), (_req, res) => {
    res.status(404).type('text/plain').send('Not found.');
  });
}
