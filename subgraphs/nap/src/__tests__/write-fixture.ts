import { startNapHarness, type NapHarness } from './nap-harness.js';

/*
 * What the write tests of each concept share: the mutations, the small plan
 * every test builds on (made with the mutations themselves, not the demo
 * seed), and the checks that a refused write wrote nothing.
 */

/** Every table a write may touch; a refused write must leave each exactly as it was. */
export const TABLES = [
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
  'follow_up_action',
  'civic_response',
  'audit_log',
  'disbursement',
  'local_action_plan',
  'local_indicator',
  'local_measurement',
] as const;

export const PLAN = /* GraphQL */ `
  id countryCode iteration title period { start end } status adoptedOn adoptionInstrument leadAgency focus pillars nationalPillars
  coordinationMechanism civilSocietyInCoordinationBody civilSocietyRoles baselineStudy demoFields
  sources { references note conflict verified } documents { title url kind language } budget { costed earmarked }
`;
export const PARTNER = 'id countryCode name kind representativeRole hasImplementationPlan inCoordinationBody isDemo';
export const OUTCOME = 'id countryCode code pillar nationalPillar statement isDemo plan { id }';
export const OUTPUT = 'id countryCode code statement outcome { id }';
export const ACTIVITY = 'id countryCode code title timeline { startsOn endsOn } status responsiblePartner { id } output { id }';
export const INDICATOR = /* GraphQL */ `
  id countryCode code title unit level kind baseline { value year } target { value year } disaggregation dataSource frequency
  responsiblePartner { id } outcome { id } output { id } alignments { frameworkCode indicatorCode } plan { id }
`;
export const MEASUREMENT = /* GraphQL */ `
  id countryCode period value status version recordedBy publishedAt narrative source reportedStatus
  disaggregatedValues { dimension category value } supersedes { id version value } indicator { id }
`;
export const REPORT = 'id countryCode kind title period { start end } status findings publishedAt recommendations { id text decision { text decidedOn decidedBy } }';
export const BUDGET_LINE = 'id countryCode fiscalYear description currency allocated disbursed spent fundingSource status partner { id } activity { id } disbursementRate executionRate';

