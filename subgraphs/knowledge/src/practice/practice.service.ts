import { randomBytes } from 'node:crypto';
import { badInput, ErrorCode, HubError, recordAudit, requireRole, type Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { ADMIN_ROLES, isNetworkAdmin, NETWORK_ROLES } from '../common/access.js';
import { boundedText, countryCodes, enumList, notFound, optionalText, yearBetween } from '../common/input-rules.js';
import { slugOf } from '../common/slug.js';
import { ModerationDecision, PracticeStatus, type Theme } from '../enums.js';
import { toPractice } from '../mappers.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import { GoodPracticeEntity } from './practice.entity.js';
import type { ProposeGoodPracticeInput } from './practice.inputs.js';
import type { GoodPractice } from './practice.type.js';

export interface PracticeFilter {
  theme?: Theme | null;
  countryCode?: string | null;
  status?: PracticeStatus | null;
}

/** Good practices: what the caller may see, proposals by network members and moderation by network admins. */
export class PracticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly principal: Principal,
  ) {}

  /** Published practices are public; a draft or rejected proposal is seen by its proposer and network admins only. */
  canSee(practice: Pick<GoodPractice, 'status' | 'proposedBy'>): boolean {
    if (practice.status === PracticeStatus.PUBLISHED) return true;
    if (this.principal.anonymous) return false;
    return isNetworkAdmin(this.principal) || practice.proposedBy === this.principal.subject;
  }

  /** The moderation note is for the proposer and network admins. */
  canSeeModeration(practice: Pick<GoodPractice, 'proposedBy'>): boolean {
    return isNetworkAdmin(this.principal) || (!this.principal.anonymous && practice.proposedBy === this.principal.subject);
  }

  /** The practice if the caller may see it; null (as if it did not exist) otherwise. */
  visible(practice: GoodPractice | null): GoodPractice | null {
    return practice && this.canSee(practice) ? practice : null;
  }

  /**
   * Practices by title; filter by theme, country and status (default
   * PUBLISHED). Asking for DRAFT or REJECTED needs a sign-in: admins get
   * every one, other members their own proposals.
   */
  async list(filter: PracticeFilter): Promise<GoodPractice[]> {
    const status = filter.status ?? PracticeStatus.PUBLISHED;
    const query = this.dataSource.getRepository(GoodPracticeEntity).createQueryBuilder('practice').orderBy('practice.title', 'ASC').addOrderBy('practice.id', 'ASC');
    query.where('practice.status = :status', { status });
    if (status !== PracticeStatus.PUBLISHED) {
      requireRole(this.principal, NETWORK_ROLES, 'see unpublished practices');
      if (!isNetworkAdmin(this.principal)) query.andWhere('practice.proposed_by = :subject', { subject: this.principal.subject });
    }
    if (filter.theme) query.andWhere(':theme = ANY(practice.themes)', { theme: filter.theme });
    if (filter.countryCode) query.andWhere(':country = ANY(practice.country_codes)', { country: filter.countryCode.trim().toUpperCase() });
    return (await query.getMany()).map(toPractice);
  }

  /** A network member proposes a practice: stored as a DRAFT, with an audit row, in one transaction. */
  async propose(input: ProposeGoodPracticeInput): Promise<GoodPractice> {
    requireRole(this.principal, NETWORK_ROLES, 'propose a good practice');
    const title = boundedText(input.title, 'input.title', 5, 160);
    const row = {
      title,
      summary: boundedText(input.summary, 'input.summary', 20, 1000),
      themes: enumList(input.themes, 'input.themes', 1, 5),
      countryCodes: countryCodes(input.countryCodes ?? [], 'input.countryCodes'),
      pillars: enumList(input.pillars ?? [], 'input.pillars', 0, 4),
      frameworks: enumList(input.frameworks ?? [], 'input.frameworks', 0, 4),
      year: yearBetween(input.year, 'input.year', 1990, new Date().getUTCFullYear() + 1),
      evidence: optionalText(input.evidence, 'input.evidence', 4000),
      source: optionalText(input.source, 'input.source', 500) ?? 'Proposed by a network member',
      sessionId: optionalText(input.sessionId, 'input.sessionId', 200),
    };
    const base = slugOf(title).slice(0, 80).replace(/-$/, '');
    if (base.length === 0) throw badInput('input.title', 'input.title must contain letters or digits.');
    return this.dataSource.transaction(async (manager) => {
      if (row.sessionId && !(await manager.existsBy(LearningSessionEntity, { id: row.sessionId }))) {
        throw badInput('input.sessionId', `No learning session with id "${row.sessionId}".`);
      }
      const id = `${base}-${randomBytes(3).toString('hex')}`;
      await manager.insert(GoodPracticeEntity, {
        id,
        ...row,
        status: PracticeStatus.DRAFT,
        proposedBy: this.principal.subject,
        proposedAt: new Date(),
        isDemo: false,
      });
      const practice = toPractice(await manager.findOneByOrFail(GoodPracticeEntity, { id }));
      await recordAudit(manager, { actor: this.principal.subject, action: 'proposeGoodPractice', entity: 'good_practice', entityId: id, after: practice });
      return practice;
    });
  }

  /** A network admin publishes or rejects a DRAFT, with a note; one transaction with its audit row. */
  async moderate(id: string, decision: ModerationDecision, note: string | null | undefined): Promise<GoodPractice> {
    requireRole(this.principal, ADMIN_ROLES, 'moderate good practices');
    const moderationNote = optionalText(note, 'note', 2000);
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(GoodPracticeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('good practice', id);
      if (row.status !== PracticeStatus.DRAFT) {
        throw new HubError(ErrorCode.BAD_USER_INPUT, `Only a DRAFT can be moderated; "${id}" is ${row.status}.`, { field: 'id', status: row.status });
      }
      const before = toPractice(row);
      await manager.update(
        GoodPracticeEntity,
        { id },
        {
          status: decision === ModerationDecision.PUBLISH ? PracticeStatus.PUBLISHED : PracticeStatus.REJECTED,
          moderatedBy: this.principal.subject,
          moderatedAt: new Date(),
          moderationNote,
        },
      );
      const after = toPractice(await manager.findOneByOrFail(GoodPracticeEntity, { id }));
      await recordAudit(manager, { actor: this.principal.subject, action: 'moderateGoodPractice', entity: 'good_practice', entityId: id, before, after });
      return after;
    });
  }
}
