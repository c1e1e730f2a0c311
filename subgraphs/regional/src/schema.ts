import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import { resolveCountryReference } from './country/country.reference.js';
import { CountryResolver } from './country/country.resolver.js';
import { Country } from './country/country.type.js';
import { resolveFrameworkReference } from './framework/framework.reference.js';
import { FrameworkResolver } from './framework/framework.resolver.js';
import { RegionalFramework } from './framework/framework.type.js';
import { MembershipResolver } from './membership/membership.resolver.js';
import { RegistryResolver } from './registry/registry.resolver.js';

export function buildRegionalSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [CountryResolver, FrameworkResolver, MembershipResolver, RegistryResolver],
      orphanedTypes: [Country, RegionalFramework],
    },
    { Country: resolveCountryReference, RegionalFramework: resolveFrameworkReference },
  );
}
