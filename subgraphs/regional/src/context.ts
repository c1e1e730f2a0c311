import type { EndpointPolicy, Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createLoaders, type RegionalLoaders } from './loaders.js';
import { registryOn, type Registry } from './registry/registry.service.js';

/** One per request: who asks, the database, the request's loaders, and the member registry. */
export interface RegionalContext {
  principal: Principal;
  dataSource: DataSource;
  loaders: RegionalLoaders;
  registry: Registry;
}

export function createRegionalContext(dataSource: DataSource, principal: Principal, memberEndpoints?: EndpointPolicy): RegionalContext {
  return { principal, dataSource, loaders: createLoaders(dataSource), registry: registryOn(dataSource, memberEndpoints) };
}
