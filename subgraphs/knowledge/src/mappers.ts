import type { AlignmentFramework, OrganisationKind, Pillar, PracticeStatus, RegistrationStatus, ResourceKind, SessionAccess, SessionFormat, SessionKind, Theme } from './enums.js';
import type { FocalPointEntity } from './focal-point/focal-point.entity.js';
import type { FocalPoint } from './focal-point/focal-point.type.js';
import type { ForumPostEntity } from './forum/forum-post.entity.js';
import type { ForumThreadEntity } from './forum/forum-thread.entity.js';
import type { ForumPost, ForumThread } from './forum/forum.type.js';
import type { GoodPracticeEntity } from './practice/practice.entity.js';
import type { GoodPractice } from './practice/practice.type.js';
import type { SessionRegistrationEntity } from './registration/registration.entity.js';
import type { SessionRegistration } from './registration/registration.type.js';
import type { ResourceEntity } from './resource/resource.entity.js';
import type { Resource } from './resource/resource.type.js';
import type { LearningSessionEntity } from './session/session.entity.js';
import type { LearningSession } from './session/session.type.js';

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

export function toResource(row: ResourceEntity): Resource {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ResourceKind,
    publisher: row.publisher,
    year: row.year,
    summary: row.summary,
    url: row.url,
    themes: row.themes as Theme[],
    pillars: row.pillars as Pillar[],
    frameworks: row.frameworks as AlignmentFramework[],
    isDemo: row.isDemo,
    countryCodes: row.countryCodes,
  };
}

export function toFocalPoint(row: FocalPointEntity): FocalPoint {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    organisation: row.organisation,
    organisationKind: row.organisationKind as OrganisationKind,
    regionalOrganisation: row.regionalOrganisation,
    role: row.role,
    isDemo: row.isDemo,
    countryCode: row.countryCode,
  };
}

export function toForumThread(row: ForumThreadEntity): ForumThread {
  return { id: row.id, title: row.title, createdAt: row.createdAt, isDemo: row.isDemo, sessionId: row.sessionId, authorSubject: row.authorSubject, authorName: row.authorName };
}

export function toForumPost(row: ForumPostEntity): ForumPost {
  return { id: row.id, body: row.body, postedAt: row.createdAt, isDemo: row.isDemo, threadId: row.threadId, authorSubject: row.authorSubject, authorName: row.authorName };
}

export function toRegistration(row: SessionRegistrationEntity): SessionRegistration {
  return { id: row.id, status: row.status as RegistrationStatus, registeredAt: row.registeredAt, decidedAt: row.decidedAt, subject: row.subject, sessionId: row.sessionId };
}
