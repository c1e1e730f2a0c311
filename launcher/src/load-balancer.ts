import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from './free-port.js';
import { logOutputOf } from './process-log.js';

/** Whether haproxy can be run here: its binary, or why not. */
export type HaproxyAvailability = { available: true; binary: string; installedNow: boolean } | { available: false; reason: string };

/** A program on PATH, or undefined. */
function onPath(program: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    const candidate = path.join(folder, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * haproxy (the Debian package), installed with apt-get when it is missing
 * and this process runs as root; otherwise a sentence saying what to do.
 * `say` is told before a (slow) installation starts.
 */
export function ensureHaproxy(say: (line: string) => void = () => undefined): HaproxyAvailability {
  const found = onPath('haproxy');
  if (found) return { available: true, binary: found, installedNow: false };
  if (process.getuid?.() !== 0) {
    return { available: false, reason: 'haproxy is not installed and this is not root: install it first (Debian/Ubuntu: sudo apt-get install -y haproxy).' };
  }
  if (!onPath('apt-get')) return { available: false, reason: 'haproxy is not installed and there is no apt-get here: install haproxy with your package manager.' };
  say('haproxy is not installed: apt-get update && apt-get install -y haproxy …');
  const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y --no-install-recommends haproxy'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const installed = onPath('haproxy');
  if (install.status !== 0 || !installed) {
    const tail = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ');
    return { available: false, reason: `apt-get could not install haproxy (exit ${install.status ?? install.signal}): ${tail}` };
  }
  return { available: true, binary: installed, installedNow: true };
}

/** Whether a Redis answers PING at host:port within a second. */
export function redisAnswers(host = '127.0.0.1', port = 6379): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString('latin1').startsWith('+PONG')));
  });
}

/** One backend server: a gateway replica on loopback. */
export interface Backend {
  name: string;
  port: number;
}

export interface LoadBalancerConfig {
  /** The frontend's port on 127.0.0.1. */
  port: number;
  backends: readonly Backend[];
  /** The runtime API's socket (show stat, set server … state). */
  statsSocket: string;
  /** The path the health check asks for (GET; 200 is up). */
  healthPath?: string;
}

/** The backend section's name, for the runtime API. */
export const GATEWAY_BACKEND = 'gateways';
/** Each replica is also an unchecked backup server, `<name>-unchecked`: the fail-open path. */
export const UNCHECKED_SUFFIX = '-unchecked';

/**
 * The haproxy configuration for gateway replicas on loopback.
 *
 * - Health: `GET /ready` every 500 ms; down after 2 failures, up after 2
 *   successes. Readiness, not liveness: a gateway listens (and answers
 *   /health) while it is still loading the supergraph and the registry, and
 *   answers /ready 503 then, and for STOP_DRAIN_MS after a SIGTERM while it
 *   still serves, so haproxy stops sending before its listener closes. A replica that dies is down within about a second (its port
 *   refuses the check). A check may take 5 s (`timeout check`): on a
 *   CPU-starved machine a busy replica's /ready answers late, and 2 s
 *   marked every replica down under load.
 * - Fail open: every replica is also a `backup no-check` server, used only
 *   while no checked server is up (all of them, `option allbackups`), so that replicas which all answer their
 *   checks late still serve (a connection refused is retried elsewhere, as
 *   below) instead of haproxy answering 503 to every request.
 * - Retries: only connection failures (`retry-on conn-failure`, haproxy's
 *   default, said explicitly), up to 3, each to another server (`option
 *   redispatch 1`). A request that failed to connect was never sent, so
 *   retrying it elsewhere is safe for every request, a write included. No
 *   retry once a request has been sent (`empty-response`,
 *   `response-timeout` and status retries stay off): every request here is
 *   a POST, and a measurement write that reached a replica may have been
 *   committed by its member even if the replica died before answering.
 * - A server marked down keeps its sessions (no `on-marked-down
 *   shutdown-sessions`): a replica that drains on SIGTERM finishes them.
 * - `option forwardfor`: the replicas believe X-Forwarded-For from loopback
 *   (TRUSTED_PROXIES), so clients keep their own rate limits.
 */
export function haproxyConfig(config: LoadBalancerConfig): string {
  const health = config.healthPath ?? '/ready';
  return [
    '# Generated by @wps/launcher (load-balancer.ts): gateway replicas behind haproxy.',
    'global',
    '  log stdout format raw local0 info',
    `  stats socket ${config.statsSocket} mode 600 level admin`,
    '  maxconn 4096',
    '',
    'defaults',
    '  mode http',
    '  log global',
    '  option httplog',
    '  option dontlognull',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 10s',
    '  timeout check 5s',
    '  retries 3',
    '  retry-on conn-failure',
    '  option redispatch 1',
    '',
    'frontend hub',
    `  bind 127.0.0.1:${config.port}`,
    `  default_backend ${GATEWAY_BACKEND}`,
    '',
    `backend ${GATEWAY_BACKEND}`,
    '  balance leastconn',
    '  option forwardfor',
    `  option httpchk GET ${health}`,
    '  http-check expect status 200',
    // On the fail-open path, balance over every backup: haproxy would otherwise use the first alone, which may be the dead one.
    '  option allbackups',
    '  default-server check inter 500ms fall 2 rise 2',
    ...config.backends.map((backend) => `  server ${backend.name} 127.0.0.1:${backend.port}`),
    // Fail open: used only while every replica fails its check (all of them starved of CPU, say), instead of 503 to everyone.
    ...config.backends.map((backend) => `  server ${backend.name}${UNCHECKED_SUFFIX} 127.0.0.1:${backend.port} backup no-check`),
    '',
  ].join('\n');
}

