import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { InspectorSession, INSPECTOR_NODE_OPTIONS } from './inspector-session.js';

export { INSPECTOR_NODE_OPTIONS };

export interface MemoryReading {
  /** Resident set size as the process has it now (garbage included). */
  rss: number;
  /** Resident set size after a full garbage collection: what the process really keeps. */
  rssAfterGc: number;
  /** Live JavaScript heap after that collection. */
  heapUsedAfterGc: number;
}

/**
 * Reads a Node process's memory through its inspector (Chrome DevTools
 * protocol): RSS as it is, then a full collection and RSS again. Comparing
 * readings taken without a collection mostly compares when V8 last
 * collected; the collection makes two readings comparable, which is what a
 * leak check needs. For load tests only: the process must have been started
 * with INSPECTOR_NODE_OPTIONS, which nothing but the load test does.
 */
export class MemoryProbe {
  private constructor(
    private readonly pid: number,
    private readonly session: InspectorSession,
  ) {}

  /** Attach to the process whose log (stderr) announced its inspector URL. */
  static async attach(pid: number, logFile: string): Promise<MemoryProbe> {
    return new MemoryProbe(pid, await InspectorSession.attach(logFile));
  }

  async read(): Promise<MemoryReading> {
    const rss = await residentSetSize(this.pid);
    await this.session.call('HeapProfiler.collectGarbage');
    const usage = await this.session.call<{ result: { value: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
    const { heapUsed } = JSON.parse(usage.result.value) as { heapUsed: number };
    return { rss, rssAfterGc: await residentSetSize(this.pid), heapUsedAfterGc: heapUsed };
  }

  close(): void {
    this.session.close();
  }
}

/** Resident set size of a process in bytes (Linux /proc). */
export async function residentSetSize(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

const TICK_MS = 10; // Linux USER_HZ = 100

/** CPU time (user + system) of a process so far, in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
