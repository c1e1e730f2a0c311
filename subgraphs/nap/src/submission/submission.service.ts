import { badInput, canonicalJson, contentHashOf, idOf, notFound, requiredText } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { completenessOf, planOfYear, snapshotContent, withExplanations, type SubmissionContent } from './submission-content.js';
import { SubmissionStatus, type MemberCycleSubmission, type Submission, type SubmissionCompleteness, type SubmissionVersion } from './submission.type.js';

interface SubmissionRow {
  id: string;
  framework_code: string;
  cycle_year: number;
  plan_id: string;
  status: SubmissionStatus;
  draft_content: SubmissionContent;
  prepared_at: Date;
  submitted_version: number | null;
  submitted_at: Date | null;
}

interface VersionRow {
  version: number;
  content_hash: string;
  canonical: string;
  complete: boolean;
  locked_at: Date;
}

const CODE = /^[A-Z0-9][A-Z0-9.-]{0,31}$/;

async function explanationsOf(manager: EntityManager, submissionId: string): Promise<Map<string, string>> {
  const rows = (await manager.query(`SELECT indicator_code, explanation FROM public.submission_gap WHERE submission_id = $1`, [submissionId])) as { indicator_code: string; explanation: string }[];
  return new Map(rows.map((row) => [row.indicator_code, row.explanation]));
}

async function versionsOf(manager: EntityManager, submissionId: string): Promise<VersionRow[]> {
  return (await manager.query(`SELECT version, content_hash, canonical, complete, locked_at FROM public.submission_version WHERE submission_id = $1 ORDER BY version`, [submissionId])) as VersionRow[];
}

const toVersion = (row: VersionRow): SubmissionVersion => ({ version: row.version, contentHash: row.content_hash, content: row.canonical, complete: row.complete, lockedAt: row.locked_at.toISOString() });

/** A submission row as the contract shows it (read on the same session, so a member's focal point sees drafts and the public only what is submitted). */
export async function toSubmission(manager: EntityManager, row: SubmissionRow, countryCode: string): Promise<Submission> {
  const [explanations, versions] = await Promise.all([explanationsOf(manager, row.id), versionsOf(manager, row.id)]);
  const submitted = versions.find((version) => version.version === row.submitted_version) ?? null;
  return {
    id: row.id,
    countryCode,
    frameworkCode: row.framework_code,
    year: row.cycle_year,
    status: row.status,
    planId: row.plan_id,
    preparedAt: row.prepared_at.toISOString(),
    completeness: completenessOf(row.draft_content, explanations),
    versions: versions.map(toVersion),
    submittedVersion: row.submitted_version,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    cycle: {
      countryCode,
      frameworkCode: row.framework_code,
      year: row.cycle_year,
      submittedVersion: submitted ? submitted.version : null,
      submittedContent: submitted ? submitted.canonical : null,
      submittedContentHash: submitted ? submitted.content_hash : null,
    },
  };
}

async function lockSubmissionRow(manager: EntityManager, id: string): Promise<SubmissionRow> {
  const rows = (await manager.query(`SELECT * FROM public.submission WHERE id = $1 FOR UPDATE`, [idOf(id, 'submissionId', 'submission of this member')])) as SubmissionRow[];
  if (!rows[0]) throw notFound('submissionId', 'submission of this member');
  return rows[0];
}

async function reread(manager: EntityManager, id: string, countryCode: string): Promise<Submission> {
  const rows = (await manager.query(`SELECT * FROM public.submission WHERE id = $1`, [id])) as SubmissionRow[];
  return toSubmission(manager, rows[0]!, countryCode);
}

function refuseSubmitted(row: SubmissionRow): void {
  if (row.status === SubmissionStatus.SUBMITTED) throw badInput('submissionId', `This submission was submitted (version ${row.submitted_version}): it no longer changes.`);
}

