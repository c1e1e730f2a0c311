import type { Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { CountryService } from './country/country.service.js';
import { createLoaders, type RegionalLoaders } from './loaders.js';
import { RegistryService } from './registry/registry.service.js';

export interface RegionalContext {
  principal: Principal;
  loaders: RegionalLoaders;
  countries: CountryService;
  registry: RegistryService;
}

export function createRegionalContext(dataSource: DataSource, principal: Principal): RegionalContext {
  const loaders = createLoaders(dataSource);
  return { principal, loaders, countries: new CountryService(dataSource), registry: new RegistryService(dataSource) };
}
