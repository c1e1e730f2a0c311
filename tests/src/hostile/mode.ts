import type http from 'node:http';
import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

/** One GraphQL request the hostile member received, parsed. */
export interface HostileRequest {
  query: string;
  variables: Record<string, unknown>;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** True for the hub's `_entities` fetch. */
  isEntityFetch: boolean;
}

/** What a mode may use to answer. */
export interface HostileContext {
  /** The country it is registered for. */
  country: string;
  /** The NAP contract SDL, as `_service { sdl }` serves it. */
  sdl: string;
  schema: GraphQLSchema;
  /** Data of the request's shape that an honest member of `country` could have sent (made up, own country everywhere). */
  honestData(request: HostileRequest): Record<string, unknown>;
  /** Data of the request's shape claiming another country, with a text of its choosing. */
  claimedData(request: HostileRequest, country: string, text: string): Record<string, unknown>;
}

/** Sends `body` as JSON with `status`. */
export function sendJson(response: http.ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/**
 * One way of misbehaving. `answer` serves every request except the
 * contract probe; `probe` serves the probe (`_service { sdl }`), by default
 * honestly, so the member passes the contract check and is routed to.
 * Semantic modes (what the answer says) are in semantic-modes.ts; modes of
 * the wire (body size, pace, redirects, a failing probe) go in a file of
 * their own and into HOSTILE_MODES (modes.ts).
 */
export interface HostileMode {
  describe: string;
  answer(request: HostileRequest, context: HostileContext, response: http.ServerResponse): void | Promise<void>;
  probe?(request: HostileRequest, context: HostileContext, response: http.ServerResponse): void | Promise<void>;
}
