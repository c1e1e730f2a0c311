import { badInput, enumList, httpUrl, optionalText, recordAudit, requireRole, requiredText } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { ADMIN_ROLES } from '../common/access.js';
import { SessionTiming } from '../common/enums.js';
import { writeTransaction, type KnowledgeRequest } from '../common/request.js';
import { slugOf } from '../common/slug.js';
import { LearningSessionEntity } from './session.entity.js';
import type { ScheduleLearningSessionInput } from './session.inputs.js';
import { toSession } from './session.mapper.js';
import { hasEnded, ScheduleError, scheduleInZone } from './session-time.js';
import type { LearningSession } from './session.type.js';

/** The calendar: every session latest first; UPCOMING (not yet ended) soonest first; PAST (ended) latest first. */
export async function listSessions(dataSource: DataSource, timing: SessionTiming | null | undefined, now: Date = new Date()): Promise<LearningSession[]> {
  const query = dataSource.getRepository(LearningSessionEntity).createQueryBuilder('session');
  const ends = 'coalesce(session.end_instant, session.start_instant)';
  if (timing === SessionTiming.UPCOMING) query.where(`${ends} > :now`, { now }).orderBy('session.start_instant', 'ASC');
  else if (timing === SessionTiming.PAST) query.where(`${ends} <= :now`, { now }).orderBy('session.start_instant', 'DESC');
  else query.orderBy('session.start_instant', 'DESC');
  return (await query.addOrderBy('session.id', 'ASC').getMany()).map(toSession);
}

export function timingOf(session: LearningSession, now: Date = new Date()): SessionTiming {
  return hasEnded({ startInstant: session.startsAtUtc, endInstant: session.endsAtUtc }, now) ? SessionTiming.PAST : SessionTiming.UPCOMING;
}

/** A network admin puts a session in the calendar; one transaction with its audit row. */
export async function scheduleSession(request: KnowledgeRequest, input: ScheduleLearningSessionInput, now: Date = new Date()): Promise<LearningSession> {
  requireRole(request.principal, ADMIN_ROLES, 'schedule learning sessions');
  const title = requiredText(input.title, 'input.title', { min: 5, max: 200 });
  let schedule;
  try {
    schedule = scheduleInZone(input.localStart.trim(), input.localEnd.trim(), input.timeZone.trim());
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    throw badInput(`input.${error.part}`, `input.${error.part} ${error.message}.`);
  }
  if (schedule.startInstant.getTime() <= now.getTime()) throw badInput('input.localStart', 'input.localStart must be in the future.');
  if (input.capacity !== null && input.capacity !== undefined && (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 10_000)) {
    throw badInput('input.capacity', 'input.capacity must be a whole number from 1 to 10000, or left out for unlimited.');
  }
  const texts = (values: readonly string[], field: string) => values.map((value, index) => requiredText(value, `${field}[${index}]`, { min: 1, max: 500 }));
  const id = `${slugOf(title).slice(0, 80).replace(/-$/, '')}-${input.localStart.slice(0, 10)}`;
  const url = optionalText(input.url, 'input.url');
  const row: Partial<LearningSessionEntity> = {
    id,
    title,
    kind: input.kind,
    series: optionalText(input.series, 'input.series', 200),
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    timeZone: schedule.timeZone,
    startInstant: schedule.startInstant,
    endInstant: schedule.endInstant,
    access: input.access,
    chathamHouse: input.chathamHouse ?? false,
    capacity: input.capacity ?? null,
    hosts: texts(input.hosts ?? [], 'input.hosts'),
    formats: enumList(input.formats ?? [], 'input.formats', 0, 2),
    themes: enumList(input.themes ?? [], 'input.themes', 0, 11),
    summary: optionalText(input.summary, 'input.summary', 2000),
    objectives: texts(input.objectives ?? [], 'input.objectives'),
    guidingQuestions: texts(input.guidingQuestions ?? [], 'input.guidingQuestions'),
    outcomes: [],
    modules: [],
    breakoutThemes: [],
    url: url === null ? null : httpUrl(url, 'input.url'),
    participants: null,
    isDemo: false,
  };
  return writeTransaction(request, async (manager) => {
    if (await manager.existsBy(LearningSessionEntity, { id })) throw badInput('input.title', `A session "${title}" is already scheduled on ${input.localStart.slice(0, 10)}.`);
    await manager.insert(LearningSessionEntity, row);
    const session = toSession(await manager.findOneByOrFail(LearningSessionEntity, { id }));
    await recordAudit(manager, { actor: request.principal.subject, action: 'scheduleLearningSession', entity: 'learning_session', entityId: id, after: session });
    return session;
  });
}
