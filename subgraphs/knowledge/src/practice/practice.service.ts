import { randomBytes } from 'node:crypto';
import { badInput, countryCodes, enumList, ErrorCode, HubError, notFound, optionalText, recordAudit, requireRole, requiredText, yearBetween, type Principal } from '@wps/kit';
import { ADMIN_ROLES, isNetworkAdmin, NETWORK_ROLES } from '../common/access.js';
import { ModerationDecision, PracticeStatus, type Theme } from '../common/enums.js';
import { writeTransaction, type KnowledgeRequest } from '../common/request.js';
import { slugOf } from '../common/slug.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import { GoodPracticeEntity } from './practice.entity.js';
import type { ProposeGoodPracticeInput } from './practice.inputs.js';
import { toPractice } from './practice.mapper.js';
import type { GoodPractice } from './practice.type.js';

/*
 * Good practices: what the caller may see, proposals by network members and
 * moderation by network admins.
 */

export interface PracticeFilter {
  theme?: Theme | null;
  countryCode?: string | null;
  status?: PracticeStatus | null;
}

/** Published practices are public; a draft or rejected proposal is seen by its proposer and network admins only. */
export function canSeePractice(principal: Principal, practice: Pick<GoodPractice, 'status' | 'proposedBy'>): boolean {
  if (practice.status === PracticeStatus.PUBLISHED) return true;
  if (principal.anonymous) return false;
  return isNetworkAdmin(principal) || practice.proposedBy === principal.subject;
}

/** The moderation note is for the proposer and network admins. */
export function canSeeModeration(principal: Principal, practice: Pick<GoodPractice, 'proposedBy'>): boolean {
  return isNetworkAdmin(principal) || (!principal.anonymous && practice.proposedBy === principal.subject);
}

/** The practice if the caller may see it; null (as if it did not exist) otherwise. */
export function visiblePractice(principal: Principal, practice: GoodPractice | null): GoodPractice | null {
  return practice && canSeePractice(principal, practice) ? practice : null;
}

/**
 * Practices by title; filter by theme, country and status (default
 * PUBLISHED). Asking for DRAFT or REJECTED needs a sign-in: admins get every
 * one, other members their own proposals.
 */
export async function listPractices(request: KnowledgeRequest, filter: PracticeFilter): Promise<GoodPractice[]> {
  const { principal } = request;
  const status = filter.status ?? PracticeStatus.PUBLISHED;
  const query = request.dataSource.getRepository(GoodPracticeEntity).createQueryBuilder('practice').orderBy('practice.title', 'ASC').addOrderBy('practice.id', 'ASC');
  query.where('practice.status = :status', { status });
  if (status !== PracticeStatus.PUBLISHED) {
    requireRole(principal, NETWORK_ROLES, 'see unpublished practices');
    if (!isNetworkAdmin(principal)) query.andWhere('practice.proposed_by = :subject', { subject: principal.subject });
  }
  if (filter.theme) query.andWhere(':theme = ANY(practice.themes)', { theme: filter.theme });
  if (filter.countryCode) query.andWhere(':country = ANY(practice.country_codes)', { country: filter.countryCode.trim().toUpperCase() });
  return (await query.getMany()).map(toPractice);
}

/** A network member proposes a practice: stored as a DRAFT, with an audit row, in one transaction. */
export async function proposePractice(request: KnowledgeRequest, input: ProposeGoodPracticeInput): Promise<GoodPractice> {
  const { principal } = request;
  requireRole(principal, NETWORK_ROLES, 'propose a good practice');
  const title = requiredText(input.title, 'input.title', { min: 5, max: 160 });
  const row = {
    title,
    summary: requiredText(input.summary, 'input.summary', { min: 20, max: 1000 }),
    themes: enumList(input.themes, 'input.themes', 1, 5),
    countryCodes: countryCodes(input.countryCodes ?? [], 'input.countryCodes'),
    pillars: enumList(input.pillars ?? [], 'input.pillars', 0, 4),
    frameworks: enumList(input.frameworks ?? [], 'input.frameworks', 0, 4),
    year: input.year == null ? null : yearBetween(input.year, 'input.year', 1990, new Date().getUTCFullYear() + 1),
    evidence: optionalText(input.evidence, 'input.evidence', 4000),
    source: optionalText(input.source, 'input.source', 500) ?? 'Proposed by a network member',
    sessionId: optionalText(input.sessionId, 'input.sessionId', 200),
  };
  const base = slugOf(title).slice(0, 80).replace(/-$/, '');
  if (base.length === 0) throw badInput('input.title', 'input.title must contain letters or digits.');
  return writeTransaction(request, async (manager) => {
    if (row.sessionId && !(await manager.existsBy(LearningSessionEntity, { id: row.sessionId }))) {
      throw badInput('input.sessionId', `No learning session with id "${row.sessionId}".`);
    }
    const id = `${base}-${randomBytes(3).toString('hex')}`;
    await manager.insert(GoodPracticeEntity, {
      id,
      ...row,
      status: PracticeStatus.DRAFT,
      proposedBy: principal.subject,
      proposedAt: new Date(),
      isDemo: false,
    });
    const practice = toPractice(await manager.findOneByOrFail(GoodPracticeEntity, { id }));
    await recordAudit(manager, { actor: principal.subject, action: 'proposeGoodPractice', entity: 'good_practice', entityId: id, after: practice });
    return practice;
  });
}

/** A network admin publishes or rejects a DRAFT, with a note; one transaction with its audit row. */
export async function moderatePractice(request: KnowledgeRequest, id: string, decision: ModerationDecision, note: string | null | undefined): Promise<GoodPractice> {
  const { principal } = request;
  requireRole(principal, ADMIN_ROLES, 'moderate good practices');
  const moderationNote = optionalText(note, 'note', 2000);
  return writeTransaction(request, async (manager) => {
    const row = await manager.findOne(GoodPracticeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('id', 'good practice');
    if (row.status !== PracticeStatus.DRAFT) {
      throw new HubError(ErrorCode.BAD_USER_INPUT, `Only a DRAFT can be moderated; "${id}" is ${row.status}.`, { field: 'id', status: row.status });
    }
    const before = toPractice(row);
    await manager.update(
      GoodPracticeEntity,
      { id },
      {
        status: decision === ModerationDecision.PUBLISH ? PracticeStatus.PUBLISHED : PracticeStatus.REJECTED,
        moderatedBy: principal.subject,
        moderatedAt: new Date(),
        moderationNote,
      },
    );
    const after = toPractice(await manager.findOneByOrFail(GoodPracticeEntity, { id }));
    await recordAudit(manager, { actor: principal.subject, action: 'moderateGoodPractice', entity: 'good_practice', entityId: id, before, after });
    return after;
  });
}
