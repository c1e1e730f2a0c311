import type { EndpointPolicy } from '@wps/kit';
import { openMemberPool, postToMember } from './member-transport.js';

/** 2 MiB: the NAP contract's SDL is about 40 KiB. */
export const DEFAULT_PROBE_MAX_BYTES = 2 * 1024 * 1024;

export interface ProbeLimits {
  /** Deadline of the whole probe, body read included. */
  timeoutMs: number;
  /** Largest answer read: past it the probe fails (and the member is not routed to). */
  maxBytes: number;
  /** Which addresses the endpoint may resolve to. */
  endpoints: EndpointPolicy;
}

/**
 * A member's own schema, as its `_service { sdl }` says (the contract
 * check's input), over the members' transport: the deadline on the whole
 * exchange, a byte cap of its own, no redirect, the address policy. Throws
 * (the typed errors of member-failure.ts) when the member cannot be reached
 * in time, answers too much, or does not answer with an SDL.
 */
export async function probeMemberSdl(endpoint: string, limits: ProbeLimits): Promise<string> {
  const { pool, path } = openMemberPool(endpoint, limits.endpoints, limits.timeoutMs);
  try {
    const body = (await postToMember(pool, path, { body: JSON.stringify({ query: '{ _service { sdl } }' }), timeoutMs: limits.timeoutMs, maxResponseBytes: limits.maxBytes })) as {
      data?: { _service?: { sdl?: unknown } };
    };
    const sdl = body.data?._service?.sdl;
    if (typeof sdl !== 'string') throw new ProbeWithoutSdlError();
    return sdl;
  } finally {
    pool.destroy().catch(() => undefined);
  }
}

/** The member answered the probe without an SDL. */
export class ProbeWithoutSdlError extends Error {
  constructor() {
    super('no _service.sdl in the answer');
  }
}
