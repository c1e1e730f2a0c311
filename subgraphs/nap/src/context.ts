import type { DataSource } from 'typeorm';
import { createLoaders, type NapLoaders } from './loaders.js';

/** Per-request state: which member this is, and fresh DataLoaders. */
export interface NapContext {
  /** The member state this deployment serves (NAP_COUNTRY_CODE). */
  countryCode: string;
  loaders: NapLoaders;
}

export function createNapContext(dataSource: DataSource, countryCode: string): NapContext {
  return { countryCode, loaders: createLoaders(dataSource, countryCode) };
}
