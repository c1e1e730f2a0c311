import { randomUUID } from 'node:crypto';
import { createTokenVerifier, Role, signDevToken, type SubgraphServer } from '@wps/kit';
import { closeTestSubgraph, LEAK_PATTERNS, openRoleDataSource, openTestSubgraphDatabase, postGraphQL, silentLogger as logger, testKeys, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../entities.js';
import { claimDatabaseForCountry } from '../member/member-database.js';
import { MEMBER_APP_ROLE } from '../migrations/1764100000000-row-level-security.js';
import { napMigrations } from '../migrations/index.js';
import { createNapServer } from '../server.js';

/** Every table a write may touch; a refused write must leave each exactly as it was. */
const TABLES = [
  'national_action_plan',
  'plan_document',
  'implementing_partner',
  'outcome',
  'output',
  'activity',
  'indicator',
  'indicator_alignment',
  'measurement',
  'budget_line',
  'progress_report',
  'report_recommendation',
] as const;

const PLAN = /* GraphQL */ `
  id countryCode iteration title period { start end } status adoptedOn adoptionInstrument leadAgency focus pillars nationalPillars
  coordinationMechanism civilSocietyInCoordinationBody civilSocietyRoles baselineStudy demoFields
  sources { references note conflict verified } documents { title url kind language } budget { costed earmarked }
`;
const PARTNER = 'id countryCode name kind representativeRole hasImplementationPlan inCoordinationBody isDemo';
const OUTCOME = 'id countryCode code pillar nationalPillar statement isDemo plan { id }';
const OUTPUT = 'id countryCode code statement outcome { id }';
const ACTIVITY = 'id countryCode code title timeline { startsOn endsOn } status responsiblePartner { id } output { id }';
const INDICATOR = /* GraphQL */ `
  id countryCode code title unit level kind baseline { value year } target { value year } disaggregation dataSource frequency
  responsiblePartner { id } outcome { id } output { id } alignments { frameworkCode indicatorCode } plan { id }
`;
const MEASUREMENT = /* GraphQL */ `
  id countryCode period value status version recordedBy publishedAt narrative source reportedStatus
  disaggregatedValues { dimension category value } supersedes { id version value } indicator { id }
`;
const REPORT = 'id countryCode kind title period { start end } status findings publishedAt recommendations { id text decision { text decidedOn decidedBy } }';
const BUDGET_LINE = 'id countryCode fiscalYear description currency allocated disbursed spent fundingSource status partner { id } activity { id } disbursementRate executionRate';

const CREATE_PLAN = `mutation ($countryCode: String!, $input: CreateActionPlanInput!) { createActionPlan(countryCode: $countryCode, input: $input) { ${PLAN} } }`;
const UPDATE_PLAN = `mutation ($countryCode: String!, $id: ID!, $input: UpdateActionPlanInput!) { updateActionPlan(countryCode: $countryCode, id: $id, input: $input) { ${PLAN} } }`;
const CREATE_PARTNER = `mutation ($countryCode: String!, $planId: ID!, $input: CreateImplementingPartnerInput!) { createImplementingPartner(countryCode: $countryCode, planId: $planId, input: $input) { ${PARTNER} } }`;
const UPDATE_PARTNER = `mutation ($countryCode: String!, $id: ID!, $input: UpdateImplementingPartnerInput!) { updateImplementingPartner(countryCode: $countryCode, id: $id, input: $input) { ${PARTNER} } }`;
const CREATE_OUTCOME = `mutation ($countryCode: String!, $planId: ID!, $input: CreateOutcomeInput!) { createOutcome(countryCode: $countryCode, planId: $planId, input: $input) { ${OUTCOME} } }`;
const UPDATE_OUTCOME = `mutation ($countryCode: String!, $id: ID!, $input: UpdateOutcomeInput!) { updateOutcome(countryCode: $countryCode, id: $id, input: $input) { ${OUTCOME} } }`;
const CREATE_OUTPUT = `mutation ($countryCode: String!, $outcomeId: ID!, $input: CreateOutputInput!) { createOutput(countryCode: $countryCode, outcomeId: $outcomeId, input: $input) { ${OUTPUT} } }`;
const UPDATE_OUTPUT = `mutation ($countryCode: String!, $id: ID!, $input: UpdateOutputInput!) { updateOutput(countryCode: $countryCode, id: $id, input: $input) { ${OUTPUT} } }`;
const CREATE_ACTIVITY = `mutation ($countryCode: String!, $outputId: ID!, $input: CreateActivityInput!) { createActivity(countryCode: $countryCode, outputId: $outputId, input: $input) { ${ACTIVITY} } }`;
const UPDATE_ACTIVITY = `mutation ($countryCode: String!, $id: ID!, $input: UpdateActivityInput!) { updateActivity(countryCode: $countryCode, id: $id, input: $input) { ${ACTIVITY} } }`;
const CREATE_INDICATOR = `mutation ($countryCode: String!, $planId: ID!, $input: CreateIndicatorInput!) { createIndicator(countryCode: $countryCode, planId: $planId, input: $input) { ${INDICATOR} } }`;
const UPDATE_INDICATOR = `mutation ($countryCode: String!, $id: ID!, $input: UpdateIndicatorInput!) { updateIndicator(countryCode: $countryCode, id: $id, input: $input) { ${INDICATOR} } }`;
const SET_ALIGNMENTS = `mutation ($countryCode: String!, $indicatorId: ID!, $alignments: [AlignmentInput!]!) { setIndicatorAlignments(countryCode: $countryCode, indicatorId: $indicatorId, alignments: $alignments) { ${INDICATOR} } }`;
const RECORD_MEASUREMENT = `mutation ($countryCode: String!, $input: RecordMeasurementInput!) { recordMeasurement(countryCode: $countryCode, input: $input) { ${MEASUREMENT} } }`;
const PUBLISH_MEASUREMENT = `mutation ($countryCode: String!, $id: ID!) { publishMeasurement(countryCode: $countryCode, id: $id) { ${MEASUREMENT} history { id version value status } } }`;
const IMPORT_MEASUREMENTS = `mutation ($countryCode: String!, $planId: ID!, $csv: String!) { importMeasurements(countryCode: $countryCode, planId: $planId, csv: $csv) { imported measurements { ${MEASUREMENT} } } }`;
const CREATE_REPORT = `mutation ($countryCode: String!, $planId: ID!, $input: CreateProgressReportInput!) { createProgressReport(countryCode: $countryCode, planId: $planId, input: $input) { ${REPORT} } }`;
const RECORD_DECISION = `mutation ($countryCode: String!, $recommendationId: ID!, $input: DecisionInput!) { recordDecision(countryCode: $countryCode, recommendationId: $recommendationId, input: $input) { id text decision { text decidedOn decidedBy } } }`;
const PUBLISH_REPORT = `mutation ($countryCode: String!, $id: ID!) { publishProgressReport(countryCode: $countryCode, id: $id) { ${REPORT} } }`;
const RECORD_BUDGET_LINE = `mutation ($countryCode: String!, $planId: ID!, $input: RecordBudgetLineInput!) { recordBudgetLine(countryCode: $countryCode, planId: $planId, input: $input) { ${BUDGET_LINE} } }`;
const RECORD_EXECUTION = `mutation ($countryCode: String!, $budgetLineId: ID!, $input: BudgetExecutionInput!) { recordBudgetExecution(countryCode: $countryCode, budgetLineId: $budgetLineId, input: $input) { ${BUDGET_LINE} } }`;
const PUBLISH_BUDGET_LINE = `mutation ($countryCode: String!, $id: ID!) { publishBudgetLine(countryCode: $countryCode, id: $id) { ${BUDGET_LINE} } }`;

/** What the public (no token: no drafts) sees of an indicator. */
const PUBLIC_INDICATOR = `query ($id: ID!) { indicator(countryCode: "KE", id: $id) { measurements { id period value version status history { id version value } } } }`;
const PUBLIC_PLAN = `query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { reports { id } budgetLines { id } budget { totals { currency allocated disbursed spent } } } }`;

/** The refusal every validation rule gives: BAD_USER_INPUT naming the input field. */
const badInput = (field: string) => ({ code: 'BAD_USER_INPUT', field });

type Row = Record<string, any>;
interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions: Record<string, any>;
}

