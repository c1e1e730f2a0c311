import type { CivicAuthorEntity } from './civic-author.entity.js';
import type { CivicAuthorKind, CivicStatementKind, CivicStatementStatus, CivicTarget } from './civic-enums.js';
import type { CivicStatementEntity } from './civic-statement.entity.js';
import type { CivicAuthor, CivicStatement } from './civic-voice.type.js';

export function toCivicStatement(row: CivicStatementEntity): CivicStatement {
  return {
    id: row.id,
    kind: row.kind as CivicStatementKind,
    countryCode: row.countryCode,
    target: row.targetType as CivicTarget,
    targetId: row.targetId,
    title: row.title,
    body: row.body,
    sourceUrl: row.sourceUrl,
    organisation: row.organisation,
    authorKind: row.authorKind as CivicAuthorKind,
    status: row.status as CivicStatementStatus,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    isDemo: row.isDemo,
    authorSubject: row.authorSubject,
  };
}

export function toCivicAuthor(row: CivicAuthorEntity): CivicAuthor {
  return { subject: row.subject, organisation: row.organisation, kind: row.kind as CivicAuthorKind, countryCode: row.countryCode, registeredAt: row.registeredAt };
}
