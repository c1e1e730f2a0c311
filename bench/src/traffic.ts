import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { PreparedRequest, Workload } from './workload.js';

/** A measurement the hub acknowledged: its member must hold it afterwards. */
export interface AcknowledgedWrite {
  countryCode: string;
  id: string;
}

/** What one operation of the mix did during a run. */
export interface OperationTally {
  requests: number;
  /** HTTP status → count. */
  statuses: Record<string, number>;
  /** GraphQL error code (and country, for member errors) → count. */
  errorCodes: Record<string, number>;
  /** Latencies in milliseconds, for percentiles. */
  latencies: number[];
}

/** Everything a traffic run observed, besides autocannon's own totals. */
export interface TrafficObservations {
  operations: Map<string, OperationTally>;
  acknowledged: AcknowledgedWrite[];
  /** Times (ms since the run started) of responses with an error naming each member. */
  memberErrorTimes: Map<string, number[]>;
  /** Every 5xx response: when its request was sent and answered (ms since the run started). */
  serverErrors: { operation: string; status: number; sentAt: number; answeredAt: number }[];
  /** When each connection error or timeout happened (ms since the run started). */
  requestErrors: number[];
}

export interface TrafficOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Where each request comes from: a Workload, or any source of prepared requests. */
  workload: Pick<Workload, 'next'>;
  /** Focal-point token per member, for its measurement writes. */
  writeTokens: Map<string, string>;
  observations: TrafficObservations;
  /** performance.now() at which the whole run started (for memberErrorTimes). */
  origin: number;
}

interface GraphQLBody {
  data?: { recordMeasurement?: { id: string } | null } | null;
  errors?: { extensions?: { code?: string; country?: string; reason?: string } }[];
}

interface ConnectionContext {
  prepared?: PreparedRequest;
  sentAt?: number;
}

export function emptyObservations(): TrafficObservations {
  return { operations: new Map(), acknowledged: [], memberErrorTimes: new Map(), serverErrors: [], requestErrors: [] };
}

/**
 * Sends the workload to the gateway with autocannon: `connections` clients,
 * each sending its next request as soon as the previous one is answered. Every
 * response is checked: statuses and GraphQL error codes per operation, and the
 * id of every acknowledged measurement write.
 */
export function runTraffic(options: TrafficOptions): Promise<autocannon.Result> {
  const { observations } = options;
  const tally = (operation: string): OperationTally => {
    let entry = observations.operations.get(operation);
    if (!entry) {
      entry = { requests: 0, statuses: {}, errorCodes: {}, latencies: [] };
      observations.operations.set(operation, entry);
    }
    return entry;
  };

  const run = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    // The gateway answers within the member timeout; a request still open after 30 s is a failure.
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const state = context as ConnectionContext;
          const prepared = options.workload.next();
          state.prepared = prepared;
          state.sentAt = performance.now();
          const token = prepared.countryCode ? options.writeTokens.get(prepared.countryCode) : undefined;
          return {
            ...request,
            method: 'POST',
            body: prepared.body,
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          };
        },
        onResponse: (status, body, context) => {
          const state = context as ConnectionContext;
          if (!state.prepared) return;
          const entry = tally(state.prepared.operation);
          entry.requests += 1;
          entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
          if (state.sentAt !== undefined) entry.latencies.push(performance.now() - state.sentAt);
          if (status >= 500) {
            observations.serverErrors.push({ operation: state.prepared.operation, status, sentAt: (state.sentAt ?? options.origin) - options.origin, answeredAt: performance.now() - options.origin });
          }
          // Parsing every large read would load the machine the hub runs on: parse writes, and reads that carry errors.
          if (state.prepared.countryCode === undefined && !body.includes('"errors"')) return;
          let parsed: GraphQLBody;
          try {
            parsed = JSON.parse(body) as GraphQLBody;
          } catch {
            entry.errorCodes['(not JSON)'] = (entry.errorCodes['(not JSON)'] ?? 0) + 1;
            return;
          }
          const written = parsed.data?.recordMeasurement;
          if (status === 200 && written?.id && state.prepared.countryCode) {
            observations.acknowledged.push({ countryCode: state.prepared.countryCode, id: written.id });
          }
          const now = performance.now() - options.origin;
          for (const error of parsed.errors ?? []) {
            const code = error.extensions?.code ?? '(no code)';
            const country = error.extensions?.country;
            const reason = error.extensions?.reason;
            const key = [code, country, reason && `(${reason})`].filter(Boolean).join(' ');
            entry.errorCodes[key] = (entry.errorCodes[key] ?? 0) + 1;
            if (country) {
              const times = observations.memberErrorTimes.get(country) ?? [];
              times.push(now);
              observations.memberErrorTimes.set(country, times);
            }
          }
        },
      },
    ],
  });
  // The run is an event emitter too (autocannon's instance): connection errors and timeouts, with their times.
  const instance = run as unknown as autocannon.Instance;
  instance.on('reqError', () => observations.requestErrors.push(performance.now() - options.origin));
  return run;
}

/** The p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
