import { DataSource, type DataSourceOptions as TypeOrmOptions, type Logger as TypeOrmLogger } from 'typeorm';

/** The entity classes (or schemas) a data source maps, as TypeORM takes them. */
export type EntityList = NonNullable<TypeOrmOptions['entities']>;
/** The migration classes a data source runs, as TypeORM takes them. */
export type MigrationList = NonNullable<TypeOrmOptions['migrations']>;
import { ConfigError, defineEnv, type EnvValues } from './config.js';

/** Database variables every service reads: `DATABASE_URL`, or the libpq `PG*` set. */
export const databaseEnv = defineEnv({
  DATABASE_URL: { kind: 'url', describe: 'Postgres connection URL, e.g. postgres://user:pass@host:5432/db (or set PGHOST, PGDATABASE, …)' },
  PGHOST: { kind: 'string', describe: 'Postgres host, used when DATABASE_URL is unset' },
  PGPORT: { kind: 'int', describe: 'Postgres port, used when DATABASE_URL is unset', min: 1, max: 65535 },
  PGUSER: { kind: 'string', describe: 'Postgres user, used when DATABASE_URL is unset' },
  PGPASSWORD: { kind: 'string', describe: 'Postgres password, used when DATABASE_URL is unset' },
  PGDATABASE: { kind: 'string', describe: 'Postgres database, used when DATABASE_URL is unset' },
  DB_POOL_MAX: { kind: 'int', default: '5', min: 1, max: 100, describe: 'Connections per service pool (many demo services share one cluster)' },
  DB_CONNECT_TIMEOUT_MS: { kind: 'duration', default: '5000', min: 100, describe: 'Give up connecting to Postgres after this many milliseconds' },
  DB_STATEMENT_TIMEOUT_MS: { kind: 'duration', default: '10000', min: 100, describe: 'Postgres statement_timeout for every statement the service runs' },
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: { kind: 'duration', default: '15000', min: 100, describe: 'Postgres idle_in_transaction_session_timeout' },
});

export type DatabaseEnv = EnvValues<typeof databaseEnv.spec>;

export interface DatabaseConfig {
  url?: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** Turn the database variables into connection settings, failing at boot if there is nowhere to connect. */
export function databaseConfigFrom(env: DatabaseEnv): DatabaseConfig {
  if (!env.DATABASE_URL && !env.PGDATABASE) {
    throw new ConfigError('DATABASE_URL', 'is not set (nor PGDATABASE)', 'Set DATABASE_URL=postgres://user@host:5432/db, or PGHOST/PGDATABASE/PGUSER');
  }
  return {
    url: env.DATABASE_URL,
    host: env.PGHOST,
    port: env.PGPORT,
    user: env.PGUSER,
    password: env.PGPASSWORD,
    database: env.PGDATABASE,
    poolMax: env.DB_POOL_MAX,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

export interface DataSourceOptions {
  config: DatabaseConfig;
  entities: EntityList;
  migrations: MigrationList;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  logger?: TypeOrmLogger;
  /**
   * Run every connection as this role (a startup option): the service's role
   * for serving, which owns no table and cannot bypass row-level security.
   */
  role?: string;
}

/**
 * A TypeORM DataSource on Postgres. The schema is built by migrations only:
 * `synchronize` is off, and `migrate` runs them (each in its own transaction).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const { config } = options;
  return new DataSource({
    type: 'postgres',
    url: config.url,
    host: config.host,
    port: config.port,
    username: config.user,
    password: config.password,
    database: config.database,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: options.applicationName,
    connectTimeoutMS: config.connectTimeoutMs,
    logger: options.logger,
    logging: options.logger ? 'all' : false,
    extra: {
      max: config.poolMax,
      connectionTimeoutMillis: config.connectTimeoutMs,
      statement_timeout: config.statementTimeoutMs,
      idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs,
      idleTimeoutMillis: 30_000,
      ...(options.role ? { options: `-c role=${options.role}` } : {}),
    },
  });
}

/** Initialise the DataSource and bring its schema up to date. Returns the names of migrations applied now. */
export async function connectAndMigrate(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

/** Create the DataSource, connect, and apply pending migrations (logging which). */
export async function openDatabase(options: DataSourceOptions, logger: { info(message: string): void }): Promise<DataSource> {
  const dataSource = createDataSource(options);
  const applied = await connectAndMigrate(dataSource);
  if (applied.length > 0) logger.info(`applied migrations: ${applied.join(', ')}`);
  return dataSource;
}

/** Postgres' SQLSTATE for a unique violation. */
export const UNIQUE_VIOLATION = '23505';

/** The Postgres error code (SQLSTATE) and constraint of a failed statement, as pg and TypeORM report them. */
export function postgresErrorOf(error: unknown): { code?: string; constraint?: string } {
  const driver = (error as { driverError?: { code?: unknown; constraint?: unknown } } | null)?.driverError ?? (error as { code?: unknown; constraint?: unknown } | null);
  return {
    code: typeof driver?.code === 'string' ? driver.code : undefined,
    constraint: typeof driver?.constraint === 'string' ? driver.constraint : undefined,
  };
}
