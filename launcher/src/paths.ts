import path from 'node:path';
import { hubService, serviceScript } from '@wps/data';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const scriptOf = (name: string) => path.join(REPO_ROOT, serviceScript(hubService(name)));

/** Entry points of the services (data/workspaces.json), as built by `npm run build`. */
export const SERVICE_SCRIPTS = {
  nap: scriptOf('nap'),
  /** Several members in one process, for simulations (HUB_MEMBERS_PER_PROCESS): the nap workspace's host.ts. */
  napHost: path.join(REPO_ROOT, hubService('nap').dir, 'dist', 'host.js'),
  regional: scriptOf('regional'),
  knowledge: scriptOf('knowledge'),
  gateway: scriptOf('gateway'),
  embeddedPostgres: path.join(REPO_ROOT, 'launcher', 'dist', 'embedded-postgres-process.js'),
  /** The embedded default's identity provider (token endpoint): a stand-in for the real one, not a hub service. */
  issuer: path.join(REPO_ROOT, 'launcher', 'dist', 'issuer-process.js'),
} as const;

/** Where `npm start` keeps its embedded cluster and logs (git-ignored). */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data');