/**
 * Prepare (or prepare again) the submission of a framework's year from the
 * member's own published data: the plan in force that year, its indicators
 * aligned to the framework with their values, the year's budget execution,
 * its reports and decisions. Explanations already given are kept; a LOCKED
 * submission goes back to DRAFT (its locked versions stay as they are).
 */
export async function prepareSubmission(scope: WriteScope, frameworkCode: string, year: number): Promise<Submission> {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput('year', 'year must be a calendar year between 1990 and 2100.');
  return inTransaction(scope, async (manager) => {
    const plan = await planOfYear(manager, year);
    if (!plan) throw badInput('year', `No adopted plan of this member is in force in ${year}: there is nothing to report from.`);
    const existing = (await manager.query(`SELECT * FROM public.submission WHERE framework_code = $1 AND cycle_year = $2 FOR UPDATE`, [frameworkCode, year])) as SubmissionRow[];
    if (existing[0]) {
      refuseSubmitted(existing[0]);
      const content = await snapshotContent(manager, scope.countryCode, frameworkCode, year, plan, await explanationsOf(manager, existing[0].id));
      await manager.query(`UPDATE public.submission SET plan_id = $2, status = 'DRAFT', draft_content = $3, prepared_at = now(), prepared_by = $4 WHERE id = $1`, [
        existing[0].id,
        plan.id,
        JSON.stringify(content),
        scope.actor,
      ]);
      return reread(manager, existing[0].id, scope.countryCode);
    }
    const content = await snapshotContent(manager, scope.countryCode, frameworkCode, year, plan, new Map());
    const [created] = (await manager.query(
      `INSERT INTO public.submission (framework_code, cycle_year, plan_id, status, draft_content, prepared_by) VALUES ($1, $2, $3, 'DRAFT', $4, $5) RETURNING id`,
      [frameworkCode, year, plan.id, JSON.stringify(content), scope.actor],
    )) as { id: string }[];
    return reread(manager, created!.id, scope.countryCode);
  });
}

/** Explain why a required framework indicator has no value this cycle (replacing an earlier explanation). A LOCKED submission goes back to DRAFT. */
export async function explainGap(scope: WriteScope, submissionId: string, indicatorCode: string, explanation: string): Promise<Submission> {
  const text = requiredText(explanation, 'explanation');
  if (!CODE.test(indicatorCode)) throw badInput('indicatorCode', 'indicatorCode must be a framework indicator code (capitals, digits, dots and dashes).');
  return inTransaction(scope, async (manager) => {
    const row = await lockSubmissionRow(manager, submissionId);
    refuseSubmitted(row);
    const entry = row.draft_content.indicators.find((indicator) => indicator.code === indicatorCode);
    if (!entry) throw badInput('indicatorCode', `${indicatorCode} is not a required indicator of this submission (the plan aligns nothing to it).`);
    if (entry.answered) throw badInput('indicatorCode', `${indicatorCode} is answered with a value: there is no gap to explain.`);
    await manager.query(
      `INSERT INTO public.submission_gap (submission_id, indicator_code, explanation, explained_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (submission_id, indicator_code) DO UPDATE SET explanation = $3, explained_by = $4, explained_at = now()`,
      [row.id, indicatorCode, text, scope.actor],
    );
    if (row.status === SubmissionStatus.LOCKED) await manager.query(`UPDATE public.submission SET status = 'DRAFT' WHERE id = $1`, [row.id]);
    return reread(manager, row.id, scope.countryCode);
  });
}

/** The completeness report of the current draft: which required indicators are answered, explained or missing. */
export async function checkSubmission(scope: WriteScope, submissionId: string): Promise<SubmissionCompleteness> {
  const manager = await scope.session();
  const rows = (await manager.query(`SELECT * FROM public.submission WHERE id = $1`, [idOf(submissionId, 'submissionId', 'submission of this member')])) as SubmissionRow[];
  if (!rows[0]) throw notFound('submissionId', 'submission of this member');
  return completenessOf(rows[0].draft_content, await explanationsOf(manager, rows[0].id));
}

