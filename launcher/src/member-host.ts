import { isHostReply, type HostReply, type HostRequest } from '@wps/kit';
import type { ServiceProcess } from './service-process.js';

export interface HostedMemberOptions {
  /** The member's service name (`nap-ke`). */
  name: string;
  countryCode: string;
  /** The member's own variables (country, port, database, seed), on top of the host's environment. */
  env: Record<string, string>;
  readyTimeoutMs?: number;
}

/**
 * Start a member in a simulation host (a process spawned from
 * SERVICE_SCRIPTS.napHost) and resolve when it serves. The member's
 * ServiceProcess carries the host's pid, child and metrics endpoint;
 * `stop()` stops this member alone, and `exited` resolves when it has
 * stopped or when the host has exited.
 */
export function startHostedMember(host: ServiceProcess, options: HostedMemberOptions): Promise<ServiceProcess> {
  const { child } = host;
  const send = (request: HostRequest) => child.send(request);
  const replyFor = (type: HostReply['type'] | readonly HostReply['type'][], timeoutMs: number) =>
    new Promise<HostReply>((resolve, reject) => {
      const types: readonly string[] = typeof type === 'string' ? [type] : type;
      const done = () => {
        clearTimeout(timeout);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (message: unknown) => {
        if (!isHostReply(message) || message.countryCode !== options.countryCode || !types.includes(message.type)) return;
        done();
        resolve(message);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        done();
        reject(new Error(`${options.name}: its host (pid ${host.pid}) exited (${signal ?? `code ${code}`})`));
      };
      const timeout = setTimeout(() => {
        done();
        reject(new Error(`${options.name} did not answer its host within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
    });

  const ready = replyFor(['member-ready', 'member-failed'], options.readyTimeoutMs ?? 60_000);
  send({ type: 'start-member', countryCode: options.countryCode, env: options.env });
  return ready.then((reply) => {
    if (reply.type === 'member-failed') throw new Error(`${options.name} could not start in its host (pid ${host.pid}): ${reply.error}`);
    if (reply.type !== 'member-ready') throw new Error(`${options.name}: unexpected answer from its host (${reply.type})`);
    let stopped: (() => void) | undefined;
    const exited = new Promise<number | null>((resolve) => {
      stopped = () => resolve(0);
      host.exited.then(resolve, () => resolve(null));
    });
    return {
      name: options.name,
      pid: host.pid,
      url: reply.url,
      ...(host.metricsUrl ? { metricsUrl: host.metricsUrl } : {}),
      child,
      exited,
      async stop(graceMs = 15_000) {
        if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
        const answered = replyFor('member-stopped', graceMs);
        send({ type: 'stop-member', countryCode: options.countryCode });
        await answered.catch(() => undefined);
        stopped?.();
      },
    };
  });
}
