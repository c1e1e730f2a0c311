import { InitialContract1763800000000 } from './1763800000000-initial-contract.js';
import { FullContract1763900000000 } from './1763900000000-full-contract.js';

/** Every migration of the NAP database, oldest first. */
export const napMigrations = [InitialContract1763800000000, FullContract1763900000000];