/** Lock the draft as version N (N = 1, 2, …): its canonical JSON and sha256 are stored and never change. */
export async function lockSubmission(scope: WriteScope, submissionId: string): Promise<Submission> {
  return inTransaction(scope, async (manager) => {
    const row = await lockSubmissionRow(manager, submissionId);
    refuseSubmitted(row);
    if (row.status === SubmissionStatus.LOCKED) throw badInput('submissionId', 'This submission is locked already: prepare it again (or explain a gap) to lock a new version.');
    const explanations = await explanationsOf(manager, row.id);
    const versions = await versionsOf(manager, row.id);
    const version = (versions.at(-1)?.version ?? 0) + 1;
    const content = withExplanations(row.draft_content, explanations, version);
    await manager.query(
      `INSERT INTO public.submission_version (submission_id, version, content, canonical, content_hash, complete, locked_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, version, JSON.stringify(content), canonicalJson(content), contentHashOf(content), completenessOf(row.draft_content, explanations).complete, scope.actor],
    );
    await manager.query(`UPDATE public.submission SET status = 'LOCKED' WHERE id = $1`, [row.id]);
    return reread(manager, row.id, scope.countryCode);
  });
}

/**
 * Submit the latest locked version: only a LOCKED submission whose version
 * is complete (BAD_USER_INPUT naming the missing indicators otherwise).
 * Submitted is final. Submitting it again answers the same submission, so a
 * client whose first answer was lost still gets the hub's receipt.
 */
export async function submitSubmission(scope: WriteScope, submissionId: string): Promise<Submission> {
  return inTransaction(scope, async (manager) => {
    const row = await lockSubmissionRow(manager, submissionId);
    if (row.status === SubmissionStatus.SUBMITTED) return reread(manager, row.id, scope.countryCode);
    if (row.status !== SubmissionStatus.LOCKED) throw badInput('submissionId', 'Lock the submission first: only a locked version can be submitted.');
    const latest = (await versionsOf(manager, row.id)).at(-1)!;
    if (!latest.complete) {
      const missing = completenessOf(row.draft_content, await explanationsOf(manager, row.id)).missing;
      throw badInput('submissionId', `The submission is not complete: answer or explain ${missing.join(', ')}.`, { missing });
    }
    await manager.query(`UPDATE public.submission SET status = 'SUBMITTED', submitted_version = $2, submitted_at = now(), submitted_by = $3 WHERE id = $1`, [row.id, latest.version, scope.actor]);
    return reread(manager, row.id, scope.countryCode);
  });
}

/** This member's submission for a framework's year, as the caller may see it (null when none, or not visible). */
export async function findSubmission(manager: EntityManager, countryCode: string, frameworkCode: string, year: number): Promise<Submission | null> {
  const rows = (await manager.query(`SELECT * FROM public.submission WHERE framework_code = $1 AND cycle_year = $2`, [frameworkCode, year])) as SubmissionRow[];
  return rows[0] ? toSubmission(manager, rows[0], countryCode) : null;
}

/** What this member submitted for a framework's year: the submitted version only (public). */
export async function cycleSubmissionOf(manager: EntityManager, question: { countryCode: string; frameworkCode: string; year: number }): Promise<MemberCycleSubmission> {
  const rows = (await manager.query(
    `SELECT v.version, v.canonical, v.content_hash FROM public.submission s JOIN public.submission_version v ON v.submission_id = s.id AND v.version = s.submitted_version
     WHERE s.status = 'SUBMITTED' AND s.framework_code = $1 AND s.cycle_year = $2`,
    [question.frameworkCode, question.year],
  )) as { version: number; canonical: string; content_hash: string }[];
  const submitted = rows[0];
  return { ...question, submittedVersion: submitted?.version ?? null, submittedContent: submitted?.canonical ?? null, submittedContentHash: submitted?.content_hash ?? null };
}
