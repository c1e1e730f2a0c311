import type { DataSource } from 'typeorm';
import { createCatalogueLoaders } from './catalogue/catalogue.loaders.js';
import { createCountryLoaders } from './country/country.loaders.js';
import { createFrameworkLoaders } from './framework/framework.loaders.js';
import { createMembershipLoaders } from './membership/membership.loaders.js';
import { createPublicRecordLoaders } from './public-record/public-record.loaders.js';
import { createRegionalCommunityLoaders } from './regional-community/regional-community.loaders.js';
import { createReportingLoaders } from './reporting/reporting.loaders.js';

/** Per-request loaders of the regional subgraph: each concept's own, combined. */
export function createLoaders(dataSource: DataSource) {
  return {
    ...createCountryLoaders(dataSource),
    ...createFrameworkLoaders(dataSource),
    ...createMembershipLoaders(dataSource),
    ...createCatalogueLoaders(dataSource),
    ...createPublicRecordLoaders(dataSource),
    ...createReportingLoaders(dataSource),
    ...createRegionalCommunityLoaders(dataSource),
  };
}

export type RegionalLoaders = ReturnType<typeof createLoaders>;
