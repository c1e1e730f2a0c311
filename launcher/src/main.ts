import path from 'node:path';
import { ConfigError, errorMessage } from '@wps/kit';
import { loadLauncherConfig } from './config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { portInUse } from './free-port.js';
import { ensureNetworkKeys } from './keys.js';
import { logDirOf, startNetwork, type RunningNetwork } from './network.js';
import { SAMPLE_QUERY, sampleCurl } from './sample-query.js';
import type { ServiceProcess } from './service-process.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm start`: the whole hub on one machine. Postgres is the embedded one
 * (data under .data/) unless DATABASE_URL or PG* name a real server; every
 * member state runs as its own process on its own database. Ctrl-C stops
 * everything in order: gateway, subgraphs, then Postgres.
 */
async function main(): Promise<void> {
  const config = loadLauncherConfig(process.env);
  const logDir = logDirOf(config.dataDir);
  if (await portInUse(config.gatewayPort)) {
    throw new ConfigError('GATEWAY_PORT', `port ${config.gatewayPort} is already in use`, 'Stop what uses it or set GATEWAY_PORT to another port');
  }

  let postgres: ServiceProcess | undefined;
  let network: RunningNetwork | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping the hub…`);
    await network?.stop();
    await postgres?.stop();
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const started = Date.now();
  let adminUrl = config.serverUrl;
  if (adminUrl) {
    say(`Using the Postgres server of DATABASE_URL/PG* (databases ${config.dbPrefix}_*).`);
  } else {
    say(`Starting embedded Postgres (data in ${config.dataDir}/postgres)…`);
    postgres = await startEmbeddedPostgres(config.dataDir, logDir);
    adminUrl = postgres.url;
  }
  if (stopping) return;
  say(`Starting the token issuer, ${config.members.length} member states (${config.members.join(', ')}), regional, knowledge and the gateway…`);
  try {
    network = await startNetwork({
      adminDatabaseUrl: adminUrl,
      members: config.members,
      dbPrefix: config.dbPrefix,
      logDir,
      keys: await ensureNetworkKeys(path.join(config.dataDir, 'keys')),
      gatewayPort: config.gatewayPort,
      logLevel: config.logLevel,
      devSignIn: true,
    });
  } catch (error) {
    await postgres?.stop();
    throw error;
  }

  say('');
  say(`WPS Federation Hub is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`  Dashboard:        ${network.gatewayUrl.replace(/\/graphql$/, '/')}`);
  say(`  GraphQL endpoint: ${network.gatewayUrl} (GraphiQL in a browser)`);
  say(`  Token issuer:     ${network.issuer.url} (token exchange for member tokens, the gateway's service credential)`);
  for (const [code, member] of network.members) say(`  member ${code}: pid ${member.pid}`);
  say(`  logs: ${logDir}`);
  say('');
  say('Try a cross-country query:');
  say(SAMPLE_QUERY);
  say('');
  say(sampleCurl(network.gatewayUrl));
  say('');
  say('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
