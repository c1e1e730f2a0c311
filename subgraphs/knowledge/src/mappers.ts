import type { SessionAccess, SessionFormat, SessionKind, Theme } from './enums.js';
import type { GoodPracticeEntity } from './practice/practice.entity.js';
import type { GoodPractice } from './practice/practice.type.js';
import type { LearningSessionEntity } from './session/session.entity.js';
import type { LearningSession } from './session/session.type.js';

export function toPractice(row: GoodPracticeEntity): GoodPractice {
  return { ...row, themes: row.themes as Theme[] };
}

export function toSession(row: LearningSessionEntity): LearningSession {
  return {
    ...row,
    kind: row.kind as SessionKind,
    access: row.access as SessionAccess | null,
    formats: row.formats as SessionFormat[],
    themes: row.themes as Theme[],
  };
}