export const CREATE_PLAN = `mutation ($countryCode: String!, $input: CreateActionPlanInput!) { createActionPlan(countryCode: $countryCode, input: $input) { ${PLAN} } }`;
export const UPDATE_PLAN = `mutation ($countryCode: String!, $id: ID!, $input: UpdateActionPlanInput!) { updateActionPlan(countryCode: $countryCode, id: $id, input: $input) { ${PLAN} } }`;
export const CREATE_PARTNER = `mutation ($countryCode: String!, $planId: ID!, $input: CreateImplementingPartnerInput!) { createImplementingPartner(countryCode: $countryCode, planId: $planId, input: $input) { ${PARTNER} } }`;
export const UPDATE_PARTNER = `mutation ($countryCode: String!, $id: ID!, $input: UpdateImplementingPartnerInput!) { updateImplementingPartner(countryCode: $countryCode, id: $id, input: $input) { ${PARTNER} } }`;
export const CREATE_OUTCOME = `mutation ($countryCode: String!, $planId: ID!, $input: CreateOutcomeInput!) { createOutcome(countryCode: $countryCode, planId: $planId, input: $input) { ${OUTCOME} } }`;
export const UPDATE_OUTCOME = `mutation ($countryCode: String!, $id: ID!, $input: UpdateOutcomeInput!) { updateOutcome(countryCode: $countryCode, id: $id, input: $input) { ${OUTCOME} } }`;
export const CREATE_OUTPUT = `mutation ($countryCode: String!, $outcomeId: ID!, $input: CreateOutputInput!) { createOutput(countryCode: $countryCode, outcomeId: $outcomeId, input: $input) { ${OUTPUT} } }`;
export const UPDATE_OUTPUT = `mutation ($countryCode: String!, $id: ID!, $input: UpdateOutputInput!) { updateOutput(countryCode: $countryCode, id: $id, input: $input) { ${OUTPUT} } }`;
export const CREATE_ACTIVITY = `mutation ($countryCode: String!, $outputId: ID!, $input: CreateActivityInput!) { createActivity(countryCode: $countryCode, outputId: $outputId, input: $input) { ${ACTIVITY} } }`;
export const UPDATE_ACTIVITY = `mutation ($countryCode: String!, $id: ID!, $input: UpdateActivityInput!) { updateActivity(countryCode: $countryCode, id: $id, input: $input) { ${ACTIVITY} } }`;
export const CREATE_INDICATOR = `mutation ($countryCode: String!, $planId: ID!, $input: CreateIndicatorInput!) { createIndicator(countryCode: $countryCode, planId: $planId, input: $input) { ${INDICATOR} } }`;
export const UPDATE_INDICATOR = `mutation ($countryCode: String!, $id: ID!, $input: UpdateIndicatorInput!) { updateIndicator(countryCode: $countryCode, id: $id, input: $input) { ${INDICATOR} } }`;
export const SET_ALIGNMENTS = `mutation ($countryCode: String!, $indicatorId: ID!, $alignments: [AlignmentInput!]!) { setIndicatorAlignments(countryCode: $countryCode, indicatorId: $indicatorId, alignments: $alignments) { ${INDICATOR} } }`;
export const RECORD_MEASUREMENT = `mutation ($countryCode: String!, $input: RecordMeasurementInput!) { recordMeasurement(countryCode: $countryCode, input: $input) { ${MEASUREMENT} } }`;
export const PUBLISH_MEASUREMENT = `mutation ($countryCode: String!, $id: ID!) { publishMeasurement(countryCode: $countryCode, id: $id) { ${MEASUREMENT} history { id version value status } } }`;
export const IMPORT_MEASUREMENTS = `mutation ($countryCode: String!, $planId: ID!, $csv: String!) { importMeasurements(countryCode: $countryCode, planId: $planId, csv: $csv) { imported measurements { ${MEASUREMENT} } } }`;
export const CREATE_REPORT = `mutation ($countryCode: String!, $planId: ID!, $input: CreateProgressReportInput!) { createProgressReport(countryCode: $countryCode, planId: $planId, input: $input) { ${REPORT} } }`;
export const RECORD_DECISION = `mutation ($countryCode: String!, $recommendationId: ID!, $input: DecisionInput!) { recordDecision(countryCode: $countryCode, recommendationId: $recommendationId, input: $input) { id text decision { text decidedOn decidedBy } } }`;
export const PUBLISH_REPORT = `mutation ($countryCode: String!, $id: ID!) { publishProgressReport(countryCode: $countryCode, id: $id) { ${REPORT} } }`;
export const RECORD_BUDGET_LINE = `mutation ($countryCode: String!, $planId: ID!, $input: RecordBudgetLineInput!) { recordBudgetLine(countryCode: $countryCode, planId: $planId, input: $input) { ${BUDGET_LINE} } }`;
export const RECORD_EXECUTION = `mutation ($countryCode: String!, $budgetLineId: ID!, $input: BudgetExecutionInput!) { recordBudgetExecution(countryCode: $countryCode, budgetLineId: $budgetLineId, input: $input) { ${BUDGET_LINE} } }`;
export const PUBLISH_BUDGET_LINE = `mutation ($countryCode: String!, $id: ID!) { publishBudgetLine(countryCode: $countryCode, id: $id) { ${BUDGET_LINE} } }`;

/** What the public (no token: no drafts) sees of an indicator. */
export const PUBLIC_INDICATOR = `query ($id: ID!) { indicator(countryCode: "KE", id: $id) { measurements { id period value version status history { id version value } } } }`;
export const PUBLIC_PLAN = `query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { reports { id } budgetLines { id } budget { totals { currency allocated disbursed spent } } } }`;

/** The refusal every validation rule gives: BAD_USER_INPUT naming the input field. */
export const badInput = (field: string) => ({ code: 'BAD_USER_INPUT', field });

export type Row = Record<string, any>;
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions: Record<string, any>;
}

/** The small plan the write tests build on. */
export interface WritePlan {
  plan: Row;
  openPlan: Row;
  partner: Row;
  strangerPartner: Row;
  outcome: Row;
  output: Row;
  openOutcome: Row;
  percent: Row;
  count: Row;
  story: Row;
  openIndicator: Row;
}

/** A member (KE) with the write plan, and what a write test asks of it. */
export interface WriteFixture extends WritePlan {
  harness: NapHarness;
  /** Ask as Kenya's focal point (by default), or as `bearer` (null: the public); `countryCode` KE unless the variables say otherwise. */
  ask(query: string, variables?: Record<string, unknown>, bearer?: string | null): ReturnType<NapHarness['ask']>;
  /** Run a mutation that must succeed; returns its data. */
  write(query: string, variables?: Record<string, unknown>): Promise<Row>;
  /** Every table's row count and a digest of its rows: a refused write must leave both unchanged. */
  tableState(): Promise<Record<string, { rows: number; digest: string }>>;
  /** Send a write that must be refused with `code` (and `field`), and check that it wrote nothing anywhere. */
  expectRefused(query: string, variables: Record<string, unknown>, expected: { code: string; field?: string }): Promise<GraphQLErrorBody>;
}

/** The input of recordMeasurement for an indicator and a period. */
export const measurementInput = (indicator: Row, period: string, extra: Record<string, unknown> = {}) => ({ input: { indicatorId: indicator.id, period, ...extra } });

