import { InitialRegional1763800000000 } from './1763800000000-initial-regional.js';
import { CatalogueAndAudit1763900000000 } from './1763900000000-catalogue-and-audit.js';
import { MemberRevision1764200000000 } from './1764200000000-member-revision.js';
import { IdempotencyKeys1764400000000 } from './1764400000000-idempotency-keys.js';
import { PublicRecord1764500000000 } from './1764500000000-public-record.js';
import { RegionalServiceLogin1764600000000 } from './1764600000000-service-login.js';
import { Reporting1764900000000 } from './1764900000000-reporting.js';
import { RegionalCommunities1765000000000 } from './1765000000000-regional-communities.js';
import { CedawGr301765200000000 } from './1765200000000-cedaw-gr30.js';

export const regionalMigrations = [
  InitialRegional1763800000000,
  CatalogueAndAudit1763900000000,
  MemberRevision1764200000000,
  IdempotencyKeys1764400000000,
  PublicRecord1764500000000,
  RegionalServiceLogin1764600000000,
  Reporting1764900000000,
  RegionalCommunities1765000000000,
  CedawGr301765200000000,
];
