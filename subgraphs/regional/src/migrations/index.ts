import { InitialRegional1763800000000 } from './1763800000000-initial-regional.js';
import { CatalogueAndAudit1763900000000 } from './1763900000000-catalogue-and-audit.js';

export const regionalMigrations = [InitialRegional1763800000000, CatalogueAndAudit1763900000000];
