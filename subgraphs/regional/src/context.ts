import type { DataSource } from 'typeorm';
import { CountryService } from './country/country.service.js';
import { createLoaders, type RegionalLoaders } from './loaders.js';
import { RegistryService } from './registry/registry.service.js';

export interface RegionalContext {
  loaders: RegionalLoaders;
  countries: CountryService;
  registry: RegistryService;
}

export function createRegionalContext(dataSource: DataSource): RegionalContext {
  const loaders = createLoaders(dataSource);
  return { loaders, countries: new CountryService(dataSource), registry: new RegistryService(dataSource) };
}
