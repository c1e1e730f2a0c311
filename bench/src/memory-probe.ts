import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';

/** The option that lets a probe attach: the V8 inspector on loopback, on a port of the system's choosing. */
export const INSPECTOR_NODE_OPTIONS = '--inspect=127.0.0.1:0';

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
  private nextId = 0;

  private constructor(
    private readonly pid: number,
    private readonly socket: WebSocket,
  ) {}

  /** Attach to the process whose log (stderr) announced its inspector URL. */
  static async attach(pid: number, logFile: string): Promise<MemoryProbe> {
    const log = await readFile(logFile, 'utf8');
    const url = [...log.matchAll(/Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/g)].at(-1)?.[1];
    if (!url) throw new Error(`no inspector URL in ${logFile}: was the process started with ${INSPECTOR_NODE_OPTIONS}?`);
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new MemoryProbe(pid, socket);
  }

  async read(): Promise<MemoryReading> {
    const rss = await residentSetSize(this.pid);
    await this.call('HeapProfiler.collectGarbage');
    const usage = await this.call<{ result: { value: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
    const { heapUsed } = JSON.parse(usage.result.value) as { heapUsed: number };
    return { rss, rssAfterGc: await residentSetSize(this.pid), heapUsedAfterGc: heapUsed };
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

/** Resident set size of a process in bytes (Linux /proc). */
export async function residentSetSize(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}
