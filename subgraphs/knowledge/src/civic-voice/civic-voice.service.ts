import { randomUUID } from 'node:crypto';
import { badInput, ErrorCode, hasRole, HubError, httpUrl, idOf, isCountryCode, isUuid, notFound, optionalText, recordAudit, referenceId, requireRole, requiredText, Role, type Principal } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { ADMIN_ROLES } from '../common/access.js';
import { writeTransaction, type KnowledgeRequest } from '../common/request.js';
import { CivicAuthorEntity } from './civic-author.entity.js';
import { CivicStatementStatus } from './civic-enums.js';
import { CivicStatementEntity } from './civic-statement.entity.js';
import type { DraftCivicStatementInput, RegisterCivicAuthorInput, ReviseCivicStatementInput } from './civic-voice.inputs.js';
import { toCivicAuthor, toCivicStatement } from './civic-voice.mapper.js';
import type { CivicAuthor, CivicStatement } from './civic-voice.type.js';

/*
 * Civic statements: what civil society and parliaments say about a member's
 * plan, report or submission, kept at the hub. The rules:
 * - a network admin registers an organisation or parliament by the token
 *   subject it signs in with (role CSO or PARLIAMENT); only a registered one
 *   writes, under its registered name;
 * - a statement is a DRAFT, seen and revised by its author alone, until the
 *   author publishes it; then it is public and fixed (the database refuses
 *   any change or deletion of a published row: migration 1764700000000);
 * - nobody else writes here: a member's focal point gets FORBIDDEN, and the
 *   member's own subgraph never holds the statement, so going offline hides
 *   nothing;
 * - every write is one transaction with its audit row.
 */

export const CIVIC_ROLES: Role[] = [Role.CSO, Role.PARLIAMENT];

/** Statements the caller may read: published ones, and its own drafts. */
function readableCondition(principal: Principal, parameters: unknown[]): string {
  if (principal.anonymous || !hasRole(principal, ...CIVIC_ROLES)) return `s.status = 'PUBLISHED'`;
  parameters.push(principal.subject);
  return `(s.status = 'PUBLISHED' OR s.author_subject = $${parameters.length})`;
}

/*
 * Each key compares the column (or the indexed expression) as it is stored,
 * so the lookup can use its index: ids as uuid[] against the primary key (a
 * cast of the column, `s.id::text`, would read every row).
 */
const KEY_SQL = { id: 's.id = ANY ($1::uuid[])', country: 's.country_code = ANY ($1::text[])', target: `(s.target_type || ':' || s.target_id) = ANY ($1::text[])` } as const;

/** The SQL and parameters of `readableStatements`, apart so a test can EXPLAIN the very statement the service sends. */
export function readableStatementsQuery(principal: Principal, by: keyof typeof KEY_SQL, keys: readonly string[]): { sql: string; parameters: unknown[] } | null {
  // An id that is not a UUID names no statement: it reads as none (null), as an unknown id does.
  const wanted = by === 'id' ? keys.filter(isUuid) : [...keys];
  if (wanted.length === 0) return null;
  const parameters: unknown[] = [wanted];
  const condition = readableCondition(principal, parameters);
  const sql = `SELECT s.id, s.kind, s.country_code AS "countryCode", s.target_type AS "targetType", s.target_id AS "targetId", s.title, s.body,
            s.source_url AS "sourceUrl", s.author_subject AS "authorSubject", s.organisation, s.author_kind AS "authorKind", s.status,
            s.created_at AS "createdAt", s.published_at AS "publishedAt", s.is_demo AS "isDemo"
       FROM civic_statement s
      WHERE ${KEY_SQL[by]} AND ${condition}
      ORDER BY coalesce(s.published_at, s.created_at) DESC, s.id`;
  return { sql, parameters };
}

/**
 * Readable statements (published, and the caller's own drafts) by state
 * (`KE`) or by target (`PLAN:<id>`), newest first; one statement.
 */
export async function readableStatements(request: KnowledgeRequest, by: keyof typeof KEY_SQL, keys: readonly string[]): Promise<CivicStatement[]> {
  const query = readableStatementsQuery(request.principal, by, keys);
  if (!query) return [];
  const rows: CivicStatementEntity[] = await request.dataSource.query(query.sql, query.parameters);
  return rows.map(toCivicStatement);
}

/** A network admin registers who may publish civic statements. */
export async function registerCivicAuthor(request: KnowledgeRequest, input: RegisterCivicAuthorInput): Promise<CivicAuthor> {
  const { principal } = request;
  requireRole(principal, ADMIN_ROLES, 'register a civil-society organisation or parliament');
  const subject = requiredText(input.subject, 'input.subject', { max: 200 });
  const organisation = requiredText(input.organisation, 'input.organisation', { min: 2, max: 200 });
  const countryCode = optionalText(input.countryCode, 'input.countryCode', 2);
  if (countryCode !== null && !isCountryCode(countryCode)) throw badInput('input.countryCode', `input.countryCode must be an ISO 3166-1 alpha-2 country code, got "${countryCode}".`);
  return writeTransaction(request, async (manager) => {
    if (await manager.existsBy(CivicAuthorEntity, { subject })) throw badInput('input.subject', 'That subject is registered already.');
    await manager.insert(CivicAuthorEntity, { subject, organisation, kind: input.kind, countryCode, registeredBy: principal.subject, registeredAt: new Date() });
    const author = toCivicAuthor(await manager.findOneByOrFail(CivicAuthorEntity, { subject }));
    await recordAudit(manager, { actor: principal.subject, action: 'registerCivicAuthor', entity: 'civic_author', entityId: subject, after: author });
    return author;
  });
}

