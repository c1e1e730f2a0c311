/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { Role, signDevToken } from '@wps/kit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, foreignRequests, launchBrowser, postGraphQL, recordRequests, screenshot, seriousAxeViolations, startTestNetwork, type TestNetwork } from '@wps/tests';

/**
 * The dashboard as a person sees it: Debian's Chromium (headless, through
 * playwright-core) on the page the gateway serves, over a real hub with
 * three members (real processes, real Postgres). Every page is checked with
 * axe-core and for requests to other hosts. The member outage comes last.
 */
const available = browserAvailable();
if (!available) {
  const message = `BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} is missing. Install Debian's "chromium" package (apt-get install -y chromium).`;
  if (process.env.CI === 'true') throw new Error(`${message} Under CI=true a skip is a failure.`);
  console.warn(`\n${'*'.repeat(78)}\n*** ${message}\n${'*'.repeat(78)}\n`);
}
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the dashboard in a browser', () => {
  let hub: TestNetwork;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let requests: string[];

  jest.setTimeout(120_000);

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startTestNetwork({ members: ['KE', 'NG', 'GH'], label: 'dashboard' }), launchBrowser()]);
    origin = new URL(hub.gatewayUrl).origin;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    requests = recordRequests(page);
  });

  afterEach(async () => {
    // Zero requests to other hosts, on every page of every test.
    expect(foreignRequests(requests, origin)).toEqual([]);
    await context.close();
  });

  const open = async (hash: string) => {
    await page.goto(`${origin}/${hash}`);
  };
  const expectAccessible = async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  };
  const signIn = async (role: string, country?: string) => {
    await open('#/sign-in');
    const form = page.getByTestId('dev-sign-in');
    await form.locator('select[name=role]').selectOption(role);
    if (country) await form.locator('input[name=country]').fill(country);
    await form.getByRole('button').click();
    await page.getByTestId('signed-in-as').waitFor();
  };

  it('shows GraphiQL on a browser GET of /graphql, from the committed schema, while other GETs stay blocked by CSRF prevention', async () => {
    const response = await page.goto(`${origin}/graphql`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.graphiql-container').waitFor();
    // GraphiQL loads CodeMirror lazily and ignores the run button until both
    // editors exist: wait for the query in the one and the other's editor.
    await page.locator('.graphiql-query-editor .CodeMirror').filter({ hasText: 'shortName' }).waitFor();
    await page.locator('.result-window .CodeMirror').waitFor({ state: 'attached' });
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').filter({ hasText: '"shortName": "AU CRF"' }).waitFor();
    await screenshot(page, 'graphiql');
    const plain = await fetch(`${origin}/graphql?query=%7B__typename%7D`);
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('CSRF');
  });

  it('draws the framework map coloured by member status, the coverage figures and the demo note, and recolours it by an indicator', async () => {
    await open('#/framework/AU_CRF');
    const kenya = page.locator('[data-testid=framework-map] a[data-country=KE] path');
    await kenya.waitFor();
    await expect(kenya.getAttribute('class')).resolves.toContain('member-active');
    await expect(page.locator('[data-testid=framework-map] a[data-country=DZ] path').getAttribute('class')).resolves.toContain('member-not_connected');
    await expect(page.getByTestId('demo-note').innerText()).resolves.toContain('Demo data.');
    await expect(page.getByTestId('coverage-current-plan').innerText()).resolves.toMatch(/of 55 members/);
    await expect(page.locator('[data-testid=members-table] tr[data-country=KE]').innerText()).resolves.toContain('Kenya');
    await expectAccessible();
    await screenshot(page, 'framework-map');

    await page.getByTestId('colour-by-indicator').check();
    await page.waitForFunction(() => /status-/.test(document.querySelector('[data-testid=framework-map] a[data-country=KE] path')?.getAttribute('class') ?? ''));
    await expect(page.locator('[data-testid=framework-map] a[data-country=DZ] path').getAttribute('class')).resolves.toContain('status-not_connected');
  });

  it('fits a phone screen and is usable from the keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('#/framework/AU_CRF');
    await page.getByTestId('members-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await screenshot(page, 'framework-phone');
  });

  it('shows the progress matrix with the national indicators behind a cell, a year selector and a CSV of exactly what is shown', async () => {
    await open('#/framework/AU_CRF/progress');
    const cell = page.locator('[data-cell="AU-PAR-1|KE"] button');
    await cell.waitFor();
    await expect(cell.innerText()).resolves.toMatch(/On track|Off track|Achieved|No data/);
    await expect(page.getByTestId('pillar-summary-PARTICIPATION').innerText()).resolves.toMatch(/rows reporting/);
    await cell.click();
    const detail = page.getByTestId('cell-detail');
    await expect(detail.locator('a[href^="#/country/KE"]').first().isVisible()).resolves.toBe(true);
    await expect(detail.innerText()).resolves.toContain('KE-');
    await expectAccessible();
    await screenshot(page, 'progress-matrix');

    const year = new Date().getUTCFullYear();
    await page.getByTestId('year').selectOption(String(year - 1));
    await page.locator('[data-cell="AU-PAR-1|KE"] button').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toBe(`AU_CRF-progress-${year - 1}.csv`);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe(`Pillar,Indicator code,Indicator,Country code,Country,Member status,Status ${year - 1},Status ${year - 2}`);
    const shownCells = await page.locator('[data-testid=progress-matrix] td[data-cell]').count();
    expect(lines).toHaveLength(shownCells + 1);
    expect(new Set(lines.slice(1).map((line) => line.split(',').at(-5)))).toEqual(new Set(['GH', 'KE', 'NG']));
  });

  it("shows a country's NAP history, logframe, indicator charts, budget execution, reports with decisions, assessment and related practices", async () => {
    await open('#/country/KE');
    await expect(page.getByTestId('country-name').innerText()).resolves.toBe('Kenya');
    await expect(page.locator('[data-testid=nap-timeline] li').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.getByTestId('logframe').waitFor();
    await page.locator('#indicators svg.chart').first().waitFor();
    await expect(page.locator('#indicators .reference.target').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('budget-by-year').waitFor();
    await page.locator('#budget svg.chart').first().waitFor();
    await expect(page.getByTestId('budget-by-partner').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('reports').innerText()).resolves.toMatch(/Recommendations/);
    await expect(page.getByTestId('assessment-score').innerText()).resolves.toMatch(/of 6 high-impact criteria met/);
    await page.locator('#practices h2').waitFor();
    await expect(page.getByTestId('member-unavailable').count()).resolves.toBe(0);
    await expectAccessible();
    await screenshot(page, 'country-page');

    await open('#/country/DZ');
    await page.getByTestId('not-connected').waitFor();
    await expect(page.getByTestId('country-name').innerText()).resolves.toBe('Algeria');
  });

  it('searches the knowledge exchange despite a typo, with highlights, and offers practices, a calendar with .ics files and resources', async () => {
    await open('#/knowledge/search?q=mediaton');
    await page.getByTestId('search-result').first().waitFor();
    await expect(page.getByTestId('search-count').innerText()).resolves.toMatch(/mediaton/);
    await open('#/knowledge/search?q=mediation');
    await page.getByTestId('search-result').first().waitFor();
    await expect(page.locator('[data-testid=search-result] mark').count()).resolves.toBeGreaterThan(0);
    await expectAccessible();
    await screenshot(page, 'knowledge-search');

    await page.getByTestId('search-result').locator('a[href^="#/knowledge/practice/"]').first().click();
    await page.getByTestId('practice').waitFor();

    await open('#/knowledge/sessions');
    const session = page.getByTestId('session').first();
    await session.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), session.getByRole('button').click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    await expectAccessible();

    await open('#/knowledge/resources');
    await page.locator('#resources li').first().waitFor();
    await open('#/knowledge/directory');
    await page.locator('#directory').filter({ hasText: 'Sign in' }).waitFor();
    await expect(page.getByTestId('directory').count()).resolves.toBe(0);
  });

  it('shows network members the forum and the directory, and signing out removes the token', async () => {
    await signIn('NETWORK_MEMBER');
    await open('#/knowledge/directory');
    await page.getByTestId('directory').locator('tbody tr').first().waitFor();
    await open('#/knowledge/forum');
    await page.getByTestId('forum').waitFor();
    await expectAccessible();
    expect(await context.cookies()).toEqual([]);
    await expect(page.evaluate(() => sessionStorage.getItem('wps-hub-token'))).resolves.toMatch(/^ey/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.evaluate(() => sessionStorage.getItem('wps-hub-token'))).resolves.toBeNull();
    await page.locator('#forum').filter({ hasText: 'Sign in' }).waitFor();
    await expect(page.getByTestId('forum').count()).resolves.toBe(0);
  });

  it('lets a focal point record a measurement (errors by the field), refuses a bad CSV naming every row, and shows the value on the country page once published', async () => {
    await signIn('FOCAL_POINT', 'KE');
    await open('#/workspace');
    const form = page.getByTestId('record-form');
    await form.waitFor();
    const indicatorCode = (await form.locator('select[name=indicator] option').first().innerText()).split(' · ')[0]!;
    await form.locator('input[name=period]').fill('2031');
    await form.locator('input[name=value]').fill('77.7');
    await form.locator('input[name=source]').fill('Browser test');
    await form.getByRole('button').click();
    await expect(page.locator('#error-period').innerText()).resolves.toContain('outside the plan period');
    await expect(form.locator('input[name=period]').getAttribute('aria-invalid')).resolves.toBe('true');

    await form.locator('input[name=period]').fill('2024');
    await form.getByRole('button').click();
    const draft = page.locator(`[data-testid=drafts] tr[data-draft="${indicatorCode}|2024"]`);
    await draft.waitFor();
    await expectAccessible();
    await screenshot(page, 'workspace');

    const draftsBefore = await page.locator('[data-testid=drafts] tbody tr').count();
    await page.getByTestId('import-form').locator('textarea').fill(`indicator_code,period,value,source\nNO-SUCH-CODE,2024,1,x\n${indicatorCode},2099,1,x\n`);
    await page.getByTestId('import-form').getByRole('button', { name: 'Import' }).click();
    const problems = page.getByTestId('import-errors');
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toMatch(/Line 2[\s\S]*Line 3/);
    await expect(problems.innerText()).resolves.toContain('nothing was imported');
    await page.reload();
    await draft.waitFor();
    await expect(page.locator('[data-testid=drafts] tbody tr').count()).resolves.toBe(draftsBefore);

    // The public does not see the draft.
    const publicPage = await browser.newPage();
    await publicPage.goto(`${origin}/#/country/KE`);
    const publicRow = publicPage.locator(`[data-indicator="${indicatorCode}"] tr[data-period="2024"]`);
    await publicRow.waitFor({ state: 'attached' });
    // The values table is in a closed <details>: read its text, not what is painted.
    await expect(publicRow.textContent()).resolves.toMatch(/^2024/);
    await expect(publicRow.textContent()).resolves.not.toContain('77.7');

    await draft.getByRole('button', { name: /Publish/ }).click();
    await draft.waitFor({ state: 'detached' });
    await page.getByTestId('audit-log').locator('tr', { hasText: 'publishMeasurement' }).first().waitFor();
    await page.getByTestId('audit-log').locator('tr', { hasText: 'recordMeasurement' }).first().waitFor();

    await publicPage.reload();
    await publicRow.waitFor({ state: 'attached' });
    await expect(publicRow.textContent()).resolves.toContain('77.7');
    await publicPage.close();
  });

  it("gives the hub admin the registry with endpoints, status, last check and reasons, and takes a member offline and back", async () => {
    await open('#/admin');
    await expect(page.locator('main').innerText()).resolves.toContain('Sign in as hub admin');
    await signIn('HUB_ADMIN');
    await open('#/admin');
    const ghana = page.locator('[data-testid=registry] tr[data-member=GH]');
    await ghana.waitFor();
    await expect(ghana.innerText()).resolves.toMatch(/http:\/\/127\.0\.0\.1:\d+\/graphql/);
    await expect(ghana.innerText()).resolves.toContain('Connected');
    await expectAccessible();
    await screenshot(page, 'registry');

    await page.getByTestId('register-form').locator('input').first().fill('ZZ');
    await page.getByTestId('register-form').locator('input[type=url]').fill('http://127.0.0.1:1/graphql');
    await page.getByTestId('register-form').getByRole('button').click();
    await expect(page.locator('.notice-error').innerText()).resolves.toMatch(/ZZ/);

    // The endpoint is for the hub admin alone: the public and other roles are refused it.
    const ask = async (token?: string) => {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ members { countryCode adminEndpoint } }' }),
      });
      return (await response.json()) as { data: { members: { adminEndpoint: string | null }[] }; errors?: { extensions: { code: string } }[] };
    };
    const devToken = async (role: string, country?: string) =>
      ((await (await fetch(`${origin}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, country }) })).json()) as { token: string }).token;
    for (const [token, code] of [[undefined, 'UNAUTHENTICATED'], [await devToken('FOCAL_POINT', 'KE'), 'FORBIDDEN']] as const) {
      const answer = await ask(token);
      expect(answer.data.members.map((member) => member.adminEndpoint)).toEqual([null, null, null]);
      expect(new Set(answer.errors?.map((error) => error.extensions.code))).toEqual(new Set([code]));
    }
    const admin = await ask(await devToken('HUB_ADMIN'));
    expect(admin.errors).toBeUndefined();
    expect(admin.data.members.every((member) => /^http:\/\/127\.0\.0\.1:\d+\/graphql$/.test(member.adminEndpoint ?? ''))).toBe(true);

    await page.getByTestId('offline-GH').click();
    await ghana.filter({ hasText: 'Offline' }).waitFor();
    await ghana.getByRole('button', { name: 'Bring back' }).click();
    await ghana.getByTestId('offline-GH').waitFor();
  });

  // Issue 13 through the real API first, then as a person sees it.
  const write = async (query: string, variables: Record<string, unknown>, token: string) => {
    const { body } = await postGraphQL(hub.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
    expect(body.errors).toBeUndefined();
    return body.data!;
  };
  const kenyaToken = () => signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
  const KENYA_PLANS = `{ country(code: "KE") { actionPlans { id iteration period { start end } } currentActionPlan { id partners { id } reports { recommendations { id decision { text } } } } } }`;

  it('the framework page shows who has reported for the current cycle', async () => {
    // The cycle reported on now is the latest whose year has ended; Kenya extends its plan to cover it, then submits.
    const year = new Date().getUTCFullYear() - 1;
    const kenya = await kenyaToken();
    const plans = (await write(KENYA_PLANS, {}, kenya)).country.actionPlans as { id: string; iteration: number; period: { start: number | null; end: number | null } }[];
    const latest = plans[plans.length - 1]!;
    if ((latest.period.end ?? year) < year) {
      // The period must still hold every measurement the plan has (the demo plan has one from before its start).
      const periods = (await write(`query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { indicators { measurements { period } } } }`, { id: latest.id }, kenya)).actionPlan.indicators.flatMap(
        (indicator: { measurements: { period: string }[] }) => indicator.measurements.map((measurement) => Number(measurement.period.slice(0, 4))),
      ) as number[];
      const start = Math.min(latest.period.start ?? year, ...periods);
      await write(`mutation ($id: ID!, $start: Int!, $end: Int!) { updateActionPlan(countryCode: "KE", id: $id, input: { periodStart: $start, periodEnd: $end }) { id } }`, { id: latest.id, start, end: year }, kenya);
    }
    const prepared = (await write(`mutation ($year: Int!) { prepareSubmission(countryCode: "KE", frameworkCode: AU_CRF, year: $year) { id completeness { missing } } }`, { year }, kenya)).prepareSubmission as { id: string; completeness: { missing: string[] } };
    for (const code of prepared.completeness.missing) {
      await write(`mutation ($id: ID!, $code: String!) { explainGap(countryCode: "KE", submissionId: $id, indicatorCode: $code, explanation: "Not collected this year: the survey runs every two years.") { id } }`, { id: prepared.id, code }, kenya);
    }
    await write(`mutation ($id: ID!) { lockSubmission(countryCode: "KE", submissionId: $id) { id } }`, { id: prepared.id }, kenya);
    const submitted = (await write(`mutation ($id: ID!) { submitSubmission(countryCode: "KE", submissionId: $id) { submittedVersion cycle { hubReceipt { version } } } }`, { id: prepared.id }, kenya)).submitSubmission;
    expect(submitted.cycle.hubReceipt.version).toBe(submitted.submittedVersion);

    await open('#/framework/AU_CRF');
    const cycle = page.getByTestId('reporting-cycle');
    await cycle.waitFor();
    await expect(cycle.getAttribute('data-cycle')).resolves.toBe(`AU_CRF-${year}`);
    const kenyaRow = page.locator('[data-testid=reporting-table] tr[data-reporting-country=KE]');
    await expect(kenyaRow.getAttribute('data-state')).resolves.toBe('SUBMITTED');
    await expect(kenyaRow.innerText()).resolves.toMatch(new RegExp(`Kenya\\s+Submitted\\s+${submitted.submittedVersion}\\s`));
    await expect(kenyaRow.locator('td').nth(2).innerText()).resolves.toMatch(/\d{4}/);
    const dueOn = (await (await postGraphQL(hub.gatewayUrl, `{ reportingCycle(code: "AU_CRF-${year}") { dueOn } }`)).body.data!.reportingCycle.dueOn) as string;
    const nigeria = page.locator('[data-testid=reporting-table] tr[data-reporting-country=NG]');
    await expect(nigeria.getAttribute('data-state')).resolves.toBe(new Date(`${dueOn}T23:59:59Z`) < new Date() ? 'LATE' : 'OPEN');
    await expect(page.getByTestId('reporting-summary').innerText()).resolves.toMatch(/^1 of 55 members have handed in/);
    // States with no subgraph that handed in nothing are named, folded away.
    await expect(page.getByTestId('reporting-not-connected').innerText()).resolves.toMatch(/\(52\)/);
    // The due dates are not sourced: marked, like every demo value.
    await expect(cycle.locator('.badge.demo').count()).resolves.toBe(1);

    // Financing across the framework: the members' shares to civil society, computed from demo values and marked so.
    await expect(page.getByTestId('financing-civil-society').innerText()).resolves.toMatch(/\d+\s?%/);
    await page.getByTestId('financing-demo').waitFor();
    await expect(page.locator('[data-testid=financing-table] tr[data-financing-country=KE]').innerText()).resolves.toMatch(/Kenya\s+demo\s+\d+\s?%/);
    await expectAccessible();
    await page.evaluate(() => document.getElementById('reporting')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'framework-reporting');

    // An earlier cycle, through the picker: nobody handed in.
    await page.getByTestId('cycle-picker').selectOption('AU_CRF-2019');
    await page.locator('[data-testid=reporting-cycle][data-cycle="AU_CRF-2019"]').waitFor();
    await expect(page.locator('[data-testid=reporting-table] tr[data-reporting-country=KE]').getAttribute('data-state')).resolves.not.toBe('SUBMITTED');
  });

  it('the country page shows the public record and where it disagrees', async () => {
    const kenya = await kenyaToken();
    const first = ((await write(KENYA_PLANS, {}, kenya)).country.actionPlans as { id: string; iteration: number }[]).find((plan) => plan.iteration === 1)!;
    // Kenya's own data says its first NAP was adopted in April 2016; the record says 8 March 2016.
    await write(`mutation ($id: ID!) { updateActionPlan(countryCode: "KE", id: $id, input: { adoptedOn: "2016-04" }) { id } }`, { id: first.id }, kenya);

    await open('#/country/KE');
    const record = page.locator('[data-testid=public-record] li[data-iteration="1"]');
    await record.waitFor();
    await expect(record.innerText()).resolves.toMatch(/NAP 1\s+2016–2018/);
    await expect(record.getByTestId('record-adopted').innerText()).resolves.toBe('8 March 2016');
    await expect(record.locator('a[href^="http"]').count()).resolves.toBeGreaterThan(0);
    const notice = page.getByTestId('record-disagreements');
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('The member’s own data and the public record disagree.');
    await expect(notice.locator('li[data-field=ADOPTED_ON]').innerText()).resolves.toBe('Plan 1, adoption date: the member says 2016-04, the public record says 2016-03-08.');
    await expectAccessible();

    // A state without a subgraph still has its public record, and nothing to disagree with.
    await open('#/country/DZ');
    await page.getByTestId('not-connected').waitFor();
    await page.locator('#public-record p.muted').first().waitFor();
    await expect(page.getByTestId('record-disagreements').count()).resolves.toBe(0);
  });

  it('the country page shows overdue follow-ups and published civic statements', async () => {
    const kenya = await kenyaToken();
    const plan = (await write(KENYA_PLANS, {}, kenya)).country.currentActionPlan as { partners: { id: string }[]; reports: { recommendations: { id: string; decision: unknown }[] }[] };
    const recommendations = plan.reports.flatMap((report) => report.recommendations);
    const recommendation = recommendations.find((candidate) => candidate.decision) ?? recommendations[0]!;
    if (!recommendation.decision) await write(`mutation ($id: ID!) { recordDecision(countryCode: "KE", recommendationId: $id, input: { text: "Accepted", decidedOn: "2024-02-01" }) { id } }`, { id: recommendation.id }, kenya);
    const add = `mutation ($id: ID!, $input: AddFollowUpActionInput!) { addFollowUpAction(countryCode: "KE", recommendationId: $id, input: $input) { id overdue } }`;
    const late = (await write(add, { id: recommendation.id, input: { description: 'Fund the county action plans', responsiblePartnerId: plan.partners[0]!.id, dueOn: '2025-01-31' } }, kenya)).addFollowUpAction;
    expect(late.overdue).toBe(true);
    await write(add, { id: recommendation.id, input: { description: 'Review the county allocations', responsiblePartnerId: plan.partners[0]!.id, dueOn: `${new Date().getUTCFullYear() + 2}-06-30` } }, kenya);

    // A network admin registers the development CSO; it signs in through the sign-in page, then drafts and publishes.
    const admin = await signDevToken(hub.keys.privateKeyFile, { subject: 'network-admin', roles: [Role.NETWORK_ADMIN] });
    await write(`mutation { registerCivicAuthor(input: { subject: "dev:cso", organisation: "Women lawyers of Kenya (demo organisation)", kind: CSO, countryCode: "KE" }) { subject } }`, {}, admin);
    await signIn('CSO');
    const cso = (await page.evaluate(() => sessionStorage.getItem('wps-hub-token')))!;
    const planId = (await write(`{ country(code: "KE") { currentActionPlan { id } } }`, {}, cso)).country.currentActionPlan.id as string;
    const drafted = (
      await write(
        `mutation ($input: DraftCivicStatementInput!) { draftCivicStatement(input: $input) { id } }`,
        { input: { kind: 'SHADOW_REPORT', countryCode: 'KE', target: 'PLAN', targetId: planId, title: 'Shadow report on Kenya’s NAP', body: 'Budget lines for county plans are missing.', sourceUrl: 'https://example.org/shadow-report.pdf' } },
        cso,
      )
    ).draftCivicStatement as { id: string };
    await write(`mutation ($id: ID!) { publishCivicStatement(id: $id) { id } }`, { id: drafted.id }, cso);
    await write(`mutation ($id: ID!) { answerCivicStatement(countryCode: "KE", statementId: $id, body: "County budgets are in the next estimates.") { id } }`, { id: drafted.id }, kenya);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await open('#/country/KE');
    const overdue = page.locator('[data-testid=follow-ups] tr[data-overdue=true]', { hasText: 'Fund the county action plans' });
    await overdue.waitFor();
    await expect(overdue.innerText()).resolves.toContain('Overdue');
    await expect(page.locator('[data-testid=follow-ups] tr[data-overdue=false]', { hasText: 'Review the county allocations' }).innerText()).resolves.not.toContain('Overdue');
    // The count is the plan's own, as the public reads it: the demo network's follow-ups and this test's.
    const { body: actions } = await postGraphQL(hub.gatewayUrl, `{ country(code: "KE") { currentActionPlan { followUpActions { overdue } } } }`);
    const followUps = actions.data!.country.currentActionPlan.followUpActions as { overdue: boolean }[];
    expect(followUps.some((action) => !action.overdue)).toBe(true);
    await expect(page.getByTestId('overdue-count').innerText()).resolves.toBe(`${followUps.filter((action) => action.overdue).length} of ${followUps.length} actions are overdue.`);
    const statement = page.locator(`[data-testid=civic-statements] li[data-statement="${drafted.id}"]`);
    await expect(statement.innerText()).resolves.toMatch(/Shadow report on Kenya’s NAP\s+Shadow report/);
    await expect(statement.innerText()).resolves.toContain('Women lawyers of Kenya (demo organisation) (Civil society) · Published');
    await expect(statement.getByRole('link', { name: 'Source document' }).getAttribute('href')).resolves.toBe('https://example.org/shadow-report.pdf');
    await expect(statement.getByTestId('state-answer').innerText()).resolves.toMatch(/County budgets are in the next estimates\.\s+Focal point, Kenya/);
    // The plan's financing: costed estimate against allocations, the gap, and who received the money.
    await page.getByTestId('plan-financing').waitFor();
    await expect(page.getByTestId('financing-by-recipient').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('#financing svg.chart').count()).resolves.toBe(1);
    await expectAccessible();
    await page.evaluate(() => document.getElementById('follow-ups')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'country-follow-ups');
    // One picture of the public record, the civic statements and their answers.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.evaluate(() => document.getElementById('public-record')?.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'country-accountability');
  });

  it('works in French, Portuguese and Arabic, with right-to-left layout and country names from the API', async () => {
    const expected = {
      fr: { nav: 'Cadres', kenya: 'Kenya', progress: 'progrès des membres' },
      pt: { nav: 'Quadros', kenya: 'Quénia', progress: 'progresso dos membros' },
      ar: { nav: 'الأطر', kenya: 'كينيا', progress: 'تقدّم الأعضاء' },
    } as const;
    for (const [language, labels] of Object.entries(expected)) {
      await open('#/framework/AU_CRF');
      await page.getByTestId('language').selectOption(language);
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(language);
      await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe(language === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('header nav').innerText()).resolves.toContain(labels.nav);
      // The labels switch at once; the country names are asked of the API again in the new language.
      const kenyaRow = page.locator('[data-testid=members-table] tr[data-country=KE] th');
      await kenyaRow.filter({ hasText: labels.kenya }).waitFor();
      await expect(kenyaRow.innerText()).resolves.toBe(labels.kenya);
      await open('#/framework/AU_CRF/progress');
      await expect(page.locator('main h1').innerText()).resolves.toContain(labels.progress);
      await page.locator('[data-cell="AU-PAR-1|KE"] button').waitFor();
      await open('#/country/KE');
      await page.getByTestId('country-name').filter({ hasText: labels.kenya }).waitFor();
      await expect(page.getByTestId('country-name').innerText()).resolves.toBe(labels.kenya);
      await page.getByTestId('budget-by-year').waitFor();
      await open('#/knowledge/practices');
      await page.locator('#practices li').first().waitFor();
      await expect(page.locator('.notice-error').count()).resolves.toBe(0);
      if (language === 'ar') {
        await open('#/country/KE');
        await page.getByTestId('budget-by-year').waitFor();
        await expectAccessible();
        await screenshot(page, 'country-page-ar');
      }
    }
  });

  it('still renders the country page and the matrix when a member is down, with that member marked unavailable', async () => {
    await hub.network.members.get('NG')!.stop();
    await open('#/country/NG');
    await expect(page.getByTestId('country-name').innerText()).resolves.toBe('Nigeria');
    await page.locator('#budget [data-testid=member-unavailable]').waitFor();
    await page.locator('#indicators [data-testid=member-unavailable]').waitFor();
    await page.locator('#history [data-testid=member-unavailable]').waitFor();
    // The hub's civic statements on Nigeria's plans stand while Nigeria is down; only the state's answers cannot be read.
    await page.locator('[data-testid=civic-statements] [data-testid=state-answers-unavailable]').first().waitFor();
    await expect(page.locator('[data-testid=civic-statements] li[data-statement]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.lead').innerText()).resolves.toContain('AU CRF');
    await expectAccessible();
    await screenshot(page, 'country-unavailable');

    await open('#/framework/AU_CRF/progress');
    await page.locator('[data-cell="AU-PAR-1|KE"] button').waitFor();
    await expect(page.locator('[data-cell="AU-PAR-1|NG"] button').innerText()).resolves.toBe('Unavailable');
    await expect(page.locator('[data-cell="AU-PAR-1|KE"] button').innerText()).resolves.not.toBe('Unavailable');
    await page.getByTestId('member-unavailable').filter({ hasText: 'NG' }).waitFor();
    await screenshot(page, 'progress-unavailable');
  });
});
