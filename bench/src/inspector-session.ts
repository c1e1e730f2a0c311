import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';

/** The option that lets a probe attach: the V8 inspector on loopback, on a port of the system's choosing. */
export const INSPECTOR_NODE_OPTIONS = '--inspect=127.0.0.1:0';

/**
 * A Chrome DevTools protocol session with a running Node process, found
 * through the inspector URL its log (stderr) announced: what the memory and
 * CPU probes send their commands through.
 */
export class InspectorSession {
  private nextId = 0;

  private constructor(private readonly socket: WebSocket) {}

  static async attach(logFile: string): Promise<InspectorSession> {
    const log = await readFile(logFile, 'utf8');
    const url = [...log.matchAll(/Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/g)].at(-1)?.[1];
    if (!url) throw new Error(`no inspector URL in ${logFile}: was the process started with ${INSPECTOR_NODE_OPTIONS}?`);
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new InspectorSession(socket);
  }

  call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
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

  close(): void {
    this.socket.close();
  }
}
