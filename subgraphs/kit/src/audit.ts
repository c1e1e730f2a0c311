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
    `INSERT INTO audit_log (actor, action, entity, entity_id, country_code, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
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

/** Name the actor and the operation of the current transaction, for the audit triggers. */
export async function setAuditActor(manager: EntityManager, actor: string, action: string): Promise<void> {
  await manager.query(`SELECT set_config('wps.actor', $1, true), set_config('wps.action', $2, true)`, [actor, action]);
}
