import { ErrorCode, errorMessage, type Logger } from '@wps/kit';
import { rateLimitRefusals } from './gateway-metrics.js';
import type express from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What one kind of client may do. */
export interface ClientAllowance {
  /** Requests per window. */
  requests: number;
  /** Requests in flight at once. */
  concurrent: number;
}

export interface RateLimits {
  windowMs: number;
  /** Clients without a verified token, by IP address. */
  anonymous: ClientAllowance;
  /** Clients with a verified token, by its subject. */
  signedIn: ClientAllowance;
  /** A Redis shared by every gateway replica; without it each replica counts in memory. */
  redisUrl?: string;
  /** Prefix of every key in the shared store (one per hub, or per test run). */
  keyPrefix: string;
  /** Proxies whose `X-Forwarded-For` is believed (express `trust proxy`): addresses, CIDRs or express's names. */
  trustedProxies: readonly string[];
}

/** Who a request comes from, for its limits. */
export interface ClientIdentity {
  /** `sub:<subject>` for a verified token, else `ip:<address>`. */
  key: string;
  signedIn: boolean;
}

/**
 * An in-flight slot lives this long in the store unless released, longer
 * than any request can last (Node's server `requestTimeout` is 300 s): the
 * slots of a replica that died free themselves.
 */
const IN_FLIGHT_SLOT_TTL_S = 360;

/** How often, at most, a store outage is logged again while it lasts. */
const OUTAGE_LOG_INTERVAL_MS = 30_000;

interface ChargedClient {
  limiters: Limiters;
  identity: ClientIdentity;
}

interface Limiters {
  rate: RateLimiterAbstract;
  inFlight: RateLimiterAbstract;
  allowance: ClientAllowance;
}

export interface ClientLimiter {
  /** Express middleware: 429 with RATE_LIMITED and Retry-After over a limit; the in-flight slot is freed when the response ends. */
  middleware(identify: (request: express.Request) => Promise<ClientIdentity>): express.RequestHandler;
  /**
   * Counts `points` more requests against the client of a request this
   * middleware let through (a download that runs one operation per member
   * counts them all). False, with the 429 sent, when that goes over the
   * client's limit; true when within it, or when the store fails (as the
   * middleware, it fails open).
   */
  charge(response: express.Response, points: number): Promise<boolean>;
  /** Which store counts, for the start-up log. */
  readonly store: 'memory' | 'redis';
  /**
   * Wait until the shared store is connected, at most `timeoutMs`, so that a
   * replica does not start by counting alone; false if it is not (the
   * replica then counts in memory until it is).
   */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

function tooMany(response: express.Response, retryAfterSeconds: number, message: string): void {
  response
    .status(429)
    .set('retry-after', String(Math.max(1, retryAfterSeconds)))
    .json({ errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED } }] });
}

/**
 * Per-client request-rate and concurrency limits, counted by
 * rate-limiter-flexible in memory or, with `redisUrl`, in a Redis that
 * every gateway replica shares.
 *
 * If the shared store cannot be reached, each replica falls back to its own
 * in-memory counters with the same limits (rate-limiter-flexible's
 * insurance limiter): the hub stays available and a client is still
 * limited, per replica, while the outage is logged as an error.
 */
