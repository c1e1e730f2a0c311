import { createHmac } from 'node:crypto';
import { DataSource, type DataSourceOptions as TypeOrmOptions, type Logger as TypeOrmLogger } from 'typeorm';

/** The entity classes (or schemas) a data source maps, as TypeORM takes them. */
export type EntityList = NonNullable<TypeOrmOptions['entities']>;
/** The migration classes a data source runs, as TypeORM takes them. */
export type MigrationList = NonNullable<TypeOrmOptions['migrations']>;
import { ConfigError, defineEnv, type EnvValues } from './config.js';

/** Database variables every service reads: `DATABASE_URL`, or the libpq `PG*` set. */
export const databaseEnv = defineEnv({
  DATABASE_URL: { kind: 'url', describe: 'Postgres connection URL of the role that runs the migrations and owns the tables, e.g. postgres://owner:pass@host:5432/db (or set PGHOST, PGDATABASE, …)' },
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

/** The variable of a service that serves as a login role of its own, apart from the migrations role (the NAP service). */
export const serviceLoginEnv = defineEnv({
  DATABASE_APP_URL: {
    kind: 'url',
    describe:
      "Postgres connection URL the service serves with, a LOGIN role that owns nothing (default: the service's role on DATABASE_URL's server and database, with a password derived from DATABASE_URL's)",
  },
});

export interface DatabaseConfig {
  url?: string;
  /** DATABASE_APP_URL (services that read `serviceLoginEnv`): where the service serves from, when not derived (see `serviceLoginConfig`). */
  appUrl?: string;
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
export function databaseConfigFrom(env: DatabaseEnv & { DATABASE_APP_URL?: string }): DatabaseConfig {
  if (!env.DATABASE_URL && !env.PGDATABASE) {
    throw new ConfigError('DATABASE_URL', 'is not set (nor PGDATABASE)', 'Set DATABASE_URL=postgres://user@host:5432/db, or PGHOST/PGDATABASE/PGUSER');
  }
  return {
    url: env.DATABASE_URL,
    appUrl: env.DATABASE_APP_URL,
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
   * A connection for a service's start only (migrations, the demo seed),
   * destroyed before it serves: its commits do not wait for the WAL to reach
   * disk (`synchronous_commit=off`). A crash can lose only the last commits
   * of the start itself, which the next start then makes again (a migration
   * is recorded in its own transaction); nothing a client was told is saved
   * ever goes through it. Never set it on a connection that serves.
   */
  startUpOnly?: boolean;
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
      ...(options.startUpOnly ? { options: '-c synchronous_commit=off' } : {}),
    },
  });
}

/**
 * The password of a service's login role, derived from the migrations
 * role's: whoever holds the owner's password may serve, nobody else learns it
 * (HMAC-SHA256, base64url: no character that needs quoting). A deployment
 * that sets DATABASE_APP_URL chooses its own.
 */
export function deriveServicePassword(ownerPassword: string, role: string): string {
  return createHmac('sha256', ownerPassword).update(`wps-service-login:${role}`).digest('base64url');
}

/**
 * The connection settings a service serves with: DATABASE_APP_URL when set,
 * else the owner's server and database as `role`, with the password derived
 * from the owner's (`deriveServicePassword`). The owner's settings
 * (`config` itself) are for migrations only.
 */
export function serviceLoginConfig(config: DatabaseConfig, role: string): DatabaseConfig {
  if (config.appUrl) return { ...config, url: config.appUrl, host: undefined, port: undefined, user: undefined, password: undefined, database: undefined };
  if (config.url) {
    const url = new URL(config.url);
    const ownerPassword = decodeURIComponent(url.password);
    url.username = encodeURIComponent(role);
    url.password = ownerPassword ? deriveServicePassword(ownerPassword, role) : '';
    return { ...config, url: url.toString() };
  }
  return { ...config, user: role, password: config.password ? deriveServicePassword(config.password, role) : undefined };
}

/** The password Postgres would check for the owner of `config` (URL first, then PGPASSWORD). */
function ownerPasswordOf(config: DatabaseConfig): string | undefined {
  if (config.url) return decodeURIComponent(new URL(config.url).password) || undefined;
  return config.password;
}

/** Postgres' SQLSTATEs of a catalogue race: another session created or changed the same role at once. */
const ROLE_RACES = new Set(['42710', '23505', 'XX000', '40001']);

/**
 * Make sure the service's login role exists and may log in: LOGIN, not a
 * superuser, no CREATEDB/CREATEROLE/REPLICATION/BYPASSRLS, owning nothing.
 * Roles are cluster-wide and many members may share a cluster: the launcher
 * calls this once before any member starts, and a member that finds the role
 * ready changes nothing (so 55 members starting at once never contend); if it
 * is missing, the role is created with the derived password, and a
 * concurrent creation is no failure. A role that already logs in keeps its
 * password: a deployment that chose another sets DATABASE_APP_URL.
 * `query` runs one statement as a role with CREATEROLE (the owner, the
 * launcher's admin).
 */
export async function ensureServiceLogin(query: (sql: string, parameters?: unknown[]) => Promise<unknown>, config: DatabaseConfig, role: string): Promise<void> {
  if (config.appUrl) return; // the deployment manages its own login role
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`invalid role name ${JSON.stringify(role)}`);
  const ownerPassword = ownerPasswordOf(config);
  const password = ownerPassword ? `PASSWORD '${deriveServicePassword(ownerPassword, role)}'` : '';
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ${password}`;
  for (let attempt = 0; ; attempt += 1) {
    const [found] = (await query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = $1`, [role])) as { rolcanlogin: boolean }[];
    if (found?.rolcanlogin) return;
    try {
      await query(found ? `ALTER ROLE ${role} ${attributes}` : `CREATE ROLE ${role} ${attributes}`);
      return;
    } catch (error) {
      if (attempt >= 5 || !ROLE_RACES.has(postgresErrorOf(error).code ?? '')) throw error;
    }
  }
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
