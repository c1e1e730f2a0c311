import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InspectorSession } from './inspector-session.js';

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

/** Writes a profile where Chrome's DevTools and speedscope open it (`<name>.cpuprofile` under `dir`); returns the file. */
export function saveProfile(profile: CpuProfile, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

/**
 * V8's CPU profiler in a running Node process, through its inspector (the
 * process started with INSPECTOR_NODE_OPTIONS of memory-probe.ts): the same
 * profiler as `node --cpu-prof`, started and stopped around what is measured
 * instead of the whole life of the process.
 */
export class CpuProbe {
  private constructor(private readonly session: InspectorSession) {}

  static async attach(logFile: string): Promise<CpuProbe> {
    return new CpuProbe(await InspectorSession.attach(logFile));
  }

  async start(): Promise<void> {
    await this.session.call('Profiler.enable');
    await this.session.call('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.call('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    const { profile } = await this.session.call<{ profile: CpuProfile }>('Profiler.stop');
    return profile;
  }

  close(): void {
    this.session.close();
  }
}
