import { buildFederatedSchema } from '@wps/kit';
import type { GraphQLSchema } from 'graphql';
import type { RegionalContext } from './context.js';
import { FrameworkCatalogueResolver, FrameworkIndicatorResolver } from './catalogue/catalogue.resolver.js';
import { FrameworkIndicator } from './catalogue/framework-indicator.type.js';
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
      resolvers: [CountryResolver, FrameworkResolver, MembershipResolver, RegistryResolver, FrameworkIndicatorResolver, FrameworkCatalogueResolver],
      orphanedTypes: [Country, RegionalFramework, FrameworkIndicator],
    },
    {
      Country: resolveCountryReference,
      RegionalFramework: resolveFrameworkReference,
      FrameworkIndicator: async (reference, context: RegionalContext) =>
        typeof reference.frameworkCode === 'string' && typeof reference.code === 'string'
          ? context.loaders.frameworkIndicatorByKey.load(`${reference.frameworkCode}/${reference.code}`)
          : null,
    },
  );
}