/** One server's line of `show stat`, the fields this module reads. */
export interface ServerStat {
  name: string;
  /** UP, DOWN, MAINT, DRAIN, NOLB, "UP 1/2" (going down), "DOWN 1/2" (coming up), … */
  status: string;
  /** Sessions now, and in all. */
  current: number;
  total: number;
  /** Responses by class. */
  responses2xx: number;
  responses5xx: number;
}

export interface LoadBalancer {
  url: string;
  port: number;
  configFile: string;
  process: ChildProcess;
  /** Every server of the gateway backend, by name. */
  servers(): Promise<Map<string, ServerStat>>;
  /** Wait until `server`'s status is `status` (UP, DOWN, DRAIN, MAINT; not a transition like "UP 1/2"); when it was, by Date.now(). */
  waitFor(server: string, status: string, timeoutMs?: number): Promise<number>;
  /** The runtime API's `set server gateways/<name> state ready|drain|maint`. */
  setState(server: string, state: 'ready' | 'drain' | 'maint'): Promise<void>;
  stop(): Promise<void>;
}

export interface LoadBalancerOptions {
  binary: string;
  /** Where haproxy.cfg and the stats socket go. */
  dir: string;
  /** Folder for haproxy.log. */
  logDir: string;
  backends: readonly Backend[];
  /** The frontend's port; a free one by default. */
  port?: number;
  healthPath?: string;
}

/** A runtime API command's answer (the socket closes after one command). */
function runtimeCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let answer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(5000, () => socket.destroy(new Error(`haproxy's runtime API did not answer "${command}"`)));
    socket.on('connect', () => socket.write(`${command}\n`));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

/** `show stat` CSV → the gateway backend's replicas (each one's unchecked backup server counted with it). */
export function parseServerStats(csv: string): Map<string, ServerStat> {
  const lines = csv.split('\n').filter((line) => line.length > 0);
  const header = lines[0]?.replace(/^# /, '').split(',') ?? [];
  const column = (name: string) => header.indexOf(name);
  const servers = new Map<string, ServerStat>();
  const unchecked = new Map<string, Omit<ServerStat, 'name' | 'status'>>();
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    const name = fields[column('svname')] ?? '';
    if (fields[column('pxname')] !== GATEWAY_BACKEND || name === 'BACKEND' || name === 'FRONTEND') continue;
    const number = (field: string) => Number(fields[column(field)] ?? 0) || 0;
    const stat = { current: number('scur'), total: number('stot'), responses2xx: number('hrsp_2xx'), responses5xx: number('hrsp_5xx') };
    if (name.endsWith(UNCHECKED_SUFFIX)) unchecked.set(name.slice(0, -UNCHECKED_SUFFIX.length), stat);
    else servers.set(name, { name, status: fields[column('status')] ?? '', ...stat });
  }
  // What a replica served over the fail-open path counts as its own; its status is its checked server's.
  for (const [name, stat] of unchecked) {
    const server = servers.get(name);
    if (!server) continue;
    server.current += stat.current;
    server.total += stat.total;
    server.responses2xx += stat.responses2xx;
    server.responses5xx += stat.responses5xx;
  }
  return servers;
}

/**
 * Start haproxy in the foreground (`-db`) in front of `backends`, its
 * configuration generated into `<dir>/haproxy.cfg` (checked with `-c`
 * first) and its log in `<logDir>/haproxy.log`; resolves once the frontend
 * accepts connections.
 */
export async function startLoadBalancer(options: LoadBalancerOptions): Promise<LoadBalancer> {
  mkdirSync(options.dir, { recursive: true });
  mkdirSync(options.logDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const configFile = path.join(options.dir, 'haproxy.cfg');
  const statsSocket = path.join(options.dir, 'haproxy.sock');
  writeFileSync(configFile, haproxyConfig({ port, backends: options.backends, statsSocket, healthPath: options.healthPath }));
  const check = spawnSync(options.binary, ['-c', '-f', configFile], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused ${configFile}: ${`${check.stdout}${check.stderr}`.trim()}`);

  const child = spawn(options.binary, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  void logOutputOf(child, path.join(options.logDir, 'haproxy.log'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const listening = async () => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`haproxy exited at start (code ${child.exitCode}); log: ${path.join(options.logDir, 'haproxy.log')}`);
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('connect', () => resolve(true)).on('error', () => resolve(false));
        socket.on('connect', () => socket.destroy());
      });
      if (open) return;
      if (Date.now() > deadline) throw new Error('haproxy did not listen within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    await listening();
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const servers = async () => parseServerStats(await runtimeCommand(statsSocket, 'show stat'));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    configFile,
    process: child,
    servers,
    async waitFor(server, status, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = (await servers()).get(server);
        if (seen?.status === status) return Date.now();
        if (Date.now() > deadline) throw new Error(`haproxy did not mark ${server} ${status} within ${timeoutMs / 1000} s (it is ${seen?.status ?? 'unknown'})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async setState(server, state) {
      const answer = await runtimeCommand(statsSocket, `set server ${GATEWAY_BACKEND}/${server} state ${state}`);
      if (answer.trim().length > 0) throw new Error(`haproxy refused to set ${server} ${state}: ${answer.trim()}`);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGUSR1: haproxy's soft stop (finishes its sessions); SIGKILL after 5 s.
      child.kill('SIGUSR1');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}
