import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import stableStringify from 'fast-json-stable-stringify';
import { Arg } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { badInput } from './hub-error.js';
import { requiredText } from './input-rules.js';

/**
 * Safe retries of writes. Every mutation takes an optional `idempotencyKey`;
 * the service stores (actor, key, a hash of the operation, the result) in the
 * same transaction as the write, so a client whose answer was lost (a
 * timeout, a dropped connection) sends the same request again and gets the
 * first result, without the write being applied twice.
 */

/** How long a key is remembered: a retry after that is a new write. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
/** extensions.reason of the BAD_USER_INPUT for a key reused with another write. */
export const IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED';

/** SQL of the table that remembers keys, for each service's migration. */
export const IDEMPOTENCY_MIGRATION_SQL: readonly string[] = [
  `CREATE TABLE idempotency_key (
     actor text NOT NULL,
     key text NOT NULL,
     operation text NOT NULL,
     operation_hash text NOT NULL,
     result jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     expires_at timestamptz NOT NULL,
     PRIMARY KEY (actor, key)
   )`,
  `CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at)`,
];
export const IDEMPOTENCY_ROLLBACK_SQL: readonly string[] = [`DROP TABLE idempotency_key`];

/** The key a mutation was sent with, and what it asked (the root field and every other argument). */
export interface Idempotency {
  key: string;
  operation: string;
  operationHash: string;
}

/** The `idempotencyKey` argument every mutation declares (as its first parameter: type-graphql lists it last). */
export const IdempotencyKeyArg = () =>
  Arg('idempotencyKey', () => String, {
    nullable: true,
    description: `Retry safely (1 to 200 visible ASCII characters, e.g. a UUID): the same key with the same arguments returns the first result without writing again (for 24 hours, per signed-in user); the same key with other arguments is BAD_USER_INPUT (reason ${IDEMPOTENCY_KEY_REUSED}).`,
  });

/** The operation a key stands for: the root field and its arguments other than the key, in a canonical form. */
export function idempotencyOf(operation: string, args: Record<string, unknown>): Idempotency | undefined {
  const { idempotencyKey, ...rest } = args;
  if (idempotencyKey === undefined || idempotencyKey === null) return undefined;
  const operationHash = createHash('sha256').update(stableStringify({ operation, args: rest })).digest('hex');
  return { key: String(idempotencyKey), operation, operationHash };
}

const current = new WeakMap<object, Idempotency>();

/** The key of the mutation now being resolved in this request (set by idempotencyPlugin), if it was sent one. */
export function currentIdempotency(context: object): Idempotency | undefined {
  return current.get(context);
}

/** Reads each root mutation field's `idempotencyKey` into the request (mutations run one after another). */
export function idempotencyPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        // Only a mutation has root fields to read: a query's fields run without a hook (Apollo then calls none per field).
        async executionDidStart({ operation }) {
          if (operation.operation !== 'mutation') return;
          return {
            willResolveField({ contextValue, info, args }) {
              if (info.path.prev !== undefined || info.parentType !== info.schema.getMutationType()) return;
              const idempotency = idempotencyOf(info.fieldName, args);
              if (idempotency) current.set(contextValue, idempotency);
              else current.delete(contextValue);
            },
          };
        },
      };
    },
  };
}

/** A key is 1 to 200 visible ASCII characters (a UUID is the usual choice): no spaces, controls or NUL, which Postgres text refuses. */
function idempotencyKeyOf(value: string): string {
  const key = requiredText(value, 'idempotencyKey', { max: IDEMPOTENCY_KEY_MAX_LENGTH });
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    if (code < 0x21 || code > 0x7e) throw badInput('idempotencyKey', `idempotencyKey must be visible ASCII characters only (a UUID, for example); character ${index + 1} is not.`);
  }
  return key;
}

// Results are stored as JSON; dates are tagged so a replay returns what the first answer did.
const DATE_TAG = '$date';
function encodeResult(result: unknown): string {
  return JSON.stringify(result, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
  });
}
function decodeResult<T>(text: string): T {
  return JSON.parse(text, (_key, value) =>
    value !== null && typeof value === 'object' && Object.keys(value).length === 1 && typeof value[DATE_TAG] === 'string' ? new Date(value[DATE_TAG]) : value,
  ) as T;
}

/**
 * Run `work` (a write, on `manager`, inside its transaction) once per
 * (actor, key): a retry with the same operation returns the stored result
 * and writes nothing; another operation under the same key is
 * BAD_USER_INPUT. The key is stored in the write's own transaction, so it
 * exists exactly when the write does. Concurrent retries wait for each
 * other (a transaction-scoped advisory lock on the key). Without a key,
 * `work` just runs.
 */
export async function runIdempotent<T>(manager: EntityManager, actor: string, idempotency: Idempotency | undefined, work: () => Promise<T>): Promise<T> {
  if (!idempotency) return work();
  const key = idempotencyKeyOf(idempotency.key);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`idempotency\n${actor}\n${key}`]);
  const [stored] = (await manager.query(`SELECT operation_hash, result::text AS result FROM idempotency_key WHERE actor = $1 AND key = $2 AND expires_at > now()`, [actor, key])) as {
    operation_hash: string;
    result: string;
  }[];
  if (stored) {
    if (stored.operation_hash !== idempotency.operationHash) {
      throw badInput('idempotencyKey', 'This idempotency key was already used for a different write: use a new key for a new write.', { reason: IDEMPOTENCY_KEY_REUSED });
    }
    return decodeResult<T>(stored.result);
  }
  const result = await work();
  // Forget expired keys as we go (a few at a time; rows another transaction holds are left for later).
  await manager.query(
    `DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key WHERE expires_at <= now() LIMIT 100 FOR UPDATE SKIP LOCKED)`,
  );
  await manager.query(
    `INSERT INTO idempotency_key (actor, key, operation, operation_hash, result, expires_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, now() + make_interval(secs => $6))
     ON CONFLICT (actor, key) DO UPDATE SET operation = EXCLUDED.operation, operation_hash = EXCLUDED.operation_hash,
       result = EXCLUDED.result, created_at = now(), expires_at = EXCLUDED.expires_at`,
    [actor, key, idempotency.operation, idempotency.operationHash, encodeResult(result ?? null), IDEMPOTENCY_KEY_TTL_SECONDS],
  );
  return result;
}
