import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Drafts, and writes, are the database's to allow, not a session setting's:
 * any role can `SET wps.drafts = 'on'`, and so could a SQL injection or a
 * bug in the service. So row-level security asks
 * `public.wps_focal_point_session()`, a security-definer function that
 * accepts the session only if its setting `wps.focal_point_claim` holds a
 * claim the service signed for this very connection:
 *
 *     <backend pid>:<expiry, epoch seconds>:<HMAC-SHA256(key, "focal-point:<pid>:<expiry>")>
 *
 * The key is per member database, made by the migration, in a table
 * (`member_draft_key`) only the migrations role can read. The service reads
 * it once at start, on its owner connection (before it serves), and keeps
 * it in memory: the role it serves as can neither read the key nor forge a
 * claim, and a claim copied from one connection is worthless on another
 * (the pid) or after a while (the expiry).
 *
 * The key is stored as HMAC's two padded keys (key XOR ipad, key XOR opad),
 * so Postgres computes the HMAC with its built-in sha256() alone: no
 * extension (pgcrypto) is needed on the member's server.
 */
export const FOCAL_POINT_CLAIM_SETTING = 'wps.focal_point_claim';

/** How long a claim holds: longer than any request keeps its connection (the statement and idle timeouts are seconds). */
export const FOCAL_POINT_CLAIM_LIFETIME_SECONDS = 300;

/** HMAC-SHA256's padded keys: (key XOR ipad) and (key XOR opad), 64 bytes each. */
export interface DraftKey {
  inner: Buffer;
  outer: Buffer;
}

/** A fresh random key (the migration stores it). */
export function newDraftKey(): DraftKey {
  const key = Buffer.alloc(64);
  randomBytes(32).copy(key);
  return { inner: Buffer.from(key.map((byte) => byte ^ 0x36)), outer: Buffer.from(key.map((byte) => byte ^ 0x5c)) };
}

/** The claim that a focal point of this member is served on the connection of backend `pid`. */
export function signFocalPointClaim(key: DraftKey, pid: number, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + FOCAL_POINT_CLAIM_LIFETIME_SECONDS;
  const message = `focal-point:${pid}:${expires}`;
  const inner = createHash('sha256').update(key.inner).update(message, 'utf8').digest();
  const mac = createHash('sha256').update(key.outer).update(inner).digest('hex');
  return `${pid}:${expires}:${mac}`;
}

/** Read the member database's key, as the migrations role (the role the service serves as cannot). */
export async function readDraftKey(owner: DataSource): Promise<DraftKey> {
  const [row] = (await owner.query(`SELECT inner_pad, outer_pad FROM public.member_draft_key`)) as { inner_pad: Buffer; outer_pad: Buffer }[];
  if (!row) throw new Error('the member database has no draft key: its migrations have not run');
  return { inner: row.inner_pad, outer: row.outer_pad };
}

/**
 * SQL of the function row-level security asks (see above). It pins its
 * search_path and names every object with its schema, so nothing the
 * service's role creates (a temporary table or function) can stand in.
 */
export const FOCAL_POINT_SESSION_FUNCTION_SQL = `
  CREATE FUNCTION public.wps_focal_point_session() RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  DECLARE
    claim text := pg_catalog.current_setting('${FOCAL_POINT_CLAIM_SETTING}', true);
    parts text[];
    stored record;
  BEGIN
    IF claim IS NULL OR claim !~ '^[0-9]{1,10}:[0-9]{1,12}:[0-9a-f]{64}$' THEN
      RETURN false;
    END IF;
    parts := pg_catalog.string_to_array(claim, ':');
    IF parts[1]::bigint <> pg_catalog.pg_backend_pid() OR parts[2]::bigint < extract(epoch FROM pg_catalog.now()) THEN
      RETURN false;
    END IF;
    SELECT inner_pad, outer_pad INTO stored FROM public.member_draft_key;
    IF NOT FOUND THEN
      RETURN false;
    END IF;
    RETURN parts[3] = pg_catalog.encode(pg_catalog.sha256(stored.outer_pad || pg_catalog.sha256(stored.inner_pad || pg_catalog.convert_to('focal-point:' || parts[1] || ':' || parts[2], 'UTF8'))), 'hex');
  END $$`;
