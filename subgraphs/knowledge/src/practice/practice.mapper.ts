import type { AlignmentFramework, Pillar, PracticeStatus, Theme } from '../common/enums.js';
import type { GoodPracticeEntity } from './practice.entity.js';
import type { GoodPractice } from './practice.type.js';

export function toPractice(row: GoodPracticeEntity): GoodPractice {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    themes: row.themes as Theme[],
    pillars: row.pillars as Pillar[],
    frameworks: row.frameworks as AlignmentFramework[],
    source: row.source,
    year: row.year,
    evidence: row.evidence,
    status: row.status as PracticeStatus,
    proposedAt: row.proposedAt,
    moderatedAt: row.moderatedAt,
    isDemo: row.isDemo,
    countryCodes: row.countryCodes,
    sessionId: row.sessionId,
    proposedBy: row.proposedBy,
    moderationNote: row.moderationNote,
  };
}
