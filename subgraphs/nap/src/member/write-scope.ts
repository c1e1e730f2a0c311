import DataLoader from 'dataloader';
import { badInput, currentIdempotency, postgresErrorOf, runIdempotent, setAuditActor, UNIQUE_VIOLATION, type Idempotency } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import type { NapContext } from '../context.js';
import { recorderDisplayName } from './recorder-display.js';
import { authorizeWrite } from './write-access.js';

/** What a service needs to write: the member's database, its country, and who writes. */
export interface WriteScope {
  /** The request's database session (a focal point's own connection): the write's transaction runs on it. */
  session(): Promise<EntityManager>;
  /** The country this member serves (rows are mapped to contract types with it). */
  countryCode: string;
  /** Recorded as recorded_by / published_by, and in the audit log: the token subject. */
  actor: string;
  /** What the public sees of the actor (measurement.recorded_by_display): a role and a country, never the subject. */
  actorDisplay: string;
  /** The mutation, for the audit log. */
  action: string;
  /** The key the mutation was sent with: a retry returns the first result (kit idempotency.ts). */
  idempotency?: Idempotency;
}

/**
 * Authorise a write (write-access.ts) and give the service what it needs.
 * The request's loaders are emptied first: mutations run one after another,
 * and an earlier one's result may have cached rows this one changes.
 */
export function openWriteScope(context: NapContext, countryCode: string): WriteScope {
  const { actor, action } = authorizeWrite(context, countryCode);
  for (const loader of Object.values(context.loaders)) if (loader instanceof DataLoader) loader.clearAll();
  return { session: context.session, countryCode: context.countryCode, actor, actorDisplay: recorderDisplayName(context.countryCode), action, idempotency: currentIdempotency(context) };
}

/** Unique constraints of the NAP database, as the input field a client must change. */
const UNIQUE_CONSTRAINTS: Record<string, { field: string; message: string }> = {
  national_action_plan_iteration_key: { field: 'input.iteration', message: 'This member already has a plan with that iteration.' },
  implementing_partner_plan_id_name_key: { field: 'input.name', message: 'The plan already has an implementing partner with that name.' },
  outcome_plan_id_code_key: { field: 'input.code', message: 'The plan already has an outcome with that code.' },
  output_outcome_id_code_key: { field: 'input.code', message: 'The outcome already has an output with that code.' },
  activity_output_id_code_key: { field: 'input.code', message: 'The output already has an activity with that code.' },
  indicator_plan_id_code_key: { field: 'input.code', message: 'The plan already has an indicator with that code.' },
  local_action_plan_plan_id_level_area_name_key: { field: 'input.areaName', message: 'The national plan already has a local plan for that area at that level.' },
  local_indicator_local_plan_id_code_key: { field: 'input.code', message: 'The local plan already has an indicator with that code.' },
  local_indicator_one_per_national: { field: 'input.nationalIndicatorId', message: 'The local plan already has an indicator that rolls up to that national indicator.' },
  local_measurement_local_indicator_id_period_key: { field: 'input.period', message: 'The local indicator already has a value for that period.' },
};

/**
 * Run `work` as one transaction: everything it wrote is kept, or (on any
 * error) nothing. With an idempotency key, a retry of a committed write
 * returns its stored result and writes nothing. A unique violation on a code or name becomes BAD_USER_INPUT
 * naming the input field; other database errors stay internal (and masked).
 */
export async function inTransaction<T>(scope: WriteScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await (await scope.session()).transaction(async (manager) => {
      // The audit triggers record every row this transaction changes under this actor and action.
      await setAuditActor(manager, scope.actor, scope.action);
      // Row-level security lets the write through on the focal point's own connection only: its session carries
      // the claim signed for it (context.ts), which no SQL the service's role runs could forge.
      return runIdempotent(manager, scope.actor, scope.idempotency, () => work(manager));
    });
  } catch (error) {
    const { code, constraint } = postgresErrorOf(error);
    const known = code === UNIQUE_VIOLATION && constraint ? UNIQUE_CONSTRAINTS[constraint] : undefined;
    if (known) throw badInput(known.field, known.message);
    throw error;
  }
}
