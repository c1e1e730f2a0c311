import { mayWriteFor } from '@wps/kit';
import { Kind, type FieldNode, type GraphQLFormattedError } from 'graphql';
import { responseKey, rootTypeName, type MemberFetchDocument } from './document-rewriting.js';
import { checkRootAnswer } from './member-answer-check.js';
import { countryCodeRequired, errorsPart, memberErrorsOf, memberNotRegistered, memberUnavailable, rootPathIn, writeForbidden } from './member-errors.js';
import { MemberFailure } from './member-failure.js';
import type { RouteContext, Verdict } from './route-context.js';
import type { GatewayResponse, Variables } from './member-transport.js';

/** The country a root field is addressed to: its `countryCode` argument, literal or variable. */
export function countryArgument(field: FieldNode, variables: Variables): string | undefined {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'countryCode');
  if (!argument) return undefined;
  if (argument.value.kind === Kind.STRING) return argument.value.value;
  if (argument.value.kind === Kind.VARIABLE) {
    const value = variables[argument.value.name.value];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Root fields by the country they name (in document order), `__typename`s, and fields that name no country. */
export function groupRootFields(
  fields: readonly FieldNode[],
  variables: Variables,
): { byCountry: Map<string, FieldNode[]>; typenames: FieldNode[]; withoutCountry: FieldNode[] } {
  const byCountry = new Map<string, FieldNode[]>();
  const typenames: FieldNode[] = [];
  const withoutCountry: FieldNode[] = [];
  for (const field of fields) {
    if (field.name.value === '__typename') {
      typenames.push(field);
      continue;
    }
    const country = countryArgument(field, variables);
    if (country === undefined) withoutCountry.push(field);
    else if (byCountry.has(country)) byCountry.get(country)!.push(field);
    else byCountry.set(country, [field]);
  }
  return { byCountry, typenames, withoutCountry };
}

/**
 * Root fields, routed by their `countryCode`: one sub-operation per member
 * with that member's fields, data merged by response key (each key comes
 * from exactly one member, so paths need no offset). Queries run in
 * parallel; mutations one member after another (in the order the members
 * first appear in the document), never retried. A field without a country is refused (BAD_USER_INPUT), a country
 * without a member gets MEMBER_NOT_REGISTERED, and a signed-in caller's write
 * for a country they may not write for is refused here (FORBIDDEN), so the
 * member never receives it.
 */
export async function routeRootFields(route: RouteContext, fetch: MemberFetchDocument, variables: Variables): Promise<GatewayResponse> {
  const data: Record<string, unknown> = {};
  const errors: GraphQLFormattedError[] = [];
  const { byCountry, typenames, withoutCountry } = groupRootFields(fetch.rootFields, variables);
  for (const field of typenames) data[responseKey(field)] = rootTypeName(fetch.operation);
  for (const field of withoutCountry) {
    data[responseKey(field)] = null;
    errors.push(countryCodeRequired(field.name.value, responseKey(field)));
  }

  const runGroup = async (country: string, fields: FieldNode[]) => {
    const keys = fields.map(responseKey);
    const fail = (error: (key: string) => GraphQLFormattedError) => {
      for (const key of keys) {
        data[key] = null;
        errors.push(error(key));
      }
    };
    const member = route.directory.memberFor(country);
    if (!member) return fail((key) => memberNotRegistered(country, key));
    // The public's writes go on without a token, and the member refuses them (UNAUTHENTICATED).
    if (fetch.isMutation && !route.principal.anonymous && !mayWriteFor(route.principal, country)) return fail((key) => writeForbidden(country, key));

    const answer = await route.ask(member, fetch.subOperation(fields).requestWith(variables), (raw): Verdict<{ data: Record<string, unknown>; errors: GraphQLFormattedError[] }> => {
      const worded = memberErrorsOf(raw.errors, country, rootPathIn(keys));
      if ('problem' in worded) return { refused: `root fields' errors: ${worded.problem}` };
      const checked = checkRootAnswer(fetch.shape, raw, keys, country);
      if ('breach' in checked) return { refused: `root fields: ${checked.breach.description}` };
      return { accepted: { data: checked.accepted, errors: worded.errors } };
    });
    if (answer instanceof MemberFailure) return fail((key) => memberUnavailable(country, answer.reason, [key]));
    for (const key of keys) data[key] = answer.data[key];
    errors.push(...answer.errors);
  };

  if (fetch.isMutation) {
    for (const [country, fields] of byCountry) await runGroup(country, fields);
  } else {
    await Promise.all([...byCountry].map(([country, fields]) => runGroup(country, fields)));
  }
  return { data, ...errorsPart(errors) };
}
