import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type express from 'express';
import { defineEnv } from './config.js';
import type { Tracing } from './tracing-types.js';

export type { Tracing, TracingSdkOptions } from './tracing-types.js';

/**
 * Tracing of every hub service, in two levels.
 *
 * Always on, and cheap: W3C trace context. An incoming `traceparent` becomes
 * the request's active context (an AsyncLocalStorage, through the
 * OpenTelemetry API), the logger writes its trace id on every line, and the
 * gateway passes it on to each member it calls. Without a tracer provider
 * the API's spans are non-recording: they carry the caller's trace id and
 * cost nothing else. So a client's trace id reaches every member's logs
 * even where no collector exists.
 *
 * With OTEL_EXPORTER_OTLP_ENDPOINT set: the OpenTelemetry SDK as well,
 * loaded only then (a service without a collector never loads it):
 * recording spans for incoming and outgoing HTTP and every `pg` query,
 * Apollo Gateway's own spans (request, plan, each fetch), the gateway's
 * span per member call (`wps.country`), exported over OTLP/HTTP (JSON) in
 * batches.
 *
 * Call `startTracing` first thing in a service's entry point (its
 * `instrument.ts`, imported before anything else): the SDK patches `http`
 * and `pg` as they load, so they must not have been loaded yet.
 */

/** The variables of tracing (each service merges them into its own). */
export const tracingEnv = defineEnv({
  OTEL_EXPORTER_OTLP_ENDPOINT: { kind: 'url', describe: 'OTLP/HTTP collector to export traces to (spans are POSTed as JSON to <endpoint>/v1/traces); unset = no spans recorded, only trace ids propagated and logged' },
  OTEL_SERVICE_NAME: { kind: 'string', describe: "Service name on this service's spans (default: the service's own name, e.g. gateway or nap-ke)" },
  OTEL_BSP_SCHEDULE_DELAY: { kind: 'duration', default: '5000', min: 10, describe: 'Longest time a finished span waits before its batch is exported, in ms' },
});

let started: Tracing | undefined;

/**
 * Start tracing for this process (once; later calls return the first).
 * `attributes` go on every span the service records (a member: `wps.country`).
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv, attributes: Record<string, string> = {}): Tracing {
  if (started) return started;
  const values = tracingEnv.read(env);
  if (values.OTEL_EXPORTER_OTLP_ENDPOINT) {
    // Loaded only with an endpoint: the SDK, its exporter and instrumentations stay out of a service that does not export.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, so a service without a collector never loads the SDK
    const sdk = require('./tracing-sdk.js') as typeof import('./tracing-sdk.js');
    started = sdk.startTracingSdk({
      serviceName: values.OTEL_SERVICE_NAME ?? service,
      attributes,
      endpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT,
      scheduleDelayMs: values.OTEL_BSP_SCHEDULE_DELAY,
    });
    return started;
  }
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  started = { exporting: false, shutdown: async () => undefined };
  return started;
}

/** The tracing this process started, if any (runService flushes it on stop). */
export function currentTracing(): Tracing | undefined {
  return started;
}

/**
 * Express middleware: run the rest of the request in the trace context its
 * `traceparent` header names. With the SDK, its HTTP instrumentation has
 * already made the request's server span (a child of that context) active,
 * and that span is kept.
 */
export function traceContextMiddleware(): express.RequestHandler {
  return (req, _res, next) => {
    if (trace.getSpan(context.active())) {
      next();
      return;
    }
    context.with(propagation.extract(ROOT_CONTEXT, req.headers), next);
  };
}

/** The W3C trace context headers (`traceparent`, `tracestate`) of the active context, to send with an outgoing call. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
