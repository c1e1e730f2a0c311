import type { GraphQLFormattedError } from 'graphql';
import type { MemberFetchDocument } from './document-rewriting.js';
import { checkEntityAnswer } from './member-answer-check.js';
import { entityPathIn, errorsPart, internalError, memberErrorsOf, memberUnavailable } from './member-errors.js';
import { MemberFailure } from './member-failure.js';
import type { RouteContext, Verdict } from './route-context.js';
import type { GatewayResponse, MemberRequest, Variables } from './member-transport.js';

/** The country a representation belongs to: its `countryCode`, or a Country's `code`. */
export function countryOfRepresentation(representation: unknown): string | undefined {
  if (!representation || typeof representation !== 'object') return undefined;
  const record = representation as Record<string, unknown>;
  if (typeof record.countryCode === 'string') return record.countryCode;
  if (record.__typename === 'Country' && typeof record.code === 'string') return record.code;
  return undefined;
}

/** Representations by country (their indices, in order), and those that name no country. */
export function groupRepresentations(representations: readonly unknown[]): { byCountry: Map<string, number[]>; withoutCountry: number[] } {
  const byCountry = new Map<string, number[]>();
  const withoutCountry: number[] = [];
  representations.forEach((representation, index) => {
    const country = countryOfRepresentation(representation);
    if (country === undefined) withoutCountry.push(index);
    else if (byCountry.has(country)) byCountry.get(country)!.push(index);
    else byCountry.set(country, [index]);
  });
  return { byCountry, withoutCountry };
}

/**
 * An `_entities` fetch, routed by country: one request per member with its
 * own representations, all in parallel; results go back in the original
 * order (exactly one entry per representation) and error paths are
 * re-indexed. A country with no registered member resolves to null without
 * an error (not connected is a status); a member that fails gets one
 * MEMBER_UNAVAILABLE at its first entry, and so does one whose answer
 * breaks the rules (member-answer-check.ts, member-errors.ts): all its
 * entries are null, the first offending path is logged.
 */
export async function routeEntities(route: RouteContext, fetch: MemberFetchDocument, variables: Variables): Promise<GatewayResponse> {
  const representations = variables.representations;
  if (!Array.isArray(representations)) return { errors: [internalError('An entity fetch came without representations.')] };

  const results: unknown[] = representations.map(() => null);
  const errors: GraphQLFormattedError[] = [];
  const { byCountry, withoutCountry } = groupRepresentations(representations);
  for (const index of withoutCountry) errors.push(internalError('An entity of the NAP contract was asked for without a country code.', ['_entities', index]));

  await Promise.all(
    [...byCountry].map(async ([country, indices]) => {
      const member = route.directory.memberFor(country);
      if (!member) return;
      const firstPath = ['_entities', indices[0]!];
      // The query is the planner's own with the hub's check fields: only the representations differ per member.
      const own = indices.map((index) => representations[index]);
      const request: MemberRequest = { query: fetch.query, document: fetch.document, variables: { ...variables, representations: own } };
      const answer = await route.ask(member, request, (raw): Verdict<{ entities: unknown[]; errors: GraphQLFormattedError[] }> => {
        const worded = memberErrorsOf(raw.errors, country, entityPathIn(indices));
        if ('problem' in worded) return { refused: `an entity fetch's errors: ${worded.problem}` };
        const checked = checkEntityAnswer(fetch.shape, raw, own, country);
        if ('breach' in checked) return { refused: `an entity fetch: ${checked.breach.description}` };
        return { accepted: { entities: checked.accepted, errors: worded.errors } };
      });
      if (answer instanceof MemberFailure) {
        errors.push(memberUnavailable(country, answer.reason, firstPath));
        return;
      }
      answer.entities.forEach((entity, local) => {
        results[indices[local]!] = entity;
      });
      errors.push(...answer.errors);
    }),
  );
  return { data: { _entities: results }, ...errorsPart(errors) };
}
