import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '@wps/launcher';

/**
 * How a hostile endpoint misbehaves at the transport level. Each serves the
 * NAP contract's SDL to the contract check unless its mode is about the probe:
 *
 * - `huge-body`: every other request gets a 200 with an endless JSON body (100 MB, as fast as the socket takes it);
 * - `slow-drip`: every other request gets a 200 whose body comes one byte every 500 ms;
 * - `failing-probe`: `_service` answers HTTP 500; other requests are answered as an honest empty member would;
 * - `hanging-probe`: `_service` never answers; other requests as `failing-probe`;
 * - `huge-probe`: `_service` answers an SDL padded to 3 MB (over the probe's cap); other requests as `failing-probe`;
 * - `redirect`: every request gets a 302 to `HOSTILE_REDIRECT_TO` (for example a metadata URL).
 *
 * `GET /stats` says how many probes and other requests it received, so a
 * test can tell whether the hub routed anything to it.
 */
export type HostileEndpointMode = 'huge-body' | 'slow-drip' | 'failing-probe' | 'hanging-probe' | 'huge-probe' | 'redirect';

export interface HostileEndpointStats {
  probes: number;
  queries: number;
}

export interface HostileEndpoint {
  mode: HostileEndpointMode;
  /** Its GraphQL endpoint (register it as a member). */
  url: string;
  pid: number;
  stats(): Promise<HostileEndpointStats>;
  stop(): Promise<void>;
}

const HUGE_BODY_BYTES = 100 * 1024 * 1024;
const DRIP_INTERVAL_MS = 500;

/** The NAP contract as members serve it (the committed SDL without its "generated" comment). */
function contractSdl(): string {
  const file = path.join(REPO_ROOT, 'subgraphs', 'nap', 'schema.graphql');
  return readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
}

/** The body of an honest member with no data: every root field and entity null. */
function emptyAnswer(query: string): string {
  return JSON.stringify(query.includes('_entities') ? { data: { _entities: [] } } : { data: null, errors: [{ message: 'no data here', extensions: { code: 'NOT_FOUND' } }] });
}

/** The hostile server itself (run in its own process by startHostileEndpoint). */
export function serveHostile(mode: HostileEndpointMode, redirectTo: string | undefined): http.Server {
  const sdl = contractSdl();
  const stats: HostileEndpointStats = { probes: 0, queries: 0 };
  return http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const isProbe = body.includes('_service');
      if (isProbe) stats.probes += 1;
      else stats.queries += 1;
      if (mode === 'redirect') {
        response.writeHead(302, { location: redirectTo ?? 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      }
      if (isProbe) {
        if (mode === 'failing-probe') return void response.writeHead(500, { 'content-type': 'text/plain' }).end('probe failed at 10.0.0.7: secret stack');
        if (mode === 'hanging-probe') return; // never answered
        const padded = mode === 'huge-probe' ? `${sdl}\n${'#'.repeat(3 * 1024 * 1024)}\n` : sdl;
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _service: { sdl: padded } } }));
      }
      if (mode === 'huge-body') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"data": {"_entities": [{"__typename": "NationalActionPlan", "title": "');
        const chunk = Buffer.alloc(64 * 1024, 'A');
        let sent = 0;
        let closed = false;
        response.on('close', () => (closed = true));
        const pump = () => {
          while (!closed && sent < HUGE_BODY_BYTES) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          if (!closed) response.end('"}]}}');
        };
        pump();
        return;
      }
      if (mode === 'slow-drip') {
        response.writeHead(200, { 'content-type': 'application/json' });
        const text = emptyAnswer(body);
        let index = 0;
        const timer = setInterval(() => {
          if (index >= text.length) {
            clearInterval(timer);
            response.end();
            return;
          }
          response.write(text[index]!);
          index += 1;
        }, DRIP_INTERVAL_MS);
        response.on('close', () => clearInterval(timer));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(emptyAnswer(body));
    });
  });
}

/** Start a hostile endpoint in its own process (a real process, as a member state's would be). */
export async function startHostileEndpoint(mode: HostileEndpointMode, options: { redirectTo?: string } = {}): Promise<HostileEndpoint> {
  // The built file, whether the caller runs from the sources (jest) or the build.
  const script = path.join(REPO_ROOT, 'tests', 'dist', 'hostile-endpoint.js');
  const child: ChildProcess = spawn(process.execPath, [script, mode], {
    env: { ...process.env, ...(options.redirectTo ? { HOSTILE_REDIRECT_TO: options.redirectTo } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`hostile endpoint (${mode}) exited with ${code}`)));
  });
  const statsUrl = new URL('/stats', url).toString();
  return {
    mode,
    url,
    pid: child.pid!,
    async stats() {
      return (await (await fetch(statsUrl)).json()) as HostileEndpointStats;
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    },
  };
}

if (require.main === module) {
  const mode = process.argv[2] as HostileEndpointMode;
  const server = serveHostile(mode, process.env.HOSTILE_REDIRECT_TO);
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })}\n`);
  });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
