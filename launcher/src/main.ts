import path from 'node:path';
import { napHistoryOf } from '@wps/data';
import { ConfigError, errorMessage } from '@wps/kit';
import { loadLauncherConfig } from './config.js';
import { checkServerConnections, connectionBudget } from './connection-budget.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { portInUse } from './free-port.js';
import { ensureNetworkKeys } from './keys.js';
import { logDirOf, startNetwork, type MemberProgress, type RunningNetwork } from './network.js';
import { SAMPLE_QUERY, sampleCurl } from './sample-query.js';
import type { ServiceProcess } from './service-process.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Past this many members in a process each, `npm start` says how to simulate a region on one machine. */
const MANY_MEMBER_PROCESSES = 25;

/**
 * How long Postgres may take to stop: its shutdown checkpoint writes what the
 * members seeded, which for 55 fresh databases on a busy machine takes longer
 * than a service's 15 s (killing its supervisor then would orphan Postgres).
 */
const POSTGRES_STOP_GRACE_MS = 180_000;

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
    await postgres?.stop(POSTGRES_STOP_GRACE_MS);
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const started = Date.now();
  const budget = connectionBudget(config.members.length, config.memberPool);
  let adminUrl = config.serverUrl;
  if (adminUrl) {
    say(`Using the Postgres server of DATABASE_URL/PG* (databases ${config.dbPrefix}_*).`);
    await checkServerConnections(adminUrl, budget, config.members.length);
  } else {
    say(`Starting embedded Postgres (data in ${config.dataDir}/postgres, max_connections ${budget.maxConnections})…`);
    postgres = await startEmbeddedPostgres(config.dataDir, logDir, budget.maxConnections);
    adminUrl = postgres.url;
  }
  if (stopping) return;
  const listed = config.members.length <= 20 ? ` (${config.members.join(', ')})` : '';
  say(`Starting the token issuer, ${config.members.length} member states${listed}, a few at a time (pools of ${budget.memberPool} connections), then regional, knowledge and the gateway…`);
  if (config.membersPerProcess > 1) {
    say(`  SIMULATION: up to ${config.membersPerProcess} members share a process (HUB_MEMBERS_PER_PROCESS); each keeps its own database, port and schema, but a crash takes its host-mates down. Member states run one process each.`);
  } else if (config.members.length > MANY_MEMBER_PROCESSES) {
    // Each member process loads the whole service again (about a second of CPU and 100 MB before any data).
    say(`  ${config.members.length} member processes on one machine take minutes to start; to simulate a region here, HUB_MEMBERS_PER_PROCESS=8 hosts up to 8 members per process.`);
  }
  const progress = progressLine(started);
  const withoutHistory = config.members.filter((code) => !napHistoryOf(code));
  if (withoutHistory.length > 0) {
    say(
      config.syntheticProfiles
        ? `  ${withoutHistory.length} of ${config.members.length} members have no NAP history in data/: they get a SYNTHETIC load profile (flagged demo, not real plans): ${withoutHistory.join(', ')}`
        : `  ${withoutHistory.length} of ${config.members.length} members have no NAP history in data/ and start empty (HUB_SYNTHETIC_PROFILES=true gives them a synthetic load profile for scale runs): ${withoutHistory.join(', ')}`,
    );
  }
  try {
    network = await startNetwork({
      adminDatabaseUrl: adminUrl,
      members: config.members,
      dbPrefix: config.dbPrefix,
      logDir,
      keys: await ensureNetworkKeys(path.join(config.dataDir, 'keys')),
      gatewayPort: config.gatewayPort,
      logLevel: config.logLevel,
      logFormat: config.logFormat,
      devSignIn: true,
      leaveOutFailedMembers: true,
      syntheticProfiles: config.syntheticProfiles,
      membersPerProcess: config.membersPerProcess,
      onMemberStarted: progress,
      memberEnv: Object.fromEntries(config.members.map((code) => [code, { DB_POOL_MAX: String(budget.memberPool) }])),
    });
  } catch (error) {
    await postgres?.stop(POSTGRES_STOP_GRACE_MS);
    throw error;
  }

  say('');
  say(`WPS Federation Hub is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`  Dashboard:        ${network.gatewayUrl.replace(/\/graphql$/, '/')}`);
  say(`  GraphQL endpoint: ${network.gatewayUrl} (GraphiQL in a browser)`);
  say(`  Token issuer:     ${network.issuer.url} (token exchange for member tokens, the gateway's service credential)`);
  if (network.gateway.metricsUrl) say(`  Metrics:          ${network.gateway.metricsUrl} (Prometheus; per member, by country; each service's in its log)`);
  if (network.members.size <= 20) for (const [code, member] of network.members) say(`  member ${code}: pid ${member.pid}`);
  else say(`  ${network.members.size} members answering`);
  if (network.memberHosts.length > 0) say(`  ${network.memberHosts.length} member hosts (pids ${network.memberHosts.map((host) => host.pid).join(', ')})`);
  for (const [code, why] of network.failedMembers) say(`  member ${code}: FAILED TO START, left out (it shows as not answering): ${why}`);
  if (network.failedMembers.size > 0) say(`  ${network.failedMembers.size} of ${config.members.length} members failed to start; see their logs in ${logDir}`);
  say(`  logs: ${logDir}`);
  say('');
  say('Try a cross-country query:');
  say(SAMPLE_QUERY);
  say('');
  say(sampleCurl(network.gatewayUrl));
  say('');
  say('Press Ctrl-C to stop.');
}

/** One line that counts members as they come up (rewritten in place on a terminal, a line each otherwise). */
function progressLine(started: number): (progress: MemberProgress) => void {
  const tty = process.stdout.isTTY;
  return ({ countryCode, done, total, failure }) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failure) {
      process.stdout.write(`${tty ? '\r\x1b[2K' : ''}  member ${countryCode} failed to start: ${failure}\n`);
      return;
    }
    const line = `  members up: ${done}/${total} (${countryCode} at ${seconds} s)`;
    process.stdout.write(tty ? `\r\x1b[2K${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