describe('writes to the NAP subgraph of one member (KE), asked directly', () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let server: SubgraphServer | undefined;
  let url: string;

  /** The small plan every test builds on (made with the mutations themselves, not the demo seed). */
  let plan: Row;
  let openPlan: Row;
  let partner: Row;
  let strangerPartner: Row;
  let outcome: Row;
  let output: Row;
  let openOutcome: Row;
  let percent: Row;
  let count: Row;
  let story: Row;
  let openIndicator: Row;

  /** Kenya's focal point: the one principal who may write to this member. */
  let token: string;
  const ask = (query: string, variables: Record<string, unknown> = {}, bearer: string | null = token) =>
    postGraphQL(url, query, { countryCode: 'KE', ...variables }, bearer ? { authorization: `Bearer ${bearer}` } : {});

  /** Run a mutation that must succeed; returns its data. */
  async function write(query: string, variables: Record<string, unknown> = {}): Promise<Row> {
    const { status, body } = await ask(query, variables);
    if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors)}`);
    expect(status).toBe(200);
    return body.data!;
  }

  /** Every table's row count and a digest of its rows: a refused write must leave both unchanged. */
  async function tableState(): Promise<Record<string, { rows: number; digest: string }>> {
    const state: Record<string, { rows: number; digest: string }> = {};
    for (const table of TABLES) {
      const [row] = (await dataSource!.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      )) as { rows: number; digest: string }[];
      state[table] = row!;
    }
    return state;
  }

  /** Send a write that must be refused with `code` (and `field`), and check that it wrote nothing anywhere. */
  async function expectRefused(query: string, variables: Record<string, unknown>, expected: { code: string; field?: string }): Promise<GraphQLErrorBody> {
    const before = await tableState();
    const { body } = await ask(query, variables);
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0] as GraphQLErrorBody;
    expect(error.extensions.code).toBe(expected.code);
    if (expected.field !== undefined) expect(error.extensions.field).toBe(expected.field);
    for (const value of Object.values(body.data ?? {})) expect(value).toBeNull();
    expect(await tableState()).toEqual(before);
    return error;
  }

  const measurementInput = (indicator: Row, period: string, extra: Record<string, unknown> = {}) => ({ input: { indicatorId: indicator.id, period, ...extra } });

  beforeAll(async () => {
    ({ database, dataSource } = await openTestSubgraphDatabase('napwrites', napEntities, napMigrations));
    await claimDatabaseForCountry(dataSource, 'KE');
    const keys = await testKeys();
    token = await signDevToken(keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
    server = await createNapServer({
      countryCode: 'KE',
      // The server runs as the service does: a role under row-level security.
      dataSource: await openRoleDataSource(database.url, napEntities, MEMBER_APP_ROLE),
      logger,
      verifier: createTokenVerifier({ jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' }),
    });
    url = await server.listen(0);

    plan = (
      await write(CREATE_PLAN, {
        input: { iteration: 1, title: 'Kenya NAP 2020–2024 (test)', periodStart: 2020, periodEnd: 2024, pillars: ['PARTICIPATION', 'PREVENTION'], nationalPillars: ['Climate security'] },
      })
    ).createActionPlan;
    openPlan = (await write(CREATE_PLAN, { input: { iteration: 2, title: 'A plan whose period is not known' } })).createActionPlan;
    partner = (await write(CREATE_PARTNER, { planId: plan.id, input: { name: 'Ministry of Gender', kind: 'MINISTRY' } })).createImplementingPartner;
    strangerPartner = (await write(CREATE_PARTNER, { planId: openPlan.id, input: { name: 'A partner of the other plan', kind: 'CSO' } })).createImplementingPartner;
    outcome = (await write(CREATE_OUTCOME, { planId: plan.id, input: { code: 'O1', pillar: 'PARTICIPATION', statement: 'Women take part in decisions on peace and security.' } }))
      .createOutcome;
    output = (await write(CREATE_OUTPUT, { outcomeId: outcome.id, input: { code: 'O1.1', statement: 'Officers are trained on WPS.' } })).createOutput;
    openOutcome = (await write(CREATE_OUTCOME, { planId: openPlan.id, input: { code: 'O1', pillar: 'PROTECTION', statement: 'Survivors are protected.' } })).createOutcome;
    percent = (
      await write(CREATE_INDICATOR, {
        planId: plan.id,
        input: {
          code: 'P1',
          title: 'Share of women in parliament',
          level: 'OUTCOME',
          unit: '%',
          outcomeId: outcome.id,
          baseline: { value: 20, year: 2019 },
          target: { value: 40, year: 2024 },
          disaggregation: ['sex'],
          frequency: 'ANNUAL',
        },
      })
    ).createIndicator;
    count = (await write(CREATE_INDICATOR, { planId: plan.id, input: { code: 'N1', title: 'Officers trained', level: 'OUTPUT', unit: 'number', outputId: output.id } }))
      .createIndicator;
    story = (
      await write(CREATE_INDICATOR, {
        planId: plan.id,
        input: { code: 'Q1', title: 'Quality of civil society participation', level: 'OUTCOME', kind: 'QUALITATIVE', unit: 'assessment', outcomeId: outcome.id },
      })
    ).createIndicator;
    openIndicator = (await write(CREATE_INDICATOR, { planId: openPlan.id, input: { code: 'X1', title: 'Shelters open', level: 'OUTCOME', unit: 'number', outcomeId: openOutcome.id } }))
      .createIndicator;
  });

  afterAll(() => closeTestSubgraph({ server, dataSource, database }));

  describe('the happy path of every mutation', () => {
    it('createActionPlan stores every field and returns the plan as the contract shows it, a DRAFT unless told otherwise', async () => {
      const { createActionPlan: created } = await write(CREATE_PLAN, {
        input: {
          iteration: 3,
          title: '  Kenya Third NAP  ',
          periodStart: 2025,
          periodEnd: 2029,
          adoptedOn: '2025-03',
          adoptionInstrument: 'Cabinet decision',
          leadAgency: 'State Department for Gender',
          focus: 'BOTH',
          pillars: ['PARTICIPATION', 'PROTECTION', 'PARTICIPATION'],
          nationalPillars: ['Climate security', 'Countering violent extremism'],
          coordinationMechanism: 'National Steering Committee',
          civilSocietyInCoordinationBody: true,
          civilSocietyRoles: ['DESIGN', 'MONITORING'],
          baselineStudy: true,
          costed: true,
          earmarked: false,
          sources: { references: ['https://example.org/kenya-nap-3'], note: 'Validated in 2025', conflict: null },
          documents: [
            { title: 'The plan', url: 'https://example.org/kenya-nap-3.pdf', kind: 'PLAN', language: 'en' },
            { title: 'Baseline study', kind: 'BASELINE_STUDY' },
          ],
        },
      });
      expect(created).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        iteration: 3,
        title: 'Kenya Third NAP',
        period: { start: 2025, end: 2029 },
        status: 'DRAFT',
        adoptedOn: '2025-03',
        adoptionInstrument: 'Cabinet decision',
        leadAgency: 'State Department for Gender',
        focus: 'BOTH',
        pillars: ['PARTICIPATION', 'PROTECTION'],
        nationalPillars: ['Climate security', 'Countering violent extremism'],
        coordinationMechanism: 'National Steering Committee',
        civilSocietyInCoordinationBody: true,
        civilSocietyRoles: ['DESIGN', 'MONITORING'],
        baselineStudy: true,
        demoFields: [],
        sources: { references: ['https://example.org/kenya-nap-3'], note: 'Validated in 2025', conflict: null, verified: true },
        documents: [
          { title: 'The plan', url: 'https://example.org/kenya-nap-3.pdf', kind: 'PLAN', language: 'en' },
          { title: 'Baseline study', url: null, kind: 'BASELINE_STUDY', language: null },
        ],
        budget: { costed: true, earmarked: false },
      });
      const [row] = await dataSource!.query('SELECT iteration, title, status FROM national_action_plan WHERE id = $1', [created.id]);
      expect(row).toEqual({ iteration: 3, title: 'Kenya Third NAP', status: 'DRAFT' });
    });

    it('updateActionPlan changes only the fields it is given, clears those set to null, and replaces the documents', async () => {
      const { createActionPlan: created } = await write(CREATE_PLAN, {
        input: {
          iteration: 4,
          title: 'Before',
          status: 'ADOPTED',
          leadAgency: 'Ministry A',
          adoptionInstrument: 'Decree',
          documents: [
            { title: 'Old one', kind: 'PLAN' },
            { title: 'Old two', kind: 'REPORT' },
          ],
        },
      });
      const { updateActionPlan: updated } = await write(UPDATE_PLAN, {
        id: created.id,
        input: { title: 'After', leadAgency: null, periodStart: 2021, periodEnd: null, documents: [{ title: 'New', url: 'http://example.org/new', kind: 'OTHER', language: 'fr' }] },
      });
      expect(updated).toMatchObject({
        id: created.id,
        iteration: 4,
        title: 'After',
        status: 'ADOPTED',
        leadAgency: null,
        adoptionInstrument: 'Decree',
        period: { start: 2021, end: null },
        documents: [{ title: 'New', url: 'http://example.org/new', kind: 'OTHER', language: 'fr' }],
      });
      expect(await dataSource!.query('SELECT count(*)::int AS n FROM plan_document WHERE plan_id = $1', [created.id])).toEqual([{ n: 1 }]);
    });

    it('createImplementingPartner adds a partner to the plan; updateImplementingPartner changes the fields it is given', async () => {
      const { createImplementingPartner: created } = await write(CREATE_PARTNER, {
        planId: plan.id,
        input: { name: 'Kenya Women Parliamentary Association', kind: 'PARLIAMENT', representativeRole: 'WPS_CHAMPION' },
      });
      expect(created).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        name: 'Kenya Women Parliamentary Association',
        kind: 'PARLIAMENT',
        representativeRole: 'WPS_CHAMPION',
        hasImplementationPlan: false,
        inCoordinationBody: false,
        isDemo: false,
      });
      const { updateImplementingPartner: updated } = await write(UPDATE_PARTNER, { id: created.id, input: { representativeRole: null, inCoordinationBody: true } });
      expect(updated).toEqual({ ...created, representativeRole: null, inCoordinationBody: true });
      const { body } = await ask(`query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { partners { id } } }`, { id: plan.id });
      expect(body.data!.actionPlan.partners).toContainEqual({ id: created.id });
    });

    it('builds a logframe: outcomes under a pillar or a national pillar, outputs, activities with a partner and dates, each updatable', async () => {
      const { createOutcome: national } = await write(CREATE_OUTCOME, {
        planId: plan.id,
        input: { code: 'O9', nationalPillar: 'Climate security', statement: 'Climate risks to women are addressed.' },
      });
      expect(national).toMatchObject({ code: 'O9', pillar: null, nationalPillar: 'Climate security', isDemo: false, plan: { id: plan.id } });
      const { updateOutcome: moved } = await write(UPDATE_OUTCOME, { id: national.id, input: { pillar: 'PREVENTION', statement: 'Conflicts over resources are prevented.' } });
      expect(moved).toMatchObject({ code: 'O9', pillar: 'PREVENTION', nationalPillar: null, statement: 'Conflicts over resources are prevented.' });

      const { createOutput: created } = await write(CREATE_OUTPUT, { outcomeId: national.id, input: { code: 'O9.1', statement: 'Early warning includes women.' } });
      expect(created).toMatchObject({ code: 'O9.1', outcome: { id: national.id } });
      const { updateOutput: renamed } = await write(UPDATE_OUTPUT, { id: created.id, input: { code: 'O9.A' } });
      expect(renamed).toMatchObject({ code: 'O9.A', statement: 'Early warning includes women.' });

      const { createActivity: activity } = await write(CREATE_ACTIVITY, {
        outputId: created.id,
        input: { code: 'A1', title: 'Train county peace committees', responsiblePartnerId: partner.id, startsOn: '2021-01-15', endsOn: '2022-06-30' },
      });
      expect(activity).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        code: 'A1',
        title: 'Train county peace committees',
        timeline: { startsOn: '2021-01-15', endsOn: '2022-06-30' },
        status: 'PLANNED',
        responsiblePartner: { id: partner.id },
        output: { id: created.id },
      });
      const { updateActivity: ongoing } = await write(UPDATE_ACTIVITY, { id: activity.id, input: { status: 'ONGOING', endsOn: '2023-12-31', responsiblePartnerId: null } });
      expect(ongoing).toMatchObject({ status: 'ONGOING', timeline: { startsOn: '2021-01-15', endsOn: '2023-12-31' }, responsiblePartner: null });

      const { body } = await ask(`query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { outcomes { code outputs { code activities { code } } } } }`, { id: plan.id });
      expect(body.data!.actionPlan.outcomes).toContainEqual({ code: 'O9', outputs: [{ code: 'O9.A', activities: [{ code: 'A1' }] }] });
    });

    it('createIndicator links an indicator to its outcome or output with benchmarks and alignments; updateIndicator and setIndicatorAlignments replace what they are given', async () => {
      const { createIndicator: created } = await write(CREATE_INDICATOR, {
        planId: plan.id,
        input: {
          code: 'P2',
          title: 'Women among peace negotiators',
          level: 'OUTCOME',
          unit: '%',
          outcomeId: outcome.id,
          baseline: { value: 5 },
          target: { value: 30, year: 2024 },
          disaggregation: ['age', 'location'],
          dataSource: 'Ministry records',
          frequency: 'ANNUAL',
          responsiblePartnerId: partner.id,
          alignments: [
            { frameworkCode: 'UN_1325', indicatorCode: 'UN-4A' },
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
          ],
        },
      });
      expect(created).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        code: 'P2',
        title: 'Women among peace negotiators',
        unit: '%',
        level: 'OUTCOME',
        kind: 'QUANTITATIVE',
        baseline: { value: 5, year: null },
        target: { value: 30, year: 2024 },
        disaggregation: ['age', 'location'],
        dataSource: 'Ministry records',
        frequency: 'ANNUAL',
        responsiblePartner: { id: partner.id },
        outcome: { id: outcome.id },
        output: null,
        alignments: [
          { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
          { frameworkCode: 'UN_1325', indicatorCode: 'UN-4A' },
        ],
        plan: { id: plan.id },
      });

      const { updateIndicator: updated } = await write(UPDATE_INDICATOR, {
        id: created.id,
        input: { title: 'Women among negotiators and mediators', level: 'OUTPUT', outputId: output.id, target: { value: 35, year: 2024 }, alignments: [{ frameworkCode: 'EU_GAP_III', indicatorCode: 'GAP-WPS-1.2' }] },
      });
      expect(updated).toMatchObject({
        title: 'Women among negotiators and mediators',
        level: 'OUTPUT',
        outcome: null,
        output: { id: output.id },
        baseline: { value: 5, year: null },
        target: { value: 35, year: 2024 },
        alignments: [{ frameworkCode: 'EU_GAP_III', indicatorCode: 'GAP-WPS-1.2' }],
      });

      const { setIndicatorAlignments: aligned } = await write(SET_ALIGNMENTS, {
        indicatorId: created.id,
        alignments: [
          { frameworkCode: 'OSCE', indicatorCode: 'OSCE-3' },
          { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-2' },
        ],
      });
      expect(aligned.alignments).toEqual([
        { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-2' },
        { frameworkCode: 'OSCE', indicatorCode: 'OSCE-3' },
      ]);
      expect(await dataSource!.query('SELECT framework_code FROM indicator_alignment WHERE indicator_id = $1 ORDER BY 1', [created.id])).toEqual([
        { framework_code: 'AU_CRF' },
        { framework_code: 'OSCE' },
      ]);
    });

    it('recordMeasurement stores a DRAFT recorded by the writer, which the public sees only after publishMeasurement', async () => {
      const { recordMeasurement: draft } = await write(
        RECORD_MEASUREMENT,
        measurementInput(percent, '2021', { value: 25, source: ' Parliament records ', disaggregatedValues: [{ dimension: 'sex', category: 'female', value: 25 }] }),
      );
      expect(draft).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        period: '2021',
        value: 25,
        status: 'DRAFT',
        version: 1,
        recordedBy: 'focal-point:KE',
        publishedAt: null,
        narrative: null,
        source: 'Parliament records',
        reportedStatus: null,
        disaggregatedValues: [{ dimension: 'sex', category: 'female', value: 25 }],
        supersedes: null,
        indicator: { id: percent.id },
      });
      const hidden = await ask(PUBLIC_INDICATOR, { id: percent.id }, null);
      expect(hidden.body.data!.indicator.measurements.map((measurement: Row) => measurement.id)).not.toContain(draft.id);

      const { publishMeasurement: published } = await write(PUBLISH_MEASUREMENT, { id: draft.id });
      expect(published).toMatchObject({ id: draft.id, status: 'PUBLISHED', version: 1, value: 25, publishedAt: expect.any(String) });
      const shown = await ask(PUBLIC_INDICATOR, { id: percent.id }, null);
      expect(shown.body.data!.indicator.measurements).toContainEqual(expect.objectContaining({ id: draft.id, period: '2021', status: 'PUBLISHED' }));
      expect(await dataSource!.query('SELECT status, published_by, recorded_by FROM measurement WHERE id = $1', [draft.id])).toEqual([
        { status: 'PUBLISHED', published_by: 'focal-point:KE', recorded_by: 'focal-point:KE' },
      ]);
    });

    it('a correction is a new version: the old one stays readable (history, supersedes) and the public sees the new value only once it is published', async () => {
      const { recordMeasurement: first } = await write(RECORD_MEASUREMENT, measurementInput(percent, '2022', { value: 30, source: 'Survey' }));
      await write(PUBLISH_MEASUREMENT, { id: first.id });

      const { recordMeasurement: correction } = await write(RECORD_MEASUREMENT, measurementInput(percent, '2022', { value: 31, source: 'Survey, corrected' }));
      expect(correction).toMatchObject({ period: '2022', value: 31, status: 'DRAFT', version: 2, supersedes: { id: first.id, version: 1, value: 30 } });
      expect(await dataSource!.query('SELECT supersedes_id FROM measurement WHERE id = $1', [correction.id])).toEqual([{ supersedes_id: first.id }]);

      const periodOf = async (period: string) =>
        ((await ask(PUBLIC_INDICATOR, { id: percent.id }, null)).body.data!.indicator.measurements as Row[]).filter((measurement) => measurement.period === period);
      // Until the correction is published, the public still sees the old value.
      expect(await periodOf('2022')).toEqual([{ id: first.id, period: '2022', value: 30, version: 1, status: 'PUBLISHED', history: [{ id: first.id, version: 1, value: 30 }] }]);

      const { publishMeasurement: published } = await write(PUBLISH_MEASUREMENT, { id: correction.id });
      expect(published.history).toEqual([
        { id: first.id, version: 1, value: 30, status: 'PUBLISHED' },
        { id: correction.id, version: 2, value: 31, status: 'PUBLISHED' },
      ]);
      expect(await periodOf('2022')).toEqual([
        {
          id: correction.id,
          period: '2022',
          value: 31,
          version: 2,
          status: 'PUBLISHED',
          history: [
            { id: first.id, version: 1, value: 30 },
            { id: correction.id, version: 2, value: 31 },
          ],
        },
      ]);
      // The stored first version is untouched.
      expect(await dataSource!.query('SELECT value, status, source FROM measurement WHERE id = $1', [first.id])).toEqual([{ value: '30', status: 'PUBLISHED', source: 'Survey' }]);
    });

    it('createProgressReport records a DRAFT with its recommendations; recordDecision; publishProgressReport makes it public', async () => {
      const { createProgressReport: report } = await write(CREATE_REPORT, {
        planId: plan.id,
        input: {
          kind: 'ANNUAL',
          title: 'Annual report 2021',
          periodStart: 2021,
          periodEnd: 2021,
          findings: ['Women hold 23% of seats.'],
          recommendations: [
            { text: 'Fund women-led CSOs.' },
            { text: 'Train police on GBV.', decision: { text: 'Accepted', decidedOn: '2022-03-01', decidedBy: 'Steering committee' } },
          ],
        },
      });
      expect(report).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        kind: 'ANNUAL',
        title: 'Annual report 2021',
        period: { start: 2021, end: 2021 },
        status: 'DRAFT',
        findings: ['Women hold 23% of seats.'],
        publishedAt: null,
        recommendations: [
          { id: expect.any(String), text: 'Fund women-led CSOs.', decision: null },
          { id: expect.any(String), text: 'Train police on GBV.', decision: { text: 'Accepted', decidedOn: '2022-03-01', decidedBy: 'Steering committee' } },
        ],
      });
      const publicReports = async () => ((await ask(PUBLIC_PLAN, { id: plan.id }, null)).body.data!.actionPlan.reports as Row[]).map((found) => found.id);
      expect(await publicReports()).not.toContain(report.id);

      const { recordDecision: decided } = await write(RECORD_DECISION, {
        recommendationId: report.recommendations[0].id,
        input: { text: 'Accepted, with a budget line in 2023', decidedOn: '2022-04-12' },
      });
      expect(decided).toEqual({ id: report.recommendations[0].id, text: 'Fund women-led CSOs.', decision: { text: 'Accepted, with a budget line in 2023', decidedOn: '2022-04-12', decidedBy: null } });

      const { publishProgressReport: published } = await write(PUBLISH_REPORT, { id: report.id });
      expect(published).toMatchObject({ id: report.id, status: 'PUBLISHED', publishedAt: expect.any(String) });
      expect(await publicReports()).toContain(report.id);
      expect(await dataSource!.query('SELECT published_by FROM progress_report WHERE id = $1', [report.id])).toEqual([{ published_by: 'focal-point:KE' }]);
    });

    it('recordBudgetLine records a DRAFT; recordBudgetExecution updates disbursed and spent; publishBudgetLine makes it public', async () => {
      const { recordBudgetLine: line } = await write(RECORD_BUDGET_LINE, {
        planId: plan.id,
        input: { fiscalYear: 2022, partnerId: partner.id, description: 'Training of peace committees', currency: 'KES', allocated: 1_000_000, fundingSource: 'NATIONAL_BUDGET' },
      });
      expect(line).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        fiscalYear: 2022,
        description: 'Training of peace committees',
        currency: 'KES',
        allocated: 1_000_000,
        disbursed: 0,
        spent: 0,
        fundingSource: 'NATIONAL_BUDGET',
        status: 'DRAFT',
        partner: { id: partner.id },
        activity: null,
        disbursementRate: 0,
        executionRate: 0,
      });
      const publicLines = async () => ((await ask(PUBLIC_PLAN, { id: plan.id }, null)).body.data!.actionPlan.budgetLines as Row[]).map((found) => found.id);
      expect(await publicLines()).not.toContain(line.id);

      const { recordBudgetExecution: executed } = await write(RECORD_EXECUTION, { budgetLineId: line.id, input: { disbursed: 500_000, spent: 250_000.5 } });
      expect(executed).toMatchObject({ allocated: 1_000_000, disbursed: 500_000, spent: 250_000.5, disbursementRate: 0.5, executionRate: 0.25 });

      const { publishBudgetLine: published } = await write(PUBLISH_BUDGET_LINE, { id: line.id });
      expect(published.status).toBe('PUBLISHED');
      expect(await publicLines()).toContain(line.id);
      expect((await ask(PUBLIC_PLAN, { id: plan.id }, null)).body.data!.actionPlan.budget.totals).toEqual([
        { currency: 'KES', allocated: 1_000_000, disbursed: 500_000, spent: 250_000.5 },
      ]);
    });

    it('importMeasurements records every row as a DRAFT in one go, a correction where the period already has a value', async () => {
      const { recordMeasurement: earlier } = await write(RECORD_MEASUREMENT, measurementInput(percent, '2020-H1', { value: 21, source: 'Survey' }));
      const before = (await tableState()).measurement.rows;
      const csv = [
        'period,indicator_code,value,source,narrative,reported_status,disaggregation',
        '2020-H1,P1,22,Survey,,,sex:female=22;sex:male=78',
        '2021,N1,120,Register,,,',
        '2022,N1,150,Register,"Two districts, not yet all",,',
        '2021,Q1,,,"Women\'s groups sat on the county forum',
        'and were heard",on_track,',
      ].join('\n');
      const { importMeasurements: result } = await write(IMPORT_MEASUREMENTS, { planId: plan.id, csv });
      expect(result.imported).toBe(4);
      expect(result.measurements.map((measurement: Row) => [measurement.indicator.id, measurement.period, measurement.value, measurement.version, measurement.status])).toEqual([
        [percent.id, '2020-H1', 22, 2, 'DRAFT'],
        [count.id, '2021', 120, 1, 'DRAFT'],
        [count.id, '2022', 150, 1, 'DRAFT'],
        [story.id, '2021', null, 1, 'DRAFT'],
      ]);
      expect(result.measurements[0]).toMatchObject({
        // The version it corrects is a draft: the focal point who imports sees it (the public would not).
        supersedes: expect.objectContaining({ id: earlier.id }),
        disaggregatedValues: [
          { dimension: 'sex', category: 'female', value: 22 },
          { dimension: 'sex', category: 'male', value: 78 },
        ],
      });
      expect(result.measurements[2].narrative).toBe('Two districts, not yet all');
      expect(result.measurements[3]).toMatchObject({ narrative: "Women's groups sat on the county forum\nand were heard", reportedStatus: 'ON_TRACK' });
      expect(await dataSource!.query('SELECT supersedes_id FROM measurement WHERE id = $1', [result.measurements[0].id])).toEqual([{ supersedes_id: earlier.id }]);
      expect((await tableState()).measurement.rows).toBe(before + 4);
    });

    it('runs the mutations of one request in order, each answering with what the earlier ones wrote', async () => {
      const { body } = await ask(
        /* GraphQL */ `mutation ($planId: ID!) {
          first: createOutcome(countryCode: "KE", planId: $planId, input: { code: "S1", pillar: PROTECTION, statement: "First" }) { plan { outcomes { code } } }
          second: createOutcome(countryCode: "KE", planId: $planId, input: { code: "S2", pillar: PROTECTION, statement: "Second" }) { plan { outcomes { code } } }
        }`,
        { planId: plan.id },
      );
      expect(body.errors).toBeUndefined();
      const codes = (key: string) => (body.data![key].plan.outcomes as Row[]).map((found) => found.code);
      expect(codes('first')).toContain('S1');
      expect(codes('first')).not.toContain('S2');
      expect(codes('second')).toEqual(expect.arrayContaining(['S1', 'S2']));
    });
  });

  describe('every write is one transaction that keeps to its member', () => {
    it('a write that fails half-way leaves nothing behind', async () => {
      // Make the second statement of createActionPlan (its documents) fail after the plan row is written.
      await dataSource!.query(`CREATE FUNCTION test_refuse_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
      await dataSource!.query(`CREATE TRIGGER test_refuse_document BEFORE INSERT ON plan_document FOR EACH ROW EXECUTE FUNCTION test_refuse_document()`);
      try {
        const error = await expectRefused(CREATE_PLAN, { input: { iteration: 7, title: 'Half-written', documents: [{ title: 'The plan', kind: 'PLAN' }] } }, { code: 'INTERNAL_SERVER_ERROR' });
        expect(error.message).toBe('Internal server error');
        for (const pattern of LEAK_PATTERNS) expect(JSON.stringify(error)).not.toMatch(pattern);
        expect(await dataSource!.query('SELECT id FROM national_action_plan WHERE iteration = 7')).toEqual([]);
      } finally {
        await dataSource!.query('DROP TRIGGER test_refuse_document ON plan_document');
        await dataSource!.query('DROP FUNCTION test_refuse_document()');
      }
    });

    it('refuses a write addressed to another country with COUNTRY_NOT_SERVED, and writes nothing', async () => {
      const error = await expectRefused(CREATE_PLAN, { countryCode: 'NG', input: { iteration: 8, title: 'Nigeria NAP' } }, { code: 'COUNTRY_NOT_SERVED' });
      expect(error.extensions.country).toBe('NG');
      expect(error.path).toEqual(['createActionPlan']);
      await expectRefused(RECORD_MEASUREMENT, { countryCode: 'NG', ...measurementInput(percent, '2023', { value: 50, source: 'x' }) }, { code: 'COUNTRY_NOT_SERVED' });
      await expectRefused(PUBLISH_MEASUREMENT, { countryCode: 'ke', id: randomUUID() }, { code: 'COUNTRY_NOT_SERVED' });
    });

    it('answers NOT_FOUND, naming the argument, for an id this member does not have', async () => {
      await expectRefused(CREATE_OUTCOME, { planId: randomUUID(), input: { code: 'Z', pillar: 'PREVENTION', statement: 'Nowhere' } }, { code: 'NOT_FOUND', field: 'planId' });
      await expectRefused(PUBLISH_MEASUREMENT, { id: 'not-a-uuid' }, { code: 'NOT_FOUND', field: 'id' });
      await expectRefused(RECORD_MEASUREMENT, { input: { indicatorId: randomUUID(), period: '2021', value: 1 } }, { code: 'NOT_FOUND', field: 'input.indicatorId' });
    });

    it('the append-only trigger refuses an UPDATE of a stored measurement value and any DELETE (raw SQL)', async () => {
      const { recordMeasurement: draft } = await write(RECORD_MEASUREMENT, measurementInput(count, '2023', { value: 10, source: 'Register' }));
      const { publishMeasurement: published } = await write(PUBLISH_MEASUREMENT, { id: draft.id });
      const { recordMeasurement: other } = await write(RECORD_MEASUREMENT, measurementInput(count, '2024', { value: 12 }));
      const before = await tableState();
      await expect(dataSource!.query('UPDATE measurement SET value = 99 WHERE id = $1', [published.id])).rejects.toThrow(/append-only/);
      await expect(dataSource!.query('UPDATE measurement SET value = 99 WHERE id = $1', [other.id])).rejects.toThrow(/append-only/);
      await expect(dataSource!.query(`UPDATE measurement SET status = 'DRAFT' WHERE id = $1`, [published.id])).rejects.toThrow(/append-only/);
      await expect(dataSource!.query('DELETE FROM measurement WHERE id = $1', [other.id])).rejects.toThrow(/append-only/);
      expect(await tableState()).toEqual(before);
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 1: a measurement period outside the plan period, or not a period at all', async () => {
      const error = await expectRefused(RECORD_MEASUREMENT, measurementInput(percent, '2019', { value: 30, source: 'x' }), badInput('input.period'));
      expect(error.message).toContain('2020–2024');
      await expectRefused(RECORD_MEASUREMENT, measurementInput(percent, '2025-Q1', { value: 30 }), badInput('input.period'));
      await expectRefused(RECORD_MEASUREMENT, measurementInput(percent, '2023-Q5', { value: 30 }), badInput('input.period'));
      await expectRefused(RECORD_MEASUREMENT, measurementInput(percent, '2023-13', { value: 30 }), badInput('input.period'));
    });

    it('rule 1: a plan without a known start takes no measurements', async () => {
      const error = await expectRefused(RECORD_MEASUREMENT, measurementInput(openIndicator, '2021', { value: 3 }), badInput('input.period'));
      expect(error.message).toMatch(/start year is not known/);
    });

    it('rule 1: activity dates outside the plan period, ending before they start, or not dates', async () => {
      const activity = (input: Record<string, unknown>) => ({ outputId: output.id, input: { code: 'A-BAD', title: 'Out of time', ...input } });
      await expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2019-12-31' }), badInput('input.startsOn'));
      await expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2024-06-01', endsOn: '2025-01-01' }), badInput('input.endsOn'));
      await expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2022-06-01', endsOn: '2022-05-31' }), badInput('input.endsOn'));
      await expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2021-02-30' }), badInput('input.startsOn'));
      const { createActivity: kept } = await write(CREATE_ACTIVITY, activity({ code: 'A-OK', startsOn: '2020-01-01', endsOn: '2024-12-31' }));
      await expectRefused(UPDATE_ACTIVITY, { id: kept.id, input: { endsOn: '2026-01-01' } }, badInput('input.endsOn'));
    });

    it('rule 1: a progress report period outside the plan period', async () => {
      const report = (periodStart: number, periodEnd: number) => ({ planId: plan.id, input: { kind: 'MID_TERM_REVIEW', title: 'Review', periodStart, periodEnd, findings: ['x'] } });
      await expectRefused(CREATE_REPORT, report(2022, 2025), badInput('input.periodEnd'));
      await expectRefused(CREATE_REPORT, report(2019, 2021), badInput('input.periodStart'));
      await expectRefused(CREATE_REPORT, report(2023, 2022), badInput('input.periodEnd'));
    });

    it('rule 1: a budget fiscal year outside the plan period', async () => {
      const line = (fiscalYear: number, planId = plan.id) => ({ planId, input: { fiscalYear, partnerId: null, description: 'Out of time', currency: 'KES', allocated: 1, fundingSource: 'DONOR' } });
      await expectRefused(RECORD_BUDGET_LINE, line(2019), badInput('input.fiscalYear'));
      await expectRefused(RECORD_BUDGET_LINE, line(2025), badInput('input.fiscalYear'));
      await expectRefused(RECORD_BUDGET_LINE, line(2021, openPlan.id), badInput('input.fiscalYear'));
    });

    it('rule 1: a new plan period that would leave what is already dated in the plan outside it', async () => {
      await write(RECORD_MEASUREMENT, measurementInput(percent, '2020', { value: 21 }));
      const error = await expectRefused(UPDATE_PLAN, { id: plan.id, input: { periodStart: 2021 } }, badInput('input.periodStart'));
      expect(error.message).toMatch(/from 2020, before 2021/);
      await expectRefused(UPDATE_PLAN, { id: plan.id, input: { periodStart: null } }, badInput('input.periodStart'));
      await expectRefused(UPDATE_PLAN, { id: plan.id, input: { periodEnd: 2019 } }, badInput('input.periodEnd'));
    });

    it('rule 2: a percentage outside 0–100 as baseline, target, value or disaggregated value, and a negative count', async () => {
      const indicator = (input: Record<string, unknown>) => ({ planId: plan.id, input: { code: 'P-BAD', title: 'Bad', level: 'OUTCOME', unit: '%', outcomeId: outcome.id, ...input } });
      await expectRefused(CREATE_INDICATOR, indicator({ baseline: { value: 120 } }), badInput('input.baseline.value'));
      await expectRefused(CREATE_INDICATOR, indicator({ target: { value: -1, year: 2024 } }), badInput('input.target.value'));
      await expectRefused(UPDATE_INDICATOR, { id: percent.id, input: { target: { value: 100.5 } } }, badInput('input.target.value'));
      await expectRefused(RECORD_MEASUREMENT, measurementInput(percent, '2023', { value: 100.5, source: 'x' }), badInput('input.value'));
      await expectRefused(
        RECORD_MEASUREMENT,
        measurementInput(percent, '2023', { value: 40, disaggregatedValues: [{ dimension: 'sex', category: 'female', value: 140 }] }),
        badInput('input.disaggregatedValues[0].value'),
      );
      await expectRefused(RECORD_MEASUREMENT, measurementInput(count, '2023', { value: -3 }), badInput('input.value'));
      await expectRefused(UPDATE_INDICATOR, { id: count.id, input: { baseline: { value: -1 } } }, badInput('input.baseline.value'));
    });

    it('rule 2: a value on a qualitative indicator, a reported status or an undeclared dimension on a quantitative one, a baseline on a qualitative one', async () => {
      const error = await expectRefused(RECORD_MEASUREMENT, measurementInput(story, '2022', { value: 3, reportedStatus: 'ON_TRACK' }), badInput('input.value'));
      expect(error.message).toContain('qualitative');
      await expectRefused(RECORD_MEASUREMENT, measurementInput(percent, '2023', { value: 40, reportedStatus: 'ON_TRACK' }), badInput('input.reportedStatus'));
      await expectRefused(
        RECORD_MEASUREMENT,
        measurementInput(percent, '2023', { value: 40, disaggregatedValues: [{ dimension: 'age', category: '18-35', value: 10 }] }),
        badInput('input.disaggregatedValues[0].dimension'),
      );
      await expectRefused(RECORD_MEASUREMENT, measurementInput(story, '2022', {}), badInput('input.narrative'));
      await expectRefused(
        CREATE_INDICATOR,
        { planId: plan.id, input: { code: 'Q-BAD', title: 'Bad', level: 'OUTCOME', kind: 'QUALITATIVE', unit: 'assessment', outcomeId: outcome.id, baseline: { value: 1 } } },
        badInput('input.baseline'),
      );
      // An indicator with measurements keeps its kind: they are append-only.
      await expectRefused(UPDATE_INDICATOR, { id: percent.id, input: { kind: 'QUALITATIVE', baseline: null, target: null } }, badInput('input.kind'));
    });

    it('rule 3: negative money, and a currency that is not an ISO 4217 code', async () => {
      const line = (input: Record<string, unknown>) => ({
        planId: plan.id,
        input: { fiscalYear: 2023, partnerId: partner.id, description: 'Shelters', currency: 'KES', allocated: 100, fundingSource: 'DONOR', ...input },
      });
      await expectRefused(RECORD_BUDGET_LINE, line({ allocated: -1 }), badInput('input.allocated'));
      await expectRefused(RECORD_BUDGET_LINE, line({ spent: -0.01 }), badInput('input.spent'));
      await expectRefused(RECORD_BUDGET_LINE, line({ currency: 'kes' }), badInput('input.currency'));
      await expectRefused(RECORD_BUDGET_LINE, line({ currency: 'KSH1' }), badInput('input.currency'));
      const { recordBudgetLine: kept } = await write(RECORD_BUDGET_LINE, line({}));
      await expectRefused(RECORD_EXECUTION, { budgetLineId: kept.id, input: { disbursed: -5 } }, badInput('input.disbursed'));
      await expectRefused(RECORD_EXECUTION, { budgetLineId: kept.id, input: { disbursed: 1e17 } }, badInput('input.disbursed'));
    });

    it('rule 4: an unknown alignment framework is refused by GraphQL input coercion as BAD_USER_INPUT', async () => {
      const error = await expectRefused(SET_ALIGNMENTS, { indicatorId: percent.id, alignments: [{ frameworkCode: 'ASEAN_RPA', indicatorCode: 'ASEAN-1' }] }, { code: 'BAD_USER_INPUT' });
      expect(error.message).toContain('ASEAN_RPA');
      await expectRefused(
        CREATE_INDICATOR,
        { planId: plan.id, input: { code: 'P-BAD', title: 'Bad', level: 'OUTCOME', unit: '%', outcomeId: outcome.id, alignments: [{ frameworkCode: 'CRF', indicatorCode: 'AU-1' }] } },
        { code: 'BAD_USER_INPUT' },
      );
    });

    it('rule 4: a malformed or repeated framework indicator code', async () => {
      await write(SET_ALIGNMENTS, { indicatorId: percent.id, alignments: [{ frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' }] });
      const error = await expectRefused(SET_ALIGNMENTS, { indicatorId: percent.id, alignments: [{ frameworkCode: 'AU_CRF', indicatorCode: 'au-par-1' }] }, badInput('alignments[0].indicatorCode'));
      expect(error.message).toContain('au-par-1');
      await expectRefused(SET_ALIGNMENTS, { indicatorId: percent.id, alignments: [{ frameworkCode: 'OSCE', indicatorCode: '-1' }] }, badInput('alignments[0].indicatorCode'));
      await expectRefused(SET_ALIGNMENTS, { indicatorId: percent.id, alignments: [{ frameworkCode: 'OSCE', indicatorCode: 'X'.repeat(33) }] }, badInput('alignments[0].indicatorCode'));
      await expectRefused(
        SET_ALIGNMENTS,
        {
          indicatorId: percent.id,
          alignments: [
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
          ],
        },
        badInput('alignments[1]'),
      );
      await expectRefused(UPDATE_INDICATOR, { id: percent.id, input: { alignments: [{ frameworkCode: 'UN_1325', indicatorCode: 'un 4' }] } }, badInput('input.alignments[0].indicatorCode'));
    });

    it('rule 5: publishes only a complete measurement (a value and a source; a narrative and a reported status)', async () => {
      const { recordMeasurement: unsourced } = await write(RECORD_MEASUREMENT, measurementInput(percent, '2023-Q1', { value: 33 }));
      const error = await expectRefused(PUBLISH_MEASUREMENT, { id: unsourced.id }, badInput('id'));
      expect(error.extensions.missing).toEqual(['source']);
      const { recordMeasurement: untold } = await write(RECORD_MEASUREMENT, measurementInput(story, '2023', { narrative: 'Some progress' }));
      expect((await expectRefused(PUBLISH_MEASUREMENT, { id: untold.id }, badInput('id'))).extensions.missing).toEqual(['reportedStatus']);
    });

    it('rule 5: publishes only the latest version of a period, and only once', async () => {
      const { recordMeasurement: first } = await write(RECORD_MEASUREMENT, measurementInput(percent, '2023', { value: 35, source: 'Survey' }));
      const { recordMeasurement: second } = await write(RECORD_MEASUREMENT, measurementInput(percent, '2023', { value: 36, source: 'Survey' }));
      expect(second.version).toBe(2);
      const error = await expectRefused(PUBLISH_MEASUREMENT, { id: first.id }, badInput('id'));
      expect(error.message).toContain('superseded by version 2');
      await write(PUBLISH_MEASUREMENT, { id: second.id });
      await expectRefused(PUBLISH_MEASUREMENT, { id: second.id }, badInput('id'));
    });

    it('rule 5: publishes only a report with a finding, and a budget line with a partner or an activity', async () => {
      const { createProgressReport: report } = await write(CREATE_REPORT, { planId: plan.id, input: { kind: 'ANNUAL', title: 'Annual report 2022', periodStart: 2022, periodEnd: 2022 } });
      expect((await expectRefused(PUBLISH_REPORT, { id: report.id }, badInput('id'))).extensions.missing).toEqual(['findings']);
      const { recordBudgetLine: line } = await write(RECORD_BUDGET_LINE, {
        planId: plan.id,
        input: { fiscalYear: 2022, description: 'Unassigned', currency: 'KES', allocated: 10, fundingSource: 'OTHER' },
      });
      expect((await expectRefused(PUBLISH_BUDGET_LINE, { id: line.id }, badInput('id'))).extensions.missing).toEqual(['partnerId or activityId']);
    });

    it('a required text that is empty once trimmed', async () => {
      await expectRefused(CREATE_OUTCOME, { planId: plan.id, input: { code: 'O-EMPTY', pillar: 'PREVENTION', statement: '   ' } }, badInput('input.statement'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 9, title: ' \t ' } }, badInput('input.title'));
      await expectRefused(CREATE_PARTNER, { planId: plan.id, input: { name: '', kind: 'CSO' } }, badInput('input.name'));
      await expectRefused(UPDATE_OUTPUT, { id: output.id, input: { statement: null } }, badInput('input.statement'));
      await expectRefused(
        CREATE_REPORT,
        { planId: plan.id, input: { kind: 'ANNUAL', title: 'Report', periodStart: 2022, periodEnd: 2022, recommendations: [{ text: 'ok' }, { text: ' ' }] } },
        badInput('input.recommendations[1].text'),
      );
    });

    it('a code or name already used under the same parent (the unique constraint, mapped to the field)', async () => {
      const error = await expectRefused(CREATE_OUTCOME, { planId: plan.id, input: { code: 'O1', pillar: 'PREVENTION', statement: 'Again' } }, badInput('input.code'));
      expect(error.message).toBe('The plan already has an outcome with that code.');
      await expectRefused(CREATE_PLAN, { input: { iteration: 1, title: 'Another first plan' } }, badInput('input.iteration'));
      await expectRefused(
        CREATE_INDICATOR,
        { planId: plan.id, input: { code: 'P1', title: 'Again', level: 'OUTCOME', unit: '%', outcomeId: outcome.id } },
        badInput('input.code'),
      );
      await expectRefused(CREATE_OUTPUT, { outcomeId: outcome.id, input: { code: 'O1.1', statement: 'Again' } }, badInput('input.code'));
      const { createImplementingPartner: second } = await write(CREATE_PARTNER, { planId: plan.id, input: { name: 'Second partner', kind: 'AGENCY' } });
      await expectRefused(UPDATE_PARTNER, { id: second.id, input: { name: 'Ministry of Gender' } }, badInput('input.name'));
    });

    it('an outcome with both or neither of pillar and nationalPillar, or a national pillar the plan does not have', async () => {
      const outcomeInput = (input: Record<string, unknown>) => ({ planId: plan.id, input: { code: 'O-BAD', statement: 'Bad', ...input } });
      await expectRefused(CREATE_OUTCOME, outcomeInput({ pillar: 'PREVENTION', nationalPillar: 'Climate security' }), badInput('input.pillar'));
      await expectRefused(CREATE_OUTCOME, outcomeInput({}), badInput('input.pillar'));
      const error = await expectRefused(CREATE_OUTCOME, outcomeInput({ nationalPillar: 'Cyber security' }), badInput('input.nationalPillar'));
      expect(error.message).toContain('"Climate security"');
      // A national pillar in use by an outcome stays on the plan.
      await write(CREATE_OUTCOME, outcomeInput({ code: 'O-CLIMATE', nationalPillar: 'Climate security' }));
      await expectRefused(UPDATE_PLAN, { id: plan.id, input: { nationalPillars: [] } }, badInput('input.nationalPillars'));
    });

    it('a partner, outcome or output of another plan, and an indicator level without what it measures', async () => {
      await expectRefused(
        CREATE_ACTIVITY,
        { outputId: output.id, input: { code: 'A-STRANGER', title: 'Borrowed partner', responsiblePartnerId: strangerPartner.id } },
        badInput('input.responsiblePartnerId'),
      );
      const indicator = (input: Record<string, unknown>) => ({ planId: plan.id, input: { code: 'L-BAD', title: 'Bad', unit: 'number', ...input } });
      await expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTCOME', outcomeId: openOutcome.id }), badInput('input.outcomeId'));
      await expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTCOME' }), badInput('input.outcomeId'));
      await expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTPUT', outcomeId: outcome.id }), badInput('input.outcomeId'));
      await expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTPUT' }), badInput('input.outputId'));
      await expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTPUT', outputId: randomUUID() }), badInput('input.outputId'));
      await expectRefused(
        RECORD_BUDGET_LINE,
        { planId: plan.id, input: { fiscalYear: 2022, partnerId: strangerPartner.id, description: 'x', currency: 'KES', allocated: 1, fundingSource: 'DONOR' } },
        badInput('input.partnerId'),
      );
    });

    it('other malformed values: a partial date, a document URL, a year', async () => {
      await expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', adoptedOn: '2016-13' } }, badInput('input.adoptedOn'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', adoptedOn: '12/05/2016' } }, badInput('input.adoptedOn'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', documents: [{ title: 'ok', kind: 'PLAN' }, { title: 'ftp', url: 'ftp://example.org/x', kind: 'PLAN' }] } }, badInput('input.documents[1].url'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', periodStart: 2024, periodEnd: 2020 } }, badInput('input.periodEnd'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', periodStart: 1989 } }, badInput('input.periodStart'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 0, title: 'x' } }, badInput('input.iteration'));
      await expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', nationalPillars: ['PREVENTION'] } }, badInput('input.nationalPillars'));
    });
  });

  describe('importMeasurements: all rows or none', () => {
    it('refuses a file with several bad rows: nothing is imported, and every problem is reported with its line', async () => {
      const csv = [
        'indicator_code,period,value,source,narrative,reported_status,disaggregation', // 1
        'P1,2021-Q3,45,Survey,,,sex:female=45', // 2: fine
        'P1,2019,10,Survey,,,', // 3: before the plan
        'NOPE,2021,1,,,,', // 4: no such indicator
        'N1,2022,-4,Register,"Counted twice,', // 5: a negative count (the row goes on to line 6)
        'then corrected",,', // 6
        'Q1,2022,3,,,ON_TRACK,', // 7: a value on a qualitative indicator
        '"P1","2022-Q1","abc",Survey,,,', // 8: not a number
        'P1,2022-Q2,50,Survey,,,age:youth=3', // 9: a dimension P1 does not have
        'P1,2021-Q3,46,Survey,,,', // 10: the same period as line 2
        'Q1,2022-H1,,,Going well,SOMEWHAT,', // 11: not a reported status
      ].join('\r\n');
      const error = await expectRefused(IMPORT_MEASUREMENTS, { planId: plan.id, csv }, badInput('csv'));
      expect(error.message).toBe('8 rows are invalid; nothing was imported.');
      expect(error.extensions.lines).toEqual([
        { line: 3, field: 'period', message: expect.stringContaining('2020–2024') },
        { line: 4, field: 'indicator_code', message: expect.stringContaining('"NOPE"') },
        { line: 5, field: 'value', message: expect.stringContaining('-4 is negative') },
        { line: 7, field: 'value', message: expect.stringContaining('qualitative') },
        { line: 8, field: 'value', message: expect.stringContaining('"abc" is not a number') },
        { line: 9, field: 'disaggregation', message: expect.stringContaining('"age"') },
        { line: 10, field: 'period', message: expect.stringContaining('line 2') },
        { line: 11, field: 'reported_status', message: expect.stringContaining('SOMEWHAT') },
      ]);
    });

    it('refuses a header with an unknown column, or without a required one, on line 1', async () => {
      const unknown = await expectRefused(IMPORT_MEASUREMENTS, { planId: plan.id, csv: 'indicator_code,period,value,colour\nP1,2021,40,red\n' }, badInput('csv'));
      expect(unknown.extensions.lines).toEqual([{ line: 1, field: 'colour', message: expect.stringContaining('Unknown column "colour"') }]);
      expect(unknown.message).toBe('The header row is invalid; nothing was imported.');
      const missing = await expectRefused(IMPORT_MEASUREMENTS, { planId: plan.id, csv: 'indicator_code,value\nP1,40\n' }, badInput('csv'));
      expect(missing.extensions.lines).toEqual([{ line: 1, field: 'period', message: expect.stringContaining('required') }]);
      const unclosed = await expectRefused(IMPORT_MEASUREMENTS, { planId: plan.id, csv: 'indicator_code,period,value\nP1,2021,"40\n' }, badInput('csv'));
      expect(unclosed.extensions.lines).toEqual([{ line: expect.any(Number), field: 'csv', message: expect.stringContaining('Quote') }]);
      await expectRefused(IMPORT_MEASUREMENTS, { planId: plan.id, csv: '' }, badInput('csv'));
      await expectRefused(IMPORT_MEASUREMENTS, { planId: randomUUID(), csv: 'indicator_code,period\nP1,2021\n' }, { code: 'NOT_FOUND', field: 'planId' });
    });
  });

  describe('who may write, and the audit log', () => {
    it('refuses a write without a token with UNAUTHENTICATED, and writes nothing', async () => {
      const before = await tableState();
      const { body } = await ask(CREATE_PLAN, { input: { iteration: 7, title: 'Nobody may write this' } }, null);
      expect(body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(await tableState()).toEqual(before);
    });

    it("refuses another country's focal point and a regional analyst with FORBIDDEN, writing nothing", async () => {
      const keys = await testKeys();
      const before = await tableState();
      for (const claims of [
        { subject: 'focal-point:NG', roles: [Role.FOCAL_POINT], country: 'NG' },
        { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST], orgs: ['AU'] },
        { subject: 'admin', roles: [Role.HUB_ADMIN, Role.NETWORK_ADMIN] },
      ]) {
        const { body } = await ask(CREATE_PLAN, { input: { iteration: 7, title: 'Not theirs to write' } }, await signDevToken(keys.privateKeyFile, claims));
        expect([claims.subject, body.errors!.map((error) => error.extensions.code)]).toEqual([claims.subject, ['FORBIDDEN']]);
      }
      expect(await tableState()).toEqual(before);
    });

    it('refuses an expired token, a token signed with another key and one for another audience with UNAUTHENTICATED', async () => {
      const keys = await testKeys();
      const { ensureDevKeys } = await import('@wps/kit');
      const stranger = await ensureDevKeys(`${keys.jwksFile.replace(/jwks\.json$/, '')}../test-keys-stranger`);
      const focal = { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' };
      for (const bearer of [
        await signDevToken(keys.privateKeyFile, { ...focal, expiresIn: '-1h' }),
        await signDevToken(stranger.privateKeyFile, focal),
        await signDevToken(keys.privateKeyFile, { ...focal, audience: 'another-hub' }),
      ]) {
        const { status, body } = await ask(CREATE_PLAN, { input: { iteration: 7, title: 'Never written' } }, bearer);
        expect([status, body.errors!.map((error) => error.extensions.code)]).toEqual([401, ['UNAUTHENTICATED']]);
      }
    });

    it("lets the member's own focal points read its audit log, and no one else", async () => {
      const { body } = await ask(`query ($countryCode: String!) { auditLog(countryCode: $countryCode, entity: "national_action_plan", first: 2) { actor action entity after } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.auditLog.length).toBeGreaterThan(0);
      expect(body.data!.auditLog[0]).toMatchObject({ actor: 'focal-point:KE', entity: 'national_action_plan', after: expect.objectContaining({ id: expect.any(String) }) });
      const keys = await testKeys();
      const analyst = await signDevToken(keys.privateKeyFile, { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST] });
      const refused = await ask(`query ($countryCode: String!) { auditLog(countryCode: $countryCode) { actor } }`, {}, analyst);
      expect(refused.body.errors!.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
      const anonymous = await ask(`query ($countryCode: String!) { auditLog(countryCode: $countryCode) { actor } }`, {}, null);
      expect(anonymous.body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    });

    it("serves a focal point's writes and draft reads on one connection: with a pool of one, concurrent writes all complete", async () => {
      // A request that held one pooled connection (its drafts session) while waiting for a second (its
      // transaction) would wait for ever once every connection is held that way; with one, at once.
      const keys = await testKeys();
      const single = await createNapServer({
        countryCode: 'KE',
        dataSource: await openRoleDataSource(database!.url, napEntities, MEMBER_APP_ROLE, undefined, { DB_POOL_MAX: '1', DB_CONNECT_TIMEOUT_MS: '3000' }),
        logger,
        verifier: createTokenVerifier({ jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' }),
      });
      try {
        const singleUrl = await single.listen(0);
        const writes = await Promise.all(
          ['2021-01', '2021-02', '2021-03', '2021-04'].map((period) =>
            postGraphQL(singleUrl, RECORD_MEASUREMENT, { countryCode: 'KE', ...measurementInput(count, period, { value: 7 }) }, { authorization: `Bearer ${token}` }),
          ),
        );
        for (const { status, body } of writes) {
          expect(status).toBe(200);
          expect(body.errors).toBeUndefined();
          expect(body.data!.recordMeasurement).toMatchObject({ value: 7, status: 'DRAFT', indicator: { id: count.id } });
        }
        // Reading drafts back (the focal point's own connection) works on the same single connection.
        const { body } = await postGraphQL(singleUrl, `query { indicator(countryCode: "KE", id: "${count.id}") { measurements { period status } } }`, {}, { authorization: `Bearer ${token}` });
        expect(body.errors).toBeUndefined();
        expect(body.data!.indicator.measurements.filter((measurement: Row) => measurement.period.startsWith('2021-0') && measurement.status === 'DRAFT')).toHaveLength(4);
      } finally {
        await single.stop();
      }
    });

    it('records every row a write changes in the append-only audit log, with the focal point and the mutation', async () => {
      const before = (await dataSource!.query('SELECT count(*)::int AS count FROM audit_log'))[0].count as number;
      const created = await write(CREATE_PLAN, { input: { iteration: 8, title: 'Audited plan' } });
      const rows = (await dataSource!.query(`SELECT actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1`)) as Row[];
      expect((await dataSource!.query('SELECT count(*)::int AS count FROM audit_log'))[0].count).toBe(before + 1);
      expect(rows[0]).toMatchObject({ actor: 'focal-point:KE', action: 'createActionPlan', entity: 'national_action_plan', entity_id: created.createActionPlan.id, before: null });
      expect(rows[0]!.after).toMatchObject({ id: created.createActionPlan.id, title: 'Audited plan' });
      await expect(dataSource!.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
      await expect(dataSource!.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    });
  });
});