export function createClientLimiter(limits: RateLimits, logger: Logger): ClientLimiter {
  const windowSeconds = Math.max(1, Math.ceil(limits.windowMs / 1000));
  let redis: Redis | undefined;
  if (limits.redisUrl) {
    redis = new Redis(limits.redisUrl, {
      // A command while disconnected fails at once (and the in-memory insurance counts) instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    });
    watchStore(redis, logger);
  }
  const limiter = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${limits.keyPrefix}:${name}`;
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!redis) return memory;
    return new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  };
  const tiers = {
    anonymous: {
      rate: limiter('rate:anonymous', limits.anonymous.requests, windowSeconds),
      inFlight: limiter('in-flight:anonymous', limits.anonymous.concurrent, IN_FLIGHT_SLOT_TTL_S),
      allowance: limits.anonymous,
    },
    signedIn: {
      rate: limiter('rate:signed-in', limits.signedIn.requests, windowSeconds),
      inFlight: limiter('in-flight:signed-in', limits.signedIn.concurrent, IN_FLIGHT_SLOT_TTL_S),
      allowance: limits.signedIn,
    },
  } satisfies Record<string, Limiters>;

  /** Give a slot back, never below zero (a slot that expired meanwhile is not given back twice). */
  const release = async (limiters: Limiters, key: string) => {
    const held = await limiters.inFlight.get(key);
    if (held && held.consumedPoints > 0) await limiters.inFlight.reward(key, 1);
  };

  /** The client each request let through is counted against, for charge(). */
  const charged = new WeakMap<express.Response, ChargedClient>();

  return {
    store: redis ? 'redis' : 'memory',
    middleware(identify) {
      return async (request, response, next) => {
        let identity: ClientIdentity;
        try {
          identity = await identify(request);
        } catch {
          identity = { key: `ip:${request.ip ?? 'unknown'}`, signedIn: false };
        }
        const limiters = identity.signedIn ? tiers.signedIn : tiers.anonymous;
        try {
          await limiters.rate.consume(identity.key);
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) return failOpen(refusal, logger, next);
          return refuseOverRate(response, identity, refusal, (seconds) => `Too many requests from this client: at most ${limiters.allowance.requests} every ${windowSeconds} s. Try again in ${seconds} s.`);
        }
        try {
          await limiters.inFlight.consume(identity.key);
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) return failOpen(refusal, logger, next);
          // The refused attempt was counted: give it back.
          await release(limiters, identity.key).catch(() => undefined);
          rateLimitRefusals.inc({ client: identity.signedIn ? 'signed_in' : 'anonymous', limit: 'concurrency' });
          return tooMany(response, 1, `Too many requests from this client at once: at most ${limiters.allowance.concurrent} in flight. Try again when one has finished.`);
        }
        charged.set(response, { limiters, identity });
        let released = false;
        response.once('close', () => {
          if (released) return;
          released = true;
          release(limiters, identity.key).catch((error: unknown) => logger.warn('could not free a rate-limit slot', { error: errorMessage(error) }));
        });
        next();
      };
    },
    async charge(response, points) {
      // No client recorded: the middleware failed open on this request (its store failed), and so does its charge.
      const client = charged.get(response);
      if (!client || points <= 0) return true;
      const { limiters, identity } = client;
      try {
        await limiters.rate.consume(identity.key, points);
        return true;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) {
          logFailOpen(refusal, logger);
          return true;
        }
        refuseOverRate(
          response,
          identity,
          refusal,
          (seconds) => `Too many requests from this client: this one counts as ${points + 1} (one per member it asks), and at most ${limiters.allowance.requests} are allowed every ${windowSeconds} s. Try again in ${seconds} s.`,
        );
        return false;
      }
    },
    ready(timeoutMs) {
      const store = redis;
      if (!store || store.status === 'ready') return Promise.resolve(true);
      return new Promise((resolve) => {
        const connected = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          store.off('ready', connected);
          resolve(false);
        }, timeoutMs);
        store.once('ready', connected);
      });
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    },
  };
}

/** Only the insurance limiter can fail here, and it does not: if anything else does, the request goes on. */
function logFailOpen(error: unknown, logger: Logger): void {
  logger.error('rate limiter failed; request not limited', { error: errorMessage(error) });
}

function failOpen(error: unknown, logger: Logger, next: express.NextFunction): void {
  logFailOpen(error, logger);
  next();
}

/** A client over its request rate: counted, and answered 429 with the wait the limiter gives. */
function refuseOverRate(response: express.Response, identity: ClientIdentity, refusal: RateLimiterRes, message: (seconds: number) => string): void {
  const seconds = Math.ceil(refusal.msBeforeNext / 1000);
  rateLimitRefusals.inc({ client: identity.signedIn ? 'signed_in' : 'anonymous', limit: 'requests' });
  tooMany(response, seconds, message(seconds));
}

/** Log loudly when the shared store goes away, at most every 30 s while it is away, and once when it is back. */
function watchStore(redis: Redis, logger: Logger): void {
  let down = false;
  let loggedAt = 0;
  redis.on('error', (error: Error) => {
    const now = Date.now();
    if (down && now - loggedAt < OUTAGE_LOG_INTERVAL_MS) return;
    down = true;
    loggedAt = now;
    logger.error('rate-limit store (Redis) unreachable: each gateway replica now limits clients on its own, in memory, until it is back', { error: error.message });
  });
  redis.on('ready', () => {
    if (down) logger.info('rate-limit store (Redis) reachable again: limits are shared by the replicas');
    down = false;
  });
}
