import './instrument.js';
import 'reflect-metadata';
import { createLogger, errorMessage, isHostRequest, logEnv, runService, type HostReply, type LogFormat, type LogLevel, type RunningService } from '@wps/kit';
import { loadNapConfig } from './config.js';
import { napServiceName, startNapMember } from './member-service.js';

/**
 * A simulation host: several member states' subgraphs in one process, for
 * scale runs on one machine (the launcher's HUB_MEMBERS_PER_PROCESS). Each
 * member keeps its own database, pool, port and schema instance; what the
 * process has once is shared: the Node runtime and the loaded modules (about
 * 1.1 s of CPU and 100 MB each member would spend again), its metrics
 * endpoint (the members' series add up) and its tracer (service `nap`, each
 * span with its member's subgraph name). A member that crashes the process
 * takes its host-mates with it: a real deployment runs one member per
 * process (index.ts), as member states do.
 *
 * The launcher sends `start-member` (a member's variables, on top of this
 * process's) and `stop-member` over IPC; the host answers each with
 * `member-ready`, `member-failed` or `member-stopped`.
 */
const log = logEnv.read(process.env);
const logger = createLogger('nap-host', log.LOG_LEVEL as LogLevel, log.LOG_FORMAT as LogFormat);
const members = new Map<string, RunningService>();
const starting = new Set<string>();

const reply = (message: HostReply) => process.send?.(message);

async function startMember(countryCode: string, env: Record<string, string>): Promise<void> {
  if (members.has(countryCode) || starting.has(countryCode)) {
    reply({ type: 'member-failed', countryCode, error: `${countryCode} is already running in this host` });
    return;
  }
  starting.add(countryCode);
  try {
    const config = loadNapConfig({ ...process.env, ...env, NAP_COUNTRY_CODE: countryCode });
    const memberLogger = createLogger(napServiceName(config.countryCode), config.logLevel, config.logFormat);
    const running = await startNapMember(config, memberLogger);
    members.set(countryCode, running);
    memberLogger.info(`ready at ${running.url} (hosted in pid ${process.pid})`);
    reply({ type: 'member-ready', countryCode, url: running.url });
  } catch (error) {
    logger.error(`${napServiceName(countryCode)} cannot start: ${errorMessage(error)}`);
    reply({ type: 'member-failed', countryCode, error: errorMessage(error) });
  } finally {
    starting.delete(countryCode);
  }
}

async function stopMember(countryCode: string): Promise<void> {
  const running = members.get(countryCode);
  members.delete(countryCode);
  try {
    await running?.stop();
  } catch (error) {
    logger.error(`${napServiceName(countryCode)} did not stop cleanly: ${errorMessage(error)}`);
  }
  reply({ type: 'member-stopped', countryCode });
}

process.on('message', (message: unknown) => {
  if (!isHostRequest(message)) return;
  if (message.type === 'start-member') void startMember(message.countryCode, message.env);
  else void stopMember(message.countryCode);
});

void runService('nap-host', logger, async () => ({
  url: `ipc://nap-host/${process.pid}`,
  stop: async () => {
    await Promise.all([...members.keys()].map(stopMember));
  },
}));
