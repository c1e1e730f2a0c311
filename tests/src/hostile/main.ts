import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { contractSchema, madeUpData } from './answer.js';
import { sendJson, type HostileContext, type HostileRequest } from './mode.js';
import { HOSTILE_MODES } from './modes.js';

/**
 * A hostile member state's NAP subgraph, as a process: it serves the NAP
 * contract's probe honestly and misbehaves as HOSTILE_MODE says
 * (modes.ts). NAP_COUNTRY_CODE: the country it is registered for; PORT
 * (0 for any); NAP_SDL_FILE (default: the committed contract).
 */
const mode = HOSTILE_MODES[process.env.HOSTILE_MODE ?? ''];
if (!mode) throw new Error(`HOSTILE_MODE must be one of ${Object.keys(HOSTILE_MODES).join(', ')}`);
const country = process.env.NAP_COUNTRY_CODE ?? 'LS';
const sdl = readFileSync(process.env.NAP_SDL_FILE ?? path.resolve(__dirname, '..', '..', '..', 'subgraphs', 'nap', 'schema.graphql'), 'utf8');
const schema = contractSchema(sdl);
const dataFor = (request: HostileRequest, claimed: string, text: string) => madeUpData(schema, request.operation, request.fragments, request.variables, { country: claimed, text });
const context: HostileContext = {
  country,
  sdl,
  schema,
  honestData: (request) => dataFor(request, country, `Answered by the member of ${country}`),
  claimedData: dataFor,
};

function parseRequest(body: string): HostileRequest {
  const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
  const rootNames = operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : ''));
  return { query, variables: variables ?? {}, operation, fragments, isEntityFetch: rootNames.includes('_entities') };
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    void (async () => {
      let parsed: HostileRequest;
      try {
        parsed = parseRequest(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(response, { errors: [{ message: 'Not a GraphQL request.', extensions: { code: 'BAD_REQUEST' } }] }, 400);
      }
      const isProbe = parsed.operation.selectionSet.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === '_service');
      if (isProbe) return mode.probe ? mode.probe(parsed, context, response) : sendJson(response, { data: { _service: { sdl } } });
      return mode.answer(parsed, context, response);
    })().catch(() => {
      if (!response.headersSent) sendJson(response, { errors: [{ message: 'The hostile member failed.' }] }, 500);
    });
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  process.send?.({ type: 'ready', url });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
