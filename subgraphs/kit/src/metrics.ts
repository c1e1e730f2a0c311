import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import client from 'prom-client';
import { defineEnv } from './config.js';

/**
 * Prometheus metrics of one hub service (prom-client): the process's own
 * (CPU, memory, event loop), HTTP requests and their latency, and whatever a
 * service adds (the gateway: per-member fetches, errors by reason, circuits,
 * rate-limit refusals). They are served on a port of their own, never on the
 * public one: per-member error reasons are what the registry hides from the
 * public.
 */
export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry });

/** Every variable the metrics endpoint reads (each service merges it into its own). */
export const metricsEnv = defineEnv({
  METRICS_PORT: { kind: 'int', min: 0, max: 65535, describe: 'Serve Prometheus metrics at http://<METRICS_HOST>:<port>/metrics (0 = any free port; unset = no metrics endpoint)' },
  METRICS_HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface of the metrics endpoint (0.0.0.0 in containers, where a NetworkPolicy admits only the monitoring namespace)' },
});

const httpRequests = new client.Counter({
  name: 'hub_http_requests_total',
  help: 'HTTP requests answered, by path and status code',
  labelNames: ['path', 'status'] as const,
  registers: [metricsRegistry],
});

const httpDuration = new client.Histogram({
  name: 'hub_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by path',
  labelNames: ['path'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** The paths a service serves, named; anything else counts as `other` (a client cannot grow the label set). */
const KNOWN_PATHS = new Set(['/graphql', '/health', '/ready', '/']);

/** Count and time every request (express middleware, first in the chain). */
export function httpMetricsMiddleware(): express.RequestHandler {
  return (req, res, next) => {
    const stop = httpDuration.startTimer();
    // Read now: a mounted router rewrites req.url while it handles the request.
    const path = KNOWN_PATHS.has(req.path) ? req.path : 'other';
    res.once('finish', () => {
      stop({ path });
      httpRequests.inc({ path, status: String(res.statusCode) });
    });
    next();
  };
}

export interface MetricsServer {
  url: string;
  stop(): Promise<void>;
}

/** The metrics endpoint on its own port: GET /metrics, nothing else. */
export async function startMetricsServer(port: number, host: string): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${bound}/metrics`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