async function registeredAuthor(manager: EntityManager, principal: Principal): Promise<CivicAuthorEntity> {
  const author = await manager.findOneBy(CivicAuthorEntity, { subject: principal.subject });
  if (!author) throw new HubError(ErrorCode.FORBIDDEN, 'Only a civil-society organisation or parliament registered with the network may write civic statements.');
  return author;
}

/** A registered CSO or parliament drafts a statement. */
export async function draftCivicStatement(request: KnowledgeRequest, input: DraftCivicStatementInput): Promise<CivicStatement> {
  const { principal } = request;
  requireRole(principal, CIVIC_ROLES, 'write a civic statement');
  const countryCode = input.countryCode.trim();
  if (!isCountryCode(countryCode)) throw badInput('input.countryCode', `input.countryCode must be an ISO 3166-1 alpha-2 country code, got "${input.countryCode}".`);
  const row = {
    kind: input.kind,
    countryCode,
    targetType: input.target,
    targetId: referenceId(input.targetId, 'input.targetId'),
    title: requiredText(input.title, 'input.title', { min: 5, max: 200 }),
    body: requiredText(input.body, 'input.body', { min: 1, max: 20_000 }),
    sourceUrl: input.sourceUrl == null || input.sourceUrl.trim() === '' ? null : httpUrl(input.sourceUrl, 'input.sourceUrl'),
  };
  return writeTransaction(request, async (manager) => {
    const author = await registeredAuthor(manager, principal);
    const id = randomUUID();
    await manager.insert(CivicStatementEntity, {
      id,
      ...row,
      authorSubject: principal.subject,
      organisation: author.organisation,
      authorKind: author.kind,
      status: CivicStatementStatus.DRAFT,
      createdAt: new Date(),
      publishedAt: null,
    });
    const statement = toCivicStatement(await manager.findOneByOrFail(CivicStatementEntity, { id }));
    await recordAudit(manager, { actor: principal.subject, action: 'draftCivicStatement', entity: 'civic_statement', entityId: id, after: statement });
    return statement;
  });
}

/**
 * The statement `id`, locked for a change by its author. A draft of someone
 * else is NOT_FOUND (its existence is not told); a published statement is
 * FORBIDDEN to anyone but its author, and fixed for its author too.
 */
async function ownDraftForUpdate(manager: EntityManager, principal: Principal, id: string, action: string): Promise<CivicStatementEntity> {
  const row = await manager.findOne(CivicStatementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  const mine = row?.authorSubject === principal.subject;
  if (!row || (!mine && row.status !== CivicStatementStatus.PUBLISHED)) throw notFound('id', 'civic statement');
  if (!mine) throw new HubError(ErrorCode.FORBIDDEN, `Only its author may ${action} a civic statement.`);
  if (row.status === CivicStatementStatus.PUBLISHED) throw badInput('id', `A published civic statement is fixed: it cannot be changed or deleted. Publish a new statement to add to it.`);
  return row;
}

function requireSignedIn(principal: Principal, action: string): void {
  if (principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, `Sign in to ${action}.`);
}

export async function reviseCivicStatement(request: KnowledgeRequest, rawId: string, input: ReviseCivicStatementInput): Promise<CivicStatement> {
  const { principal } = request;
  requireSignedIn(principal, 'revise a civic statement');
  const id = idOf(rawId, 'id', 'civic statement');
  const changes = {
    title: requiredText(input.title, 'input.title', { min: 5, max: 200 }),
    body: requiredText(input.body, 'input.body', { min: 1, max: 20_000 }),
    sourceUrl: input.sourceUrl == null || input.sourceUrl.trim() === '' ? null : httpUrl(input.sourceUrl, 'input.sourceUrl'),
  };
  return writeTransaction(request, async (manager) => {
    const before = toCivicStatement(await ownDraftForUpdate(manager, principal, id, 'revise'));
    await manager.update(CivicStatementEntity, { id }, changes);
    const after = toCivicStatement(await manager.findOneByOrFail(CivicStatementEntity, { id }));
    await recordAudit(manager, { actor: principal.subject, action: 'reviseCivicStatement', entity: 'civic_statement', entityId: id, before, after });
    return after;
  });
}

export async function deleteCivicStatementDraft(request: KnowledgeRequest, rawId: string): Promise<boolean> {
  const { principal } = request;
  requireSignedIn(principal, 'delete a civic statement');
  const id = idOf(rawId, 'id', 'civic statement');
  return writeTransaction(request, async (manager) => {
    const before = toCivicStatement(await ownDraftForUpdate(manager, principal, id, 'delete'));
    await manager.delete(CivicStatementEntity, { id });
    await recordAudit(manager, { actor: principal.subject, action: 'deleteCivicStatementDraft', entity: 'civic_statement', entityId: id, before });
    return true;
  });
}

export async function publishCivicStatement(request: KnowledgeRequest, rawId: string): Promise<CivicStatement> {
  const { principal } = request;
  requireSignedIn(principal, 'publish a civic statement');
  const id = idOf(rawId, 'id', 'civic statement');
  return writeTransaction(request, async (manager) => {
    const before = toCivicStatement(await ownDraftForUpdate(manager, principal, id, 'publish'));
    await manager.update(CivicStatementEntity, { id }, { status: CivicStatementStatus.PUBLISHED, publishedAt: new Date() });
    const after = toCivicStatement(await manager.findOneByOrFail(CivicStatementEntity, { id }));
    await recordAudit(manager, { actor: principal.subject, action: 'publishCivicStatement', entity: 'civic_statement', entityId: id, before, after });
    return after;
  });
}
