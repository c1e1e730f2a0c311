import path from 'node:path';

/** The repository root (codegen/dist/.. /..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const SUPERGRAPH_PATH = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
export const API_SCHEMA_PATH = path.join(REPO_ROOT, 'gateway', 'schema.graphql');
export const SDK_DIR = path.join(REPO_ROOT, 'clients', 'sdk');
export const SDK_OPERATIONS_GLOB = 'clients/sdk/src/operations/**/*.graphql';
export const SDK_GENERATED_DIR = path.join(SDK_DIR, 'src', 'generated');
export const DASHBOARD_DIR = path.join(REPO_ROOT, 'clients', 'dashboard');
export const DASHBOARD_OPERATIONS_GLOB = 'clients/dashboard/src/operations/**/*.graphql';
export const DASHBOARD_GENERATED_DIR = path.join(DASHBOARD_DIR, 'src', 'generated');
