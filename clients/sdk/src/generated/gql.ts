/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CountryProfile($code: String!) {\n  country(code: $code) {\n    code\n    name\n    alpha3\n    memberStatus\n    memberships {\n      status\n      framework {\n        code\n        shortName\n      }\n    }\n    actionPlans {\n      id\n      iteration\n      title\n      status\n      adoptedOn\n      demoFields\n      period {\n        start\n        end\n      }\n      sources {\n        references\n        conflict\n        verified\n      }\n    }\n    goodPractices {\n      id\n      title\n    }\n  }\n}\n\nquery MemberActionPlans($countryCode: String!) {\n  actionPlans(countryCode: $countryCode) {\n    id\n    countryCode\n    iteration\n    title\n    inForce\n  }\n}\n\nquery MemberIndicator($countryCode: String!, $id: ID!) {\n  indicator(countryCode: $countryCode, id: $id) {\n    id\n    code\n    title\n    measurements {\n      period\n      value\n      status\n      isDemo\n    }\n  }\n}": typeof types.CountryProfileDocument,
    "query FrameworkProgress($framework: FrameworkCode!) {\n  countries(framework: $framework) {\n    code\n    name\n    memberStatus\n    currentActionPlan {\n      id\n      title\n      status\n      period {\n        start\n        end\n      }\n      indicators {\n        code\n        title\n        unit\n        measurements {\n          period\n          value\n        }\n      }\n    }\n  }\n}\n\nquery ConnectedCountries($framework: FrameworkCode, $memberStatus: MemberStatus) {\n  countries(framework: $framework, memberStatus: $memberStatus) {\n    code\n    name\n    memberStatus\n  }\n}": typeof types.FrameworkProgressDocument,
    "query Frameworks {\n  frameworks {\n    code\n    shortName\n    name\n    organisation\n    period {\n      start\n      end\n      extendedTo\n    }\n    members {\n      code\n    }\n  }\n}\n\nquery Members {\n  members {\n    countryCode\n    status\n    contractVersion\n    lastCheckedAt\n    reason\n  }\n}\n\nquery GoodPractices($theme: Theme, $countryCode: String) {\n  goodPractices(theme: $theme, countryCode: $countryCode) {\n    id\n    title\n    summary\n    themes\n    countries {\n      code\n      name\n    }\n    session {\n      id\n      title\n    }\n  }\n}": typeof types.FrameworksDocument,
};
const documents: Documents = {
    "query CountryProfile($code: String!) {\n  country(code: $code) {\n    code\n    name\n    alpha3\n    memberStatus\n    memberships {\n      status\n      framework {\n        code\n        shortName\n      }\n    }\n    actionPlans {\n      id\n      iteration\n      title\n      status\n      adoptedOn\n      demoFields\n      period {\n        start\n        end\n      }\n      sources {\n        references\n        conflict\n        verified\n      }\n    }\n    goodPractices {\n      id\n      title\n    }\n  }\n}\n\nquery MemberActionPlans($countryCode: String!) {\n  actionPlans(countryCode: $countryCode) {\n    id\n    countryCode\n    iteration\n    title\n    inForce\n  }\n}\n\nquery MemberIndicator($countryCode: String!, $id: ID!) {\n  indicator(countryCode: $countryCode, id: $id) {\n    id\n    code\n    title\n    measurements {\n      period\n      value\n      status\n      isDemo\n    }\n  }\n}": types.CountryProfileDocument,
    "query FrameworkProgress($framework: FrameworkCode!) {\n  countries(framework: $framework) {\n    code\n    name\n    memberStatus\n    currentActionPlan {\n      id\n      title\n      status\n      period {\n        start\n        end\n      }\n      indicators {\n        code\n        title\n        unit\n        measurements {\n          period\n          value\n        }\n      }\n    }\n  }\n}\n\nquery ConnectedCountries($framework: FrameworkCode, $memberStatus: MemberStatus) {\n  countries(framework: $framework, memberStatus: $memberStatus) {\n    code\n    name\n    memberStatus\n  }\n}": types.FrameworkProgressDocument,
    "query Frameworks {\n  frameworks {\n    code\n    shortName\n    name\n    organisation\n    period {\n      start\n      end\n      extendedTo\n    }\n    members {\n      code\n    }\n  }\n}\n\nquery Members {\n  members {\n    countryCode\n    status\n    contractVersion\n    lastCheckedAt\n    reason\n  }\n}\n\nquery GoodPractices($theme: Theme, $countryCode: String) {\n  goodPractices(theme: $theme, countryCode: $countryCode) {\n    id\n    title\n    summary\n    themes\n    countries {\n      code\n      name\n    }\n    session {\n      id\n      title\n    }\n  }\n}": types.FrameworksDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CountryProfile($code: String!) {\n  country(code: $code) {\n    code\n    name\n    alpha3\n    memberStatus\n    memberships {\n      status\n      framework {\n        code\n        shortName\n      }\n    }\n    actionPlans {\n      id\n      iteration\n      title\n      status\n      adoptedOn\n      demoFields\n      period {\n        start\n        end\n      }\n      sources {\n        references\n        conflict\n        verified\n      }\n    }\n    goodPractices {\n      id\n      title\n    }\n  }\n}\n\nquery MemberActionPlans($countryCode: String!) {\n  actionPlans(countryCode: $countryCode) {\n    id\n    countryCode\n    iteration\n    title\n    inForce\n  }\n}\n\nquery MemberIndicator($countryCode: String!, $id: ID!) {\n  indicator(countryCode: $countryCode, id: $id) {\n    id\n    code\n    title\n    measurements {\n      period\n      value\n      status\n      isDemo\n    }\n  }\n}"): (typeof documents)["query CountryProfile($code: String!) {\n  country(code: $code) {\n    code\n    name\n    alpha3\n    memberStatus\n    memberships {\n      status\n      framework {\n        code\n        shortName\n      }\n    }\n    actionPlans {\n      id\n      iteration\n      title\n      status\n      adoptedOn\n      demoFields\n      period {\n        start\n        end\n      }\n      sources {\n        references\n        conflict\n        verified\n      }\n    }\n    goodPractices {\n      id\n      title\n    }\n  }\n}\n\nquery MemberActionPlans($countryCode: String!) {\n  actionPlans(countryCode: $countryCode) {\n    id\n    countryCode\n    iteration\n    title\n    inForce\n  }\n}\n\nquery MemberIndicator($countryCode: String!, $id: ID!) {\n  indicator(countryCode: $countryCode, id: $id) {\n    id\n    code\n    title\n    measurements {\n      period\n      value\n      status\n      isDemo\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FrameworkProgress($framework: FrameworkCode!) {\n  countries(framework: $framework) {\n    code\n    name\n    memberStatus\n    currentActionPlan {\n      id\n      title\n      status\n      period {\n        start\n        end\n      }\n      indicators {\n        code\n        title\n        unit\n        measurements {\n          period\n          value\n        }\n      }\n    }\n  }\n}\n\nquery ConnectedCountries($framework: FrameworkCode, $memberStatus: MemberStatus) {\n  countries(framework: $framework, memberStatus: $memberStatus) {\n    code\n    name\n    memberStatus\n  }\n}"): (typeof documents)["query FrameworkProgress($framework: FrameworkCode!) {\n  countries(framework: $framework) {\n    code\n    name\n    memberStatus\n    currentActionPlan {\n      id\n      title\n      status\n      period {\n        start\n        end\n      }\n      indicators {\n        code\n        title\n        unit\n        measurements {\n          period\n          value\n        }\n      }\n    }\n  }\n}\n\nquery ConnectedCountries($framework: FrameworkCode, $memberStatus: MemberStatus) {\n  countries(framework: $framework, memberStatus: $memberStatus) {\n    code\n    name\n    memberStatus\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Frameworks {\n  frameworks {\n    code\n    shortName\n    name\n    organisation\n    period {\n      start\n      end\n      extendedTo\n    }\n    members {\n      code\n    }\n  }\n}\n\nquery Members {\n  members {\n    countryCode\n    status\n    contractVersion\n    lastCheckedAt\n    reason\n  }\n}\n\nquery GoodPractices($theme: Theme, $countryCode: String) {\n  goodPractices(theme: $theme, countryCode: $countryCode) {\n    id\n    title\n    summary\n    themes\n    countries {\n      code\n      name\n    }\n    session {\n      id\n      title\n    }\n  }\n}"): (typeof documents)["query Frameworks {\n  frameworks {\n    code\n    shortName\n    name\n    organisation\n    period {\n      start\n      end\n      extendedTo\n    }\n    members {\n      code\n    }\n  }\n}\n\nquery Members {\n  members {\n    countryCode\n    status\n    contractVersion\n    lastCheckedAt\n    reason\n  }\n}\n\nquery GoodPractices($theme: Theme, $countryCode: String) {\n  goodPractices(theme: $theme, countryCode: $countryCode) {\n    id\n    title\n    summary\n    themes\n    countries {\n      code\n      name\n    }\n    session {\n      id\n      title\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;