import { InitialContract1763800000000 } from './1763800000000-initial-contract.js';
import { FullContract1763900000000 } from './1763900000000-full-contract.js';
import { AuditLog1764000000000 } from './1764000000000-audit-log.js';
import { RowLevelSecurity1764100000000 } from './1764100000000-row-level-security.js';
import { DatabaseLastLine1764300000000 } from './1764300000000-database-last-line.js';
import { IdempotencyKeys1764400000000 } from './1764400000000-idempotency-keys.js';
import { CivicResponse1764750000000 } from './1764750000000-civic-response.js';
import { FollowUpActions1764760000000 } from './1764760000000-follow-up-actions.js';
import { FourEyes1764770000000 } from './1764770000000-four-eyes.js';
import { Financing1764800000000 } from './1764800000000-financing.js';
import { Submissions1764900000000 } from './1764900000000-submissions.js';
import { LocalPlans1765000000000 } from './1765000000000-local-plans.js';
import { ReportingCadence1765200000000 } from './1765200000000-reporting-cadence.js';
import { CedawGr301765300000000 } from './1765300000000-cedaw-gr30.js';
import { RecommendationsFollowTheirReport1765400000000 } from './1765400000000-recommendations-follow-their-report.js';

/** Every migration of the NAP database, oldest first. */
export const napMigrations = [
  InitialContract1763800000000,
  FullContract1763900000000,
  AuditLog1764000000000,
  RowLevelSecurity1764100000000,
  DatabaseLastLine1764300000000,
  IdempotencyKeys1764400000000,
  CivicResponse1764750000000,
  FollowUpActions1764760000000,
  FourEyes1764770000000,
  Financing1764800000000,
  Submissions1764900000000,
  LocalPlans1765000000000,
  ReportingCadence1765200000000,
  CedawGr301765300000000,
  RecommendationsFollowTheirReport1765400000000,
];
