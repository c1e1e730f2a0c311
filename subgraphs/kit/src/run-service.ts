import { errorMessage } from './error-message.js';
import type { Logger } from './logger.js';
import { metricsEnv, startMetricsServer, type MetricsServer } from './metrics.js';
import { currentTracing } from './tracing.js';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** Message a service sends its parent (the launcher) over IPC once it listens. */
export interface ReadyMessage {
  type: 'ready';
  service: string;
  url: string;
  /** Where its Prometheus metrics are served, when METRICS_PORT is set. */
  metricsUrl?: string;
}

/**
 * Run a service until a signal: start it, report readiness to a parent
 * process (if there is one), and on SIGINT/SIGTERM, or when the parent goes
 * away, drain and exit. A service that cannot start exits 1 with the reason.
 */
export async function runService(service: string, logger: Logger, start: () => Promise<RunningService>): Promise<void> {
  let running: RunningService;
  let metrics: MetricsServer | undefined;
  try {
    const { METRICS_PORT: metricsPort, METRICS_HOST: metricsHost } = metricsEnv.read(process.env);
    running = await start();
    if (metricsPort !== undefined) metrics = await startMetricsServer(metricsPort, metricsHost);
  } catch (error) {
    logger.error(`cannot start: ${errorMessage(error)}`);
    process.exit(1);
  }
  logger.info(`ready at ${running.url}${metrics ? `; metrics at ${metrics.url}` : ''}`);
  const ready: ReadyMessage = { type: 'ready', service, url: running.url, ...(metrics ? { metricsUrl: metrics.url } : {}) };
  process.send?.(ready);

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`stopping (${reason})`);
    const force = setTimeout(() => {
      logger.error('did not stop within 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await running.stop();
      await metrics?.stop();
      // The last batch of spans goes out before the process does.
      await currentTracing()?.shutdown();
      process.exit(0);
    } catch (error) {
      logger.error(`error while stopping: ${errorMessage(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Started by the launcher: never outlive it.
  if (process.send) process.on('disconnect', () => void shutdown('parent exited'));
}
