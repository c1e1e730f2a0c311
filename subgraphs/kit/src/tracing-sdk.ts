import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Tracing, TracingSdkOptions } from './tracing-types.js';

/** Probes and scrapes are not traced: they would outnumber the requests. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * The OpenTelemetry SDK of one service (loaded by tracing.ts only when an
 * OTLP endpoint is set): a Node tracer provider, registered with the API
 * (AsyncLocalStorage context, W3C trace context and baggage), whose spans
 * are batched to `<endpoint>/v1/traces`, and the HTTP and `pg`
 * instrumentations. Parent-based sampling: a client that sent an unsampled
 * `traceparent` is not traced.
 */
export function startTracingSdk(options: TracingSdkOptions): Tracing {
  const exporter = new OTLPTraceExporter({ url: `${withoutTrailingSlashes(options.endpoint)}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, ...options.attributes }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.scheduleDelayMs })],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?', 1)[0]!) }),
      // A query outside any request (migrations, the registry's refresh) is traced only as part of a trace.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return { exporting: true, shutdown: () => provider.shutdown() };
}

/** `http://collector:4318///` → `http://collector:4318`, in linear time (a `/\/+$/` replace is quadratic on many slashes). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === '/') end -= 1;
  return url.slice(0, end);
}
