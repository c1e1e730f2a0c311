import type { EntityManager } from 'typeorm';

/**
 * SQL of the append-only audit log every service keeps in the database its
 * writes change (who, when, what, before and after). Run it from a
 * migration; the trigger refuses updates and deletes, so history cannot be
 * rewritten by the service itself.
 */
export const AUDIT_LOG_MIGRATION_SQL: readonly string[] = [
  `CREATE TABLE audit_log (
     id bigserial PRIMARY KEY,
     at timestamptz NOT NULL DEFAULT now(),
     actor text NOT NULL,
     action text NOT NULL,
     entity text NOT NULL,
     entity_id text,
     country_code char(2),
     before jsonb,
     after jsonb
   )`,
  `CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at)`,
  `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'the audit log is append-only';
   END $$`,
  `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
];

export const AUDIT_LOG_ROLLBACK_SQL: readonly string[] = [
  `DROP TRIGGER audit_log_append_only ON audit_log`,
  `DROP FUNCTION audit_log_append_only()`,
  `DROP TABLE audit_log`,
];

export interface AuditEntry {
  /** The principal's subject. */
  actor: string;
  /** What was done, e.g. "recordMeasurement". */
  action: string;
  /** The table or contract type changed, e.g. "measurement". */
  entity: string;
  entityId?: string | null;
  countryCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Record one write in the audit log, inside the write's own transaction (both land, or neither). */
export async function recordAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    // Schema-qualified: a temporary table named audit_log (searched first) must not capture the entry.
    `INSERT INTO public.audit_log (actor, action, entity, entity_id, country_code, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.actor,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      entry.countryCode ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

/**
 * SQL that audits every row change of `tables` with triggers, so no write
 * path can forget it: the actor and the operation come from the transaction's
 * settings `wps.actor` and `wps.action` (see `setAuditActor`); a change made
 * outside the service (a DBA, a migration) is recorded as such.
 */
export function auditTriggerSql(tables: readonly string[]): string[] {
  return [
    `CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE
       row_id text := COALESCE(to_jsonb(NEW) ->> 'id', to_jsonb(OLD) ->> 'id', to_jsonb(NEW) ->> 'indicator_id', to_jsonb(OLD) ->> 'indicator_id');
     BEGIN
       INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
       VALUES (
         COALESCE(NULLIF(current_setting('wps.actor', true), ''), 'database:' || current_user),
         COALESCE(NULLIF(current_setting('wps.action', true), ''), lower(TG_OP)),
         TG_TABLE_NAME,
         row_id,
         CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END,
         CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END
       );
       RETURN NULL;
     END $$`,
    ...tables.map((table) => `CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_row_change()`),
  ];
}

/**
 * The audit functions again, hardened (run from a later migration; they
 * replace what `AUDIT_LOG_MIGRATION_SQL` and `auditTriggerSql` created):
 * - each pins its search_path (pg_catalog first, pg_temp last) and names
 *   every table with its schema, so a temporary table called audit_log,
 *   which Postgres would otherwise search first, cannot capture the
 *   trigger's writes;
 * - TRUNCATE, which row triggers never see, is refused on the audit log by a
 *   statement trigger (the service's role has no TRUNCATE anywhere either).
 */
/** The audit log's own guard with a pinned search_path, and TRUNCATE refused too (every service's audit log). */
export const AUDIT_LOG_HARDENING_SQL: readonly string[] = [
  `CREATE OR REPLACE FUNCTION public.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
   SET search_path = pg_catalog, pg_temp AS $$
   BEGIN
     RAISE EXCEPTION 'the audit log is append-only';
   END $$`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION public.audit_log_append_only()`,
];

export const AUDIT_HARDENING_SQL: readonly string[] = [
  ...AUDIT_LOG_HARDENING_SQL,
  `CREATE OR REPLACE FUNCTION public.audit_row_change() RETURNS trigger LANGUAGE plpgsql
   SET search_path = pg_catalog, pg_temp AS $$
   DECLARE
     row_id text := COALESCE(pg_catalog.to_jsonb(NEW) ->> 'id', pg_catalog.to_jsonb(OLD) ->> 'id', pg_catalog.to_jsonb(NEW) ->> 'indicator_id', pg_catalog.to_jsonb(OLD) ->> 'indicator_id');
   BEGIN
     INSERT INTO public.audit_log (actor, action, entity, entity_id, before, after)
     VALUES (
       COALESCE(NULLIF(pg_catalog.current_setting('wps.actor', true), ''), 'database:' || current_user),
       COALESCE(NULLIF(pg_catalog.current_setting('wps.action', true), ''), pg_catalog.lower(TG_OP)),
       TG_TABLE_NAME,
       row_id,
       CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE pg_catalog.to_jsonb(OLD) END,
       CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE pg_catalog.to_jsonb(NEW) END
     );
     RETURN NULL;
   END $$`,
];

/** Undo `AUDIT_HARDENING_SQL`'s trigger (the functions stay, as the earlier migrations' rollbacks drop them). */
export const AUDIT_HARDENING_ROLLBACK_SQL: readonly string[] = [`DROP TRIGGER audit_log_no_truncate ON public.audit_log`];

/** Name the actor and the operation of the current transaction, for the audit triggers. */
export async function setAuditActor(manager: EntityManager, actor: string, action: string): Promise<void> {
  await manager.query(`SELECT set_config('wps.actor', $1, true), set_config('wps.action', $2, true)`, [actor, action]);
}

/**
 * Grants of a hub service's login role (regional, knowledge), which owns
 * nothing: it reads and writes the service's tables, appends to the audit
 * log and never changes or empties it, and gets the same on tables later
 * migrations add. The role is created NOLOGIN here if it is missing (race-safe);
 * `ensureServiceLogin` gives it its login at start.
 */
export function hubServiceGrantsSql(role: string): string[] {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`invalid role name ${JSON.stringify(role)}`);
  return [
    `DO $$ BEGIN
       CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_log FROM ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    ...AUDIT_LOG_HARDENING_SQL,
  ];
}

/** Undo `hubServiceGrantsSql` (the role stays: it is the cluster's). */
export function hubServiceGrantsRollbackSql(role: string): string[] {
  return [
    ...AUDIT_HARDENING_ROLLBACK_SQL,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${role}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`,
    `REVOKE USAGE ON SCHEMA public FROM ${role}`,
  ];
}

/** The login role the hub's own services (regional, knowledge) serve with. */
export const HUB_SERVICE_ROLE = 'wps_hub_app';
