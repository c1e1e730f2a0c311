import { ErrorCode, errorMessage, userError, type Logger } from '@wps/kit';
import CircuitBreaker from 'opossum';
import { memberCircuitState, memberFetchSeconds } from './gateway-metrics.js';
import type { MemberRecord } from './member-directory.js';
import { classifyFailure, isCausedByRequest, MemberFailure } from './member-failure.js';
import { MemberRequestTooLargeError } from './member-transport.js';

export interface BreakerSettings {
  /** Open after this share of failed calls (in percent)… */
  errorPercentage: number;
  /** …of at least this many calls… */
  volume: number;
  /** …in this rolling window. */
  windowMs: number;
  /** How long an open circuit fails fast before one trial call. */
  resetMs: number;
}

export const DEFAULT_BREAKER: BreakerSettings = { errorPercentage: 50, volume: 4, windowMs: 10_000, resetMs: 10_000 };

type Call = () => Promise<unknown>;

/**
 * One circuit breaker per member (country and endpoint, so a re-pointed
 * member starts closed), made on its first call and kept. After repeated
 * failures its country fails fast with `circuit_open` until a trial call
 * succeeds. No retries, for queries or mutations: a failure is reported.
 *
 * Only the member's own failures count: 5xx, timeouts, unreachable, invalid
 * answers. A 4xx answers the client's request (a body too large, a refused
 * token), so a client cannot open a member's circuit for everyone by sending
 * requests the member refuses; and a request larger than members accept is
 * refused here, before it is sent, as the client's BAD_USER_INPUT.
 */
export class MemberCircuits {
  private readonly breakers = new Map<string, CircuitBreaker<[Call], unknown>>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly logger: Logger,
  ) {}

  /** Run one call to a member through its breaker: its result, or the failure with its reason (logged, never with a URL to a client). */
  async run<T>(member: MemberRecord, call: () => Promise<T>): Promise<T | MemberFailure> {
    const timer = memberFetchSeconds.startTimer({ country: member.countryCode });
    try {
      const result = (await this.breakerFor(member).fire(call)) as T;
      timer({ outcome: 'ok' });
      return result;
    } catch (error) {
      if (error instanceof MemberRequestTooLargeError) {
        throw userError(
          ErrorCode.BAD_USER_INPUT,
          `This request is too large for the member states: its part for ${member.countryCode} would be ${error.bytes} bytes, over their limit of ${error.limitBytes}. Send less in one request.`,
          { country: member.countryCode },
        );
      }
      const reason = classifyFailure(error);
      timer({ outcome: reason });
      this.logger.warn(`member ${member.countryCode} failed: ${reason}`, { error: errorMessage(error) });
      return new MemberFailure(reason);
    }
  }

  private breakerFor(member: MemberRecord): CircuitBreaker<[Call], unknown> {
    const key = `${member.countryCode} ${member.endpoint}`;
    let breaker = this.breakers.get(key);
    if (!breaker) {
      const { errorPercentage, volume, windowMs, resetMs } = this.settings;
      breaker = new CircuitBreaker((call: Call) => call(), {
        timeout: false, // the transport has the deadline
        errorThresholdPercentage: errorPercentage,
        volumeThreshold: volume,
        rollingCountTimeout: windowMs,
        resetTimeout: resetMs,
        // The client's doing, not the member's health: not counted (the call still fails).
        errorFilter: (error: unknown) => isCausedByRequest(error) || error instanceof MemberRequestTooLargeError,
      });
      const country = member.countryCode;
      memberCircuitState.set({ country }, 0);
      breaker.on('open', () => {
        memberCircuitState.set({ country }, 2);
        this.logger.warn(`circuit to member ${country} opened: failing fast for ${resetMs} ms`);
      });
      breaker.on('halfOpen', () => memberCircuitState.set({ country }, 1));
      breaker.on('close', () => {
        memberCircuitState.set({ country }, 0);
        this.logger.info(`circuit to member ${country} closed again`);
      });
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}
