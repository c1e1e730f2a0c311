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
import { CoverageSummary, FrameworkCoverage, MemberAlignments, MemberCoverage } from './progress/coverage.type.js';
import {
  CountryIndicatorProgressResolver,
  FrameworkCoverageResolver,
  FrameworkIndicatorProgressField,
  FrameworkIndicatorProgressResolver,
  FrameworkProgressFields,
  MemberAlignmentsResolver,
  MemberCoverageResolver,
  PillarProgressResolver,
} from './progress/progress.resolver.js';
import { CountryIndicatorProgress, FrameworkIndicatorProgress, PillarProgress } from './progress/progress.type.js';
import { RegistryResolver } from './registry/registry.resolver.js';

export function buildRegionalSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        FrameworkIndicatorResolver,
        FrameworkCatalogueResolver,
        CountryResolver,
        FrameworkResolver,
        MembershipResolver,
        RegistryResolver,
        FrameworkIndicatorProgressField,
        FrameworkIndicatorProgressResolver,
        CountryIndicatorProgressResolver,
        FrameworkProgressFields,
        PillarProgressResolver,
        FrameworkCoverageResolver,
        MemberCoverageResolver,
        MemberAlignmentsResolver,
      ],
      orphanedTypes: [
        RegionalFramework,
        FrameworkIndicator,
        Country,
        MemberCoverage,
        CoverageSummary,
        FrameworkCoverage,
        MemberAlignments,
        CountryIndicatorProgress,
        FrameworkIndicatorProgress,
        PillarProgress,
      ],
    },
    {
      Country: resolveCountryReference,
      RegionalFramework: resolveFrameworkReference,
      FrameworkIndicator: async (reference, context: RegionalContext) =>
        typeof reference.frameworkCode === 'string' && typeof reference.code === 'string'
          ? context.loaders.frameworkIndicatorByKey.load(`${reference.frameworkCode}/${reference.code}`)
          : null,
      // These carry only their keys (and, under @requires, what the members returned): the representation is the object.
      FrameworkIndicatorProgress: async (reference) => reference,
      PillarProgress: async (reference) => reference,
      CountryIndicatorProgress: async (reference) => reference,
      FrameworkCoverage: async (reference) => reference,
      MemberCoverage: async (reference) => reference,
      MemberAlignments: async (reference) => reference,
    },
  );
}
