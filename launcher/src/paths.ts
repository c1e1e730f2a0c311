import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Entry points of the services, as built by `npm run build`. */
export const SERVICE_SCRIPTS = {
  nap: path.join(REPO_ROOT, 'subgraphs', 'nap', 'dist', 'index.js'),
  regional: path.join(REPO_ROOT, 'subgraphs', 'regional', 'dist', 'index.js'),
  knowledge: path.join(REPO_ROOT, 'subgraphs', 'knowledge', 'dist', 'index.js'),
  gateway: path.join(REPO_ROOT, 'gateway', 'dist', 'index.js'),
  embeddedPostgres: path.join(REPO_ROOT, 'launcher', 'dist', 'embedded-postgres-process.js'),
} as const;

/** Where `npm start` keeps its embedded cluster and logs (git-ignored). */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data');
