import type { Principal } from '@wps/kit';

/** Per-request state of the gateway: the verified caller and the token to forward. */
export interface GatewayContext {
  principal: Principal;
  /** The caller's `Authorization` header, forwarded to subgraphs; undefined for the public. */
  authorization?: string;
}
