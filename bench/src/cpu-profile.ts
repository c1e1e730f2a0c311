import { readFile } from 'node:fs/promises';
import path from 'node:path';
import WebSocket from 'ws';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function comes from: the hub's own code, a library, Node itself, or idle and garbage collection. */
export function originOf(url: string, functionName: string): string {
  if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') return functionName;
  if (!url) return 'node (native)';
  const library = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (library) return library;
  if (url.startsWith('node:')) return 'node';
  const own = /\/(gateway|subgraphs\/kit|launcher)\/dist\//.exec(url)?.[1];
  return own ? `ours: ${own}` : url;
}

export interface ProfileSummary {
  totalMs: number;
  byOrigin: { origin: string; ms: number; share: number }[];
  topFunctions: { name: string; origin: string; ms: number }[];
}

/** Self time of a V8 CPU profile (as `node --cpu-prof` writes) by origin, and the heaviest functions. */
export function summariseProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const origins = new Map<string, number>();
  const functions = new Map<string, { name: string; origin: string; us: number }>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const origin = originOf(url, functionName);
    if (origin === '(idle)') continue;
    totalUs += us;
    origins.set(origin, (origins.get(origin) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${path.basename(url)}:${lineNumber + 1}`;
    const entry = functions.get(key) ?? { name: key, origin, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  return {
    totalMs: totalUs / 1000,
    byOrigin: [...origins]
      .map(([origin, us]) => ({ origin, ms: us / 1000, share: us / totalUs }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ name, origin, us }) => ({ name, origin, ms: us / 1000 })),
  };
}

/**
 * V8's CPU profiler in a running Node process, through its inspector (the
 * process started with INSPECTOR_NODE_OPTIONS of memory-probe.ts): the same
 * profiler as `node --cpu-prof`, started and stopped around what is measured
 * instead of the whole life of the process.
 */
export class CpuProbe {
  private nextId = 0;

  private constructor(private readonly socket: WebSocket) {}

  static async attach(logFile: string): Promise<CpuProbe> {
    const log = await readFile(logFile, 'utf8');
    const url = [...log.matchAll(/Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/g)].at(-1)?.[1];
    if (!url) throw new Error(`no inspector URL in ${logFile}`);
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CpuProbe(socket);
  }

  async start(): Promise<void> {
    await this.call('Profiler.enable');
    await this.call('Profiler.setSamplingInterval', { interval: 200 });
    await this.call('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    const { profile } = await this.call<{ profile: CpuProfile }>('Profiler.stop');
    return profile;
  }

  close(): void {
    this.socket.close();
  }

  private call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: T; error?: { message: string } };
        if (message.id !== id) return;
        this.socket.off('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as T);
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}
