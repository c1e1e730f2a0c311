import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one member was asked during a capture, in the order asked. */
export interface CapturedRequest {
  countryCode: string;
  body: string;
}

/**
 * One HTTP server standing in for many members, one path each
 * (`/m/<CC>/graphql`), in two modes:
 *
 * - record: every request is passed on to the member's real endpoint and its
 *   answer kept, keyed by the exact request body (the sub-request the
 *   gateway sent);
 * - replay: the kept answer is sent back after a fixed delay, with no member
 *   behind it. A member without a real endpoint replays a template member's
 *   answers, re-keyed: its country code put in the request in place of its
 *   own before the look-up, and the template's code replaced by its own in
 *   the answer (the gateway checks that a member speaks only for its own
 *   country). Re-keyed answers are the template's demo data under another
 *   code: for measuring the gateway only, never shown as a state's data.
 */
export class ReplayServer {
  mode: 'record' | 'replay' = 'record';
  delayMs = 40;
  /** Requests answered, and look-ups that found nothing (the gateway asked something never recorded). */
  answered = 0;
  misses = 0;
  /** Member fetches replayed (contract probes not counted). */
  fetches = 0;
  private readonly recordings = new Map<string, string>();
  private readonly targets = new Map<string, string>();
  private readonly templates = new Map<string, string>();
  private sdlAnswer: string | undefined;
  private capture: CapturedRequest[] | undefined;

  private constructor(
    private readonly server: http.Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<ReplayServer> {
    const holder: { replay?: ReplayServer } = {};
    const server = http.createServer((req, res) => holder.replay!.handle(req, res));
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.replay = new ReplayServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.replay;
  }

  /** The endpoint to register for a member. */
  endpointOf(countryCode: string): string {
    return `${this.origin}/m/${countryCode}/graphql`;
  }

  /** A member with a real endpoint (recorded from, replayed as itself). */
  setTarget(countryCode: string, url: string): void {
    this.targets.set(countryCode, url);
  }

  /** A member without one: it replays `template`'s answers, re-keyed. */
  setTemplate(countryCode: string, template: string): void {
    this.templates.set(countryCode, template);
  }

  /** Keep the requests made while `during` runs (record mode). */
  async captureDuring(during: () => Promise<unknown>): Promise<CapturedRequest[]> {
    this.capture = [];
    try {
      await during();
      return this.capture;
    } finally {
      this.capture = undefined;
    }
  }

  /** The recorded answer to one exact request of a real member. */
  recorded(countryCode: string, body: string): string | undefined {
    return this.recordings.get(`${countryCode}\n${body}`);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const countryCode = /^\/m\/([A-Z]{2})\/graphql$/.exec(req.url ?? '')?.[1];
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (!countryCode) return this.send(res, 404, '{"errors":[{"message":"no such member"}]}');
      if (this.mode === 'record') return void this.record(countryCode, body, res);
      const isProbe = body.includes('_service');
      const template = this.targets.has(countryCode) ? countryCode : this.templates.get(countryCode);
      let answer: string | undefined;
      if (isProbe) answer = this.sdlAnswer;
      else if (template) {
        const asked = template === countryCode ? body : body.replaceAll(`"${countryCode}"`, `"${template}"`);
        const kept = this.recordings.get(`${template}\n${asked}`);
        answer = kept === undefined || template === countryCode ? kept : kept.replaceAll(`"${template}"`, `"${countryCode}"`);
      }
      if (answer === undefined) {
        this.misses += 1;
        return this.send(res, 502, '{"errors":[{"message":"not recorded"}]}');
      }
      if (!isProbe) this.fetches += 1;
      const reply = answer;
      setTimeout(() => this.send(res, 200, reply), isProbe ? 0 : this.delayMs);
    });
  }

  private async record(countryCode: string, body: string, res: http.ServerResponse): Promise<void> {
    const target = this.targets.get(countryCode);
    if (!target) return this.send(res, 502, '{"errors":[{"message":"no real member to record"}]}');
    this.capture?.push({ countryCode, body });
    try {
      const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await answer.text();
      if (body.includes('_service')) this.sdlAnswer ??= text;
      else this.recordings.set(`${countryCode}\n${body}`, text);
      this.send(res, answer.status, text);
    } catch {
      this.send(res, 502, '{"errors":[{"message":"member unreachable"}]}');
    }
  }

  private send(res: http.ServerResponse, status: number, text: string): void {
    this.answered += 1;
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }
}