/**
 * The write fixture of a test file: started before its tests, stopped after.
 * Its fields are there once the file's `beforeAll` has run.
 */
export function useWriteFixture(label: string): WriteFixture {
  const fixture = {} as WriteFixture;
  beforeAll(async () => {
    Object.assign(fixture, await startWriteFixture(label));
  });
  afterAll(() => fixture.harness?.close());
  return fixture;
}

async function startWriteFixture(label: string): Promise<WriteFixture> {
  const harness = await startNapHarness({ label });
  const ask: WriteFixture['ask'] = (query, variables = {}, bearer = harness.focalPoint) => harness.ask(query, { countryCode: 'KE', ...variables }, bearer);
  const write: WriteFixture['write'] = async (query, variables = {}) => {
    const { status, body } = await ask(query, variables);
    if (body.errors) throw new Error(`unexpected errors: ${JSON.stringify(body.errors)}`);
    expect(status).toBe(200);
    return body.data!;
  };
  const tableState: WriteFixture['tableState'] = async () => {
    const state: Record<string, { rows: number; digest: string }> = {};
    for (const table of TABLES) {
      const [row] = (await harness.dataSource.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      )) as { rows: number; digest: string }[];
      state[table] = row!;
    }
    return state;
  };
  const expectRefused: WriteFixture['expectRefused'] = async (query, variables, expected) => {
    const before = await tableState();
    const { body } = await ask(query, variables);
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0] as GraphQLErrorBody;
    expect(error.extensions.code).toBe(expected.code);
    if (expected.field !== undefined) expect(error.extensions.field).toBe(expected.field);
    for (const value of Object.values(body.data ?? {})) expect(value).toBeNull();
    expect(await tableState()).toEqual(before);
    return error;
  };
  try {
    const rows = {} as WritePlan;
    rows.plan = (
      await write(CREATE_PLAN, {
        input: { iteration: 1, title: 'Kenya NAP 2020–2024 (test)', periodStart: 2020, periodEnd: 2024, pillars: ['PARTICIPATION', 'PREVENTION'], nationalPillars: ['Climate security'] },
      })
    ).createActionPlan;
    rows.openPlan = (await write(CREATE_PLAN, { input: { iteration: 2, title: 'A plan whose period is not known' } })).createActionPlan;
    rows.partner = (await write(CREATE_PARTNER, { planId: rows.plan.id, input: { name: 'Ministry of Gender', kind: 'MINISTRY' } })).createImplementingPartner;
    rows.strangerPartner = (await write(CREATE_PARTNER, { planId: rows.openPlan.id, input: { name: 'A partner of the other plan', kind: 'CSO' } })).createImplementingPartner;
    rows.outcome = (await write(CREATE_OUTCOME, { planId: rows.plan.id, input: { code: 'O1', pillar: 'PARTICIPATION', statement: 'Women take part in decisions on peace and security.' } }))
      .createOutcome;
    rows.output = (await write(CREATE_OUTPUT, { outcomeId: rows.outcome.id, input: { code: 'O1.1', statement: 'Officers are trained on WPS.' } })).createOutput;
    rows.openOutcome = (await write(CREATE_OUTCOME, { planId: rows.openPlan.id, input: { code: 'O1', pillar: 'PROTECTION', statement: 'Survivors are protected.' } })).createOutcome;
    rows.percent = (
      await write(CREATE_INDICATOR, {
        planId: rows.plan.id,
        input: {
          code: 'P1',
          title: 'Share of women in parliament',
          level: 'OUTCOME',
          unit: '%',
          outcomeId: rows.outcome.id,
          baseline: { value: 20, year: 2019 },
          target: { value: 40, year: 2024 },
          disaggregation: ['sex'],
          frequency: 'ANNUAL',
        },
      })
    ).createIndicator;
    rows.count = (await write(CREATE_INDICATOR, { planId: rows.plan.id, input: { code: 'N1', title: 'Officers trained', level: 'OUTPUT', unit: 'number', outputId: rows.output.id } }))
      .createIndicator;
    rows.story = (
      await write(CREATE_INDICATOR, {
        planId: rows.plan.id,
        input: { code: 'Q1', title: 'Quality of civil society participation', level: 'OUTCOME', kind: 'QUALITATIVE', unit: 'assessment', outcomeId: rows.outcome.id },
      })
    ).createIndicator;
    rows.openIndicator = (await write(CREATE_INDICATOR, { planId: rows.openPlan.id, input: { code: 'X1', title: 'Shelters open', level: 'OUTCOME', unit: 'number', outcomeId: rows.openOutcome.id } }))
      .createIndicator;
    return { ...rows, harness, ask, write, tableState, expectRefused };
  } catch (error) {
    await harness.close();
    throw error;
  }
}
