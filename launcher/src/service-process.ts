import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { logOutputOf } from './process-log.js';

export interface ServiceProcess {
  name: string;
  pid: number;
  /** The URL the service reported when it became ready. */
  url: string;
  /** Where it serves its Prometheus metrics, when it reported one. */
  metricsUrl?: string;
  child: ChildProcess;
  /** Resolves with the exit code (or null after a signal) when the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, wait for a graceful exit (drained requests, closed pools), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  /** Folder for `<name>.log` (stdout and stderr of the service). */
  logDir: string;
  readyTimeoutMs?: number;
  /**
   * Run the service under this command, which must exec its arguments with
   * the inherited file descriptors (the IPC channel): for example
   * `['ip', 'netns', 'exec', 'ns1']` runs it in network namespace ns1.
   */
  commandPrefix?: readonly string[];
}

/**
 * Start a service as a child process in its own process group (a terminal
 * Ctrl-C reaches only the launcher, which stops everything in order) with an
 * IPC channel: the service reports `{ type: 'ready', url }`, and exits by
 * itself if the launcher disappears.
 */
export function spawnService(options: SpawnServiceOptions): Promise<ServiceProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const logPath = path.join(options.logDir, `${options.name}.log`);
  const [command, ...args] = [...(options.commandPrefix ?? []), process.execPath, options.script];
  const child = spawn(command!, args, {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true,
  });
  let recent = '';
  void logOutputOf(child, logPath, (chunk) => (recent = (recent + chunk.toString('utf8')).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise<ServiceProcess>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not become ready within ${(options.readyTimeoutMs ?? 60_000) / 1000} s (log: ${logPath})\n${recent}`));
    }, options.readyTimeoutMs ?? 60_000);
    const exitedEarly = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timeout);
      reject(new Error(`${options.name} exited before it was ready (${signal ?? `code ${code}`}); log: ${logPath}\n${recent}`));
    };
    child.once('exit', exitedEarly);
    child.on('message', (message: { type?: string; url?: string; metricsUrl?: string }) => {
      if (message?.type !== 'ready' || typeof message.url !== 'string') return;
      clearTimeout(timeout);
      child.off('exit', exitedEarly);
      const url = message.url;
      resolve({
        name: options.name,
        pid: child.pid!,
        url,
        ...(typeof message.metricsUrl === 'string' ? { metricsUrl: message.metricsUrl } : {}),
        child,
        exited,
        async stop(graceMs = 15_000) {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}
