import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fetchSubmission, submissionCsv, submissionPdf } from '@wps/cli';
import { canonicalJson, memberAudience, Role, signDevToken } from '@wps/kit';
import { databaseUrl } from '@wps/launcher';
import {
  CheckSubmissionDocument,
  createHubClient,
  ExplainGapDocument,
  FrameworkReportingCyclesDocument,
  LockSubmissionDocument,
  PrepareSubmissionDocument,
  ReportingCycleStatusDocument,
  SubmitSubmissionDocument,
  type HubClient,
} from '@wps/sdk';
import { postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import pg from 'pg';

/** Where pdftotext is (the test setup installs poppler-utils when missing, as root). */
const PDFTOTEXT = '/usr/bin/pdftotext';
const CYCLE = 'AU_CRF-2024';

/**
 * Report once, counted everywhere (issue 13, item 2), through the real
 * gateway: Kenya's focal point prepares, checks, locks and submits its AU CRF
 * submission for 2024 from its own data; the regional subgraph keeps a
 * receipt hashed from what Kenya returned; a regional analyst sees Kenya
 * submitted and Nigeria late; the PDF holds the submitted values; a change
 * Kenya makes afterwards shows as a receipt that disagrees.
 */
describe('a reporting cycle through the gateway', () => {
  let hub: TestNetwork;
  let kenya: HubClient;
  let nigeria: HubClient;
  let analyst: HubClient;
  let kenyaToken: string;
  let kenyaDatabase: pg.Client;
  let submissionId: string;
  let extraIndicatorCode: string;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'reporting', members: ['KE', 'NG'] });
    kenyaToken = await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
    kenya = createHubClient({ url: hub.gatewayUrl, token: kenyaToken });
    nigeria = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:NG', roles: [Role.FOCAL_POINT], country: 'NG' }) });
    analyst = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST], orgs: ['AU'] }) });
    const name = hub.network.databases.find((candidate) => candidate.endsWith('_nap_ke'))!;
    kenyaDatabase = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), name) });
    await kenyaDatabase.connect();
  });
  afterAll(async () => {
    await kenyaDatabase?.end();
    await hub?.stop();
  });

  it('lists the AU CRF reporting cycles, with the due dates marked illustrative', async () => {
    const result = await hub.client.execute(FrameworkReportingCyclesDocument, { code: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    const cycles = result.data!.framework!.reportingCycles;
    expect(cycles.map((cycle) => cycle.code)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028'].map((year) => `AU_CRF-${year}`));
    expect(cycles.find((cycle) => cycle.code === CYCLE)).toMatchObject({ year: 2024, dueOn: '2025-03-31', dueIllustrative: true, cadence: 'ANNUAL', cadenceIllustrative: false });
    for (const cycle of cycles) expect(cycle.sources.length).toBeGreaterThan(0);
  });

  it("prepares Kenya's 2024 submission from its own data, and gives another country's focal point FORBIDDEN", async () => {
    const refused = await nigeria.execute(PrepareSubmissionDocument, { countryCode: 'KE', frameworkCode: 'AU_CRF', year: 2024 });
    expect(refused.data).toEqual({ prepareSubmission: null });
    expect(refused.errors.map((error) => [error.extensions?.code, error.extensions?.country])).toEqual([['FORBIDDEN', 'KE']]);
    // The member decides for itself, not trusting the hub: a token for its own audience but of Nigeria's focal point is refused too.
    const forged = await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:NG', roles: [Role.FOCAL_POINT], country: 'NG', audience: memberAudience('KE') });
    const direct = await postGraphQL(hub.network.members.get('KE')!.url, 'mutation { prepareSubmission(countryCode: "KE", frameworkCode: AU_CRF, year: 2024) { id } }', {}, { authorization: `Bearer ${forged}` });
    expect(direct.body.errors?.map((error: { extensions?: { code?: string } }) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await kenyaDatabase.query('SELECT count(*)::int AS n FROM submission')).rows[0].n).toBe(0);

    const prepared = await kenya.execute(PrepareSubmissionDocument, { countryCode: 'KE', frameworkCode: 'AU_CRF', year: 2024 });
    expect(prepared.errors).toEqual([]);
    const submission = prepared.data!.prepareSubmission!;
    submissionId = submission.id;
    expect(submission).toMatchObject({ countryCode: 'KE', frameworkCode: 'AU_CRF', year: 2024, status: 'DRAFT', submittedVersion: null, versions: [] });
    // Required: the framework indicators Kenya's plan aligns to; the demo plan has published 2024 values for them.
    expect(submission.completeness.required.length).toBeGreaterThan(0);
    expect(submission.completeness.answered.length).toBeGreaterThan(0);

    // Kenya aligns one more indicator to the CRF, with no value for 2024: a gap.
    const plan = await postGraphQL(hub.gatewayUrl, 'query($id: ID!) { actionPlan(countryCode: "KE", id: $id) { outcomes { id } } }', { id: submission.planId }, { authorization: `Bearer ${kenyaToken}` });
    const outcomeId = plan.body.data!.actionPlan.outcomes[0].id as string;
    extraIndicatorCode = 'AU-PRO-9';
    const created = await postGraphQL(
      hub.gatewayUrl,
      'mutation($planId: ID!, $input: CreateIndicatorInput!) { createIndicator(countryCode: "KE", planId: $planId, input: $input) { id } }',
      { planId: submission.planId, input: { code: 'KE-GAP-1', title: 'Survivors reached by legal aid', level: 'OUTCOME', unit: 'number', outcomeId, alignments: [{ frameworkCode: 'AU_CRF', indicatorCode: extraIndicatorCode }] } },
      { authorization: `Bearer ${kenyaToken}` },
    );
    expect(created.body.errors).toBeUndefined();
    const again = await kenya.execute(PrepareSubmissionDocument, { countryCode: 'KE', frameworkCode: 'AU_CRF', year: 2024 });
    expect(again.errors).toEqual([]);
    expect(again.data!.prepareSubmission!.id).toBe(submissionId);
    expect(again.data!.prepareSubmission!.completeness.missing).toContain(extraIndicatorCode);
  });

  it('refuses to submit an incomplete submission with BAD_USER_INPUT naming the missing indicators, and submits nothing', async () => {
    const check = await kenya.execute(CheckSubmissionDocument, { countryCode: 'KE', submissionId });
    expect(check.errors).toEqual([]);
    const missing = check.data!.checkSubmission!.missing;
    expect(missing).toContain(extraIndicatorCode);
    expect(check.data!.checkSubmission!.complete).toBe(false);

    const locked = await kenya.execute(LockSubmissionDocument, { countryCode: 'KE', submissionId });
    expect(locked.errors).toEqual([]);
    expect(locked.data!.lockSubmission).toMatchObject({ status: 'LOCKED', versions: [{ version: 1, complete: false, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) }] });

    const refused = await kenya.execute(SubmitSubmissionDocument, { countryCode: 'KE', submissionId });
    expect(refused.data).toEqual({ submitSubmission: null });
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', missing });
    for (const code of missing) expect(refused.errors[0]!.message).toContain(code);
    expect((await kenyaDatabase.query('SELECT status, submitted_version FROM submission')).rows).toEqual([{ status: 'LOCKED', submitted_version: null }]);
  });

  it("never lets a locked version change, even by SQL as the member's service role (and not as the owner either)", async () => {
    await kenyaDatabase.query('BEGIN');
    try {
      await kenyaDatabase.query('SET LOCAL ROLE wps_member_app');
      await expect(kenyaDatabase.query(`UPDATE submission_version SET complete = true`)).rejects.toThrow(/permission denied/);
    } finally {
      await kenyaDatabase.query('ROLLBACK');
    }
    await expect(kenyaDatabase.query(`UPDATE submission_version SET complete = true`)).rejects.toThrow(/never changes/);
    await expect(kenyaDatabase.query(`DELETE FROM submission_version`)).rejects.toThrow(/never changes/);
    expect((await kenyaDatabase.query('SELECT version, complete FROM submission_version')).rows).toEqual([{ version: 1, complete: false }]);
  });

  it('explains the gaps, locks version 2 and submits it; the hub records a receipt of what Kenya returned', async () => {
    const missing = (await kenya.execute(CheckSubmissionDocument, { countryCode: 'KE', submissionId })).data!.checkSubmission!.missing;
    for (const code of missing) {
      const explained = await kenya.execute(ExplainGapDocument, { countryCode: 'KE', submissionId, indicatorCode: code, explanation: `No ${code} data collected in 2024: the survey runs every two years.` });
      expect(explained.errors).toEqual([]);
    }
    const locked = await kenya.execute(LockSubmissionDocument, { countryCode: 'KE', submissionId });
    expect(locked.errors).toEqual([]);
    expect(locked.data!.lockSubmission!.versions.map((version) => [version.version, version.complete])).toEqual([
      [1, false],
      [2, true],
    ]);

    const submitted = await kenya.execute(SubmitSubmissionDocument, { countryCode: 'KE', submissionId });
    expect(submitted.errors).toEqual([]);
    const answer = submitted.data!.submitSubmission!;
    expect(answer).toMatchObject({ status: 'SUBMITTED', submittedVersion: 2 });
    const hash = answer.versions[1]!.contentHash;
    expect(answer.cycle.hubReceipt).toMatchObject({ cycleCode: CYCLE, countryCode: 'KE', version: 2, contentHash: hash, memberHashMatched: true, explained: missing.length, late: true });
    // The content stays with the member: the hub holds the hash, the version and the counts.
    expect(answer.cycle.hubReceipt!.answered).toBe(answer.completeness.answered.length);

    // The receipt is append-only and audited in the regional database: the service's role cannot change it, nor can the owner.
    const regional = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith('_regional'))!) });
    await regional.connect();
    try {
      expect((await regional.query('SELECT country_code, version, content_hash FROM submission_receipt')).rows).toEqual([{ country_code: 'KE', version: 2, content_hash: hash }]);
      expect((await regional.query(`SELECT actor, action FROM audit_log WHERE entity = 'submission_receipt'`)).rows).toEqual([{ actor: 'focal-point:KE', action: 'submitSubmission' }]);
      await regional.query('BEGIN');
      try {
        await regional.query('SET LOCAL ROLE wps_hub_app');
        await expect(regional.query(`UPDATE submission_receipt SET content_hash = repeat('0', 64)`)).rejects.toThrow(/permission denied/);
      } finally {
        await regional.query('ROLLBACK');
      }
      await expect(regional.query(`DELETE FROM submission_receipt`)).rejects.toThrow(/append-only/);
    } finally {
      await regional.end();
    }
    // Submitting again answers the same receipt, and records no second one.
    const again = await kenya.execute(SubmitSubmissionDocument, { countryCode: 'KE', submissionId });
    expect(again.errors).toEqual([]);
    expect(again.data!.submitSubmission!.cycle.hubReceipt).toEqual(answer.cycle.hubReceipt);
  });

  it('shows a regional analyst Kenya submitted (with its gaps) and Nigeria late', async () => {
    const result = await analyst.execute(ReportingCycleStatusDocument, { code: CYCLE });
    expect(result.errors).toEqual([]);
    const status = result.data!.reportingCycle!.status;
    const rows = new Map(status.rows.map((row) => [row.countryCode, row]));
    expect(rows.get('KE')).toMatchObject({ memberStatus: 'ACTIVE', state: 'SUBMITTED', receiptAgrees: true, receipt: { version: 2, late: true } });
    expect(rows.get('KE')!.gaps).toBeGreaterThan(0);
    expect(rows.get('NG')).toMatchObject({ memberStatus: 'ACTIVE', state: 'LATE', receipt: null, receiptAgrees: null, gaps: null });
    // States without a subgraph are counted too: late, since none handed anything in.
    expect(rows.get('ZA')).toMatchObject({ memberStatus: 'NOT_CONNECTED', state: 'LATE' });
    expect(status.summary).toMatchObject({ members: 55, submitted: 1, submittedLate: 1, withGaps: 1, late: 54, open: 0, disagreements: 0 });
  });

  it('exports the submitted submission as a PDF that holds the submitted values, and as CSV', async () => {
    const document = await fetchSubmission(hub.client, 'KE', 'AU_CRF', 2024);
    expect(document.content).toMatchObject({ countryCode: 'KE', frameworkCode: 'AU_CRF', year: 2024, version: 2, isDemo: true });
    const values = document.content.indicators.flatMap((indicator) => indicator.national.flatMap((national) => national.measurements));
    expect(values.length).toBeGreaterThan(0);
    const folder = mkdtempSync(path.join(tmpdir(), 'wps-submission-'));
    try {
      const file = path.join(folder, 'ke-au-crf-2024.pdf');
      writeFileSync(file, await submissionPdf(document));
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Submission to AU_CRF: reporting year 2024');
      expect(text).toContain(document.contentHash);
      expect(text).toContain('DEMO DATA');
      for (const indicator of document.content.indicators) expect(text).toContain(indicator.code);
      for (const value of values.filter((measurement) => measurement.value !== null).slice(0, 10)) {
        const shown = Number.isInteger(value.value) ? String(value.value) : value.value!.toFixed(2);
        expect(text).toContain(`${value.period}: ${shown}`);
      }
      const csv = submissionCsv(document);
      expect(csv.split(/\r?\n/)[0]).toBe('country,framework,year,version,framework_indicator,answered,explanation,national_indicator,national_indicator_title,unit,period,value,disaggregation,narrative,source,demo');
      expect(csv).toContain(`KE,AU_CRF,2024,2,${extraIndicatorCode},false,`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shows a change Kenya makes to its submitted version after the receipt as a receipt that disagrees', async () => {
    // The member is sovereign over its own database: its owner can switch the guard off. The hub's receipt still holds.
    await kenyaDatabase.query('ALTER TABLE submission_version DISABLE TRIGGER submission_version_immutable');
    // One value changed, the rest as it was, and the member's own hash made to match: only the hub's receipt tells.
    const [stored] = (await kenyaDatabase.query(`SELECT canonical FROM submission_version WHERE version = 2`)).rows as { canonical: string }[];
    const content = JSON.parse(stored!.canonical) as { indicators: { national: { measurements: { value: number | null }[] }[] }[] };
    const measurement = content.indicators.flatMap((indicator) => indicator.national.flatMap((national) => national.measurements)).find((value) => value.value !== null)!;
    measurement.value = measurement.value! + 1;
    const changed = canonicalJson(content);
    await kenyaDatabase.query(`UPDATE submission_version SET canonical = $1, content_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') WHERE version = 2`, [changed]);
    await kenyaDatabase.query('ALTER TABLE submission_version ENABLE TRIGGER submission_version_immutable');
    const result = await analyst.execute(ReportingCycleStatusDocument, { code: CYCLE });
    expect(result.errors).toEqual([]);
    const kenyaRow = result.data!.reportingCycle!.status.rows.find((row) => row.countryCode === 'KE')!;
    expect(kenyaRow).toMatchObject({ state: 'RECEIPT_DISAGREES', receiptAgrees: false, receipt: { version: 2 } });
    expect(result.data!.reportingCycle!.status.summary).toMatchObject({ submitted: 0, disagreements: 1 });
  });
});
