import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, stdTimeFunctions, type DestinationStream, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { defineEnv } from './config.js';

/**
 * A service's logger: structured JSON lines (pino) on stderr, one object per
 * event with `level`, `time`, `service`, the message as `msg`, the details,
 * and `trace_id`/`span_id` of the request being served (the active trace
 * context: see tracing.ts), so a line can be found from a trace and back.
 */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** `json` for machines (the default: containers, CI, tests); `pretty` for people (npm start's log files). */
export type LogFormat = 'json' | 'pretty';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** The variables of every service's logger (each service merges them into its own). */
export const logEnv = defineEnv({
  LOG_LEVEL: { kind: 'string', default: 'info', oneOf: LOG_LEVELS, describe: 'Least severe log level written (debug adds one line per GraphQL request)' },
  LOG_FORMAT: { kind: 'string', default: 'json', oneOf: ['json', 'pretty'], describe: 'json: one JSON object per line on stderr; pretty: readable lines (npm start sets it for its log files)' },
});

/**
 * Fields never written, whatever a call site passes: credentials in any
 * shape they travel in (a header, a token, a cookie, a secret) and the
 * personal data the hub holds (a focal point's email and phone).
 */
export const REDACTED_FIELDS = ['authorization', 'token', 'accessToken', 'access_token', 'refreshToken', 'subjectToken', 'subject_token', 'cookie', 'set-cookie', 'password', 'secret', 'clientSecret', 'client_secret', 'email', 'phone'];

/** Each field at the top and two levels down (pino's redact paths; `["set-cookie"]` for a name that is not an identifier). */
const REDACT_PATHS = REDACTED_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_]\w*$/.test(field) ? `.${field}` : `["${field}"]`;
  return [key.replace(/^\./, ''), `*${key}`, `*.*${key}`];
});

/** The trace of the request in whose async context a line is written, if any. */
function traceFields(): Record<string, string> {
  const span = trace.getSpanContext(context.active());
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

export function createLogger(service: string, level: LogLevel = 'info', format: LogFormat = 'json'): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: stdTimeFunctions.isoTime,
    mixin: traceFields,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // JSON lines name their level; pino-pretty reads pino's numbers.
    ...(format === 'json' ? { formatters: { level: (label: string) => ({ level: label }) } } : {}),
  };
  // Synchronous writes: a line logged just before process.exit (a failed start) is not lost.
  const destination: DestinationStream =
    format === 'pretty'
      ? pretty({ destination: 2, sync: true, colorize: false, translateTime: 'UTC:yyyy-mm-dd HH:MM:ss.l', ignore: 'pid,hostname,service', messageFormat: `[${service}] {msg}` })
      : pino.destination({ fd: 2, sync: true });
  const log = pino(options, destination);
  return {
    debug: (message, details) => log.debug(details ?? {}, message),
    info: (message, details) => log.info(details ?? {}, message),
    warn: (message, details) => log.warn(details ?? {}, message),
    error: (message, details) => log.error(details ?? {}, message),
  };
}
