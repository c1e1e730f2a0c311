export { databaseUrl, dropDatabases, ensureDatabases, networkDatabaseNames } from './databases.js';
export { DEMO_MEMBERS } from '@wps/data';
export { startEmbeddedPostgres } from './embedded-postgres.js';
export { freePort } from './free-port.js';
export { ensureNetworkKeys, type NetworkKeys } from './keys.js';
export { logDirOf, startNetwork, type NetworkOptions, type RunningNetwork } from './network.js';
export { REPO_ROOT, SERVICE_SCRIPTS } from './paths.js';
export { SAMPLE_QUERY } from './sample-query.js';
export { spawnService, type ServiceProcess } from './service-process.js';
