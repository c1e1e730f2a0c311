import type { SessionAccess, SessionFormat, SessionKind, Theme } from '../common/enums.js';
import type { LearningSessionEntity } from './session.entity.js';
import type { LearningSession } from './session.type.js';

export function toSession(row: LearningSessionEntity): LearningSession {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as SessionKind,
    series: row.series,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    startsAtUtc: row.startInstant,
    endsAtUtc: row.endInstant,
    hosts: row.hosts,
    access: row.access as SessionAccess | null,
    chathamHouse: row.chathamHouse,
    formats: row.formats as SessionFormat[],
    objectives: row.objectives,
    guidingQuestions: row.guidingQuestions,
    modules: row.modules,
    breakoutThemes: row.breakoutThemes,
    summary: row.summary,
    outcomes: row.outcomes,
    url: row.url,
    themes: row.themes as Theme[],
    participants: row.participants,
    capacity: row.capacity,
    isDemo: row.isDemo,
  };
}
