import { InitialRegional1763800000000 } from './1763800000000-initial-regional.js';

export const regionalMigrations = [InitialRegional1763800000000];
