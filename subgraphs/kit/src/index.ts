import 'reflect-metadata';

export { ConfigError, defineEnv, mergeEnv, type EnvDefinition, type EnvValues, type EnvVarSpec } from './config.js';
export { isCountryCode } from './country-code.js';
export {
  connectAndMigrate,
  createDataSource,
  openDatabase,
  databaseConfigFrom,
  databaseEnv,
  deriveServicePassword,
  ensureServiceLogin,
  postgresErrorOf,
  serviceLoginConfig,
  serviceLoginEnv,
  UNIQUE_VIOLATION,
  type DatabaseConfig,
  type DatabaseEnv,
  type EntityList,
  type MigrationList,
} from './db.js';
export { csvCell, toCsv, type CsvCell } from './csv.js';
export { errorMessage } from './error-message.js';
export { createErrorMasker, isPublicErrorCode, userError } from './errors.js';
export { badInput, ErrorCode, HubError } from './hub-error.js';
export { buildFederatedSchema, FEDERATION_SPEC_URL, type ReferenceResolver } from './federated-schema.js';
export {
  countryCodes,
  currencyCode,
  distinct,
  enumList,
  httpUrl,
  idOf,
  isoDate,
  languageTag,
  money,
  notFound,
  notNull,
  optionalText,
  partialIsoDate,
  referenceId,
  requiredText,
  textList,
  yearBetween,
  yearOfIsoDate,
} from './input-rules.js';
export { createGroupLoader, createRowLoader, isUuid } from './loaders.js';
export { createLogger, LOG_LEVELS, logEnv, REDACTED_FIELDS, type LogFormat, type Logger, type LogLevel } from './logger.js';
export { currentTracing, startTracing, traceContextMiddleware, traceHeaders, tracingEnv, type Tracing } from './tracing.js';
export { runService, type ReadyMessage, type RunningService } from './run-service.js';
export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from './server.js';
export { createHttpService, DEFAULT_BODY_LIMIT_BYTES, GRAPHQL_PATH, HARDENED_APOLLO_SETTINGS, type HttpService, type HttpServiceOptions } from './http-service.js';
export * from './auth/index.js';
export { AUDIT_HARDENING_ROLLBACK_SQL, AUDIT_HARDENING_SQL, AUDIT_LOG_HARDENING_SQL, HUB_SERVICE_ROLE, hubServiceGrantsSql, hubServiceGrantsRollbackSql, AUDIT_LOG_MIGRATION_SQL, AUDIT_LOG_ROLLBACK_SQL, auditTriggerSql, recordAudit, setAuditActor, type AuditEntry } from './audit.js';
export {
  currentIdempotency,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_KEY_REUSED,
  IDEMPOTENCY_KEY_TTL_SECONDS,
  IDEMPOTENCY_MIGRATION_SQL,
  IDEMPOTENCY_ROLLBACK_SQL,
  IdempotencyKeyArg,
  idempotencyOf,
  idempotencyPlugin,
  runIdempotent,
  type Idempotency,
} from './idempotency.js';
export { jsonBodyErrorHandler } from './body-errors.js';
export { createRandom, pick, uuidFromName } from './deterministic.js';
export { roundShare, shareOf } from './shares.js';
export { AlignmentFramework, AssessmentCriterionKey, IndicatorLevel, IndicatorStatus, Pillar } from './shared-enums.js';
export { metricsEnv, metricsRegistry, startMetricsServer, type MetricsServer } from './metrics.js';
export {
  addressRefusal,
  checkMemberEndpoint,
  ENDPOINT_ALLOWANCES,
  EndpointRefusedError,
  endpointPolicyFrom,
  endpointRefusalText,
  guardedLookup,
  literalRefusal,
  memberEndpointsEnv,
  type EndpointAllowance,
  type EndpointPolicy,
  type EndpointRefusal,
} from './member-endpoints.js';
export { canonicalJson, contentHashOf } from './canonical-json.js';
export { isHostReply, isHostRequest, type HostReply, type HostRequest } from './member-host-messages.js';
