import type { SubgraphServer } from '@wps/kit';
import { closeTestSubgraph, openRoleDataSource, openTestSubgraphDatabase, postGraphQL, silentLogger, type TestDatabase } from '@wps/tests';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { BudgetLineEntity } from '../budget/budget-line.entity.js';
import { FollowUpActionEntity } from '../follow-up/follow-up.entity.js';
import { FollowUpStatus } from '../follow-up/follow-up.type.js';
import { ActivityStatus, AlignmentFramework, FundingSource, IndicatorKind, IndicatorLevel, Pillar, PublicationStatus, ReportingFrequency, ReportKind } from '../common/enums.js';
import { napEntities } from '../entities.js';
import { IndicatorAlignmentEntity } from '../indicator/alignment.entity.js';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { LocalActionPlanEntity } from '../local-plan/local-action-plan.entity.js';
import { LocalIndicatorEntity } from '../local-plan/local-indicator.entity.js';
import { LocalMeasurementEntity } from '../local-plan/local-measurement.entity.js';
import { LocalPlanLevel, LocalValueKind } from '../local-plan/local-plan.type.js';
import { ActivityEntity } from '../logframe/activity.entity.js';
import { OutcomeEntity } from '../logframe/outcome.entity.js';
import { OutputEntity } from '../logframe/output.entity.js';
import { MeasurementStatus } from '../measurement/measurement-status.js';
import { MeasurementEntity } from '../measurement/measurement.entity.js';
import { claimDatabaseForCountry } from '../member/member-database.js';
import { MEMBER_APP_ROLE } from '../migrations/1764100000000-row-level-security.js';
import { napMigrations } from '../migrations/index.js';
import { ImplementingPartnerEntity } from '../partner/partner.entity.js';
import { PlanStatus } from '../plan/plan-status.js';
import { NationalActionPlanEntity } from '../plan/plan.entity.js';
import { ReportRecommendationEntity } from '../report/recommendation.entity.js';
import { ProgressReportEntity } from '../report/report.entity.js';
import { uuidFromName } from '@wps/kit';

/** What one member may run for its part of the AU-wide FrameworkProgress query, whatever the plan's size (issue 11). */
const MAX_STATEMENTS_FOR_FRAMEWORK_PROGRESS = 6;
/** What one member may run for its part of a framework's follow-up view (plans, reports, recommendations, actions), whatever their number. */
const MAX_STATEMENTS_FOR_FRAMEWORK_FOLLOW_UPS = 4;

/** Counts every statement the member's DataSource sends to Postgres. */
class StatementCounter implements TypeOrmLogger {
  statements: string[] = [];
  logQuery(query: string): void {
    // The same statement for 5 or 200 keys: only the length of its IN list differs.
    this.statements.push(query.replace(/\$\d+(, \$\d+)*/g, '$n').replace(/\s+/g, ' '));
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Everything a cross-country or plan view asks of a plan, nested as deep as the contract goes. */
const PLAN_QUERY = /* GraphQL */ `
  query Plan($id: ID!) {
    actionPlan(countryCode: "KE", id: $id) {
      title inForce documents { title }
      partners { name }
      outcomes {
        code pillar statement
        indicators { code status }
        outputs { code activities { code status responsiblePartner { name } } indicators { code status } }
      }
      indicators {
        code status progress
        alignments { frameworkCode indicatorCode }
        responsiblePartner { name }
        outcome { code } output { code }
        latestMeasurement { period value version history { version value } supersedes { version } }
        measurements { period value disaggregatedValues { category value } }
      }
      budget { costed totals { currency allocated executionRate } byPartner { partner { name } totals { spent } } byFiscalYear { fiscalYear } }
      budgetLines { description partner { name } activity { code } executionRate }
      reports { title recommendations { text decision { text } } }
      monitoringFramework { exists completeShare }
      assessment { metCount criteria { criterion met } }
    }
  }
`;

/** A plan with `indicatorCount` indicators, each with four yearly values (one corrected), spread over its logframe. */
async function insertPlan(dataSource: DataSource, name: string, iteration: number, indicatorCount: number): Promise<string> {
  const id = (...parts: (string | number)[]) => uuidFromName(['statement-count', name, ...parts].join(':'));
  const manager = dataSource.manager;
  const planId = id('plan');
  await manager.insert(NationalActionPlanEntity, {
    id: planId, iteration, title: `Plan ${name}`, periodStart: 2020, periodEnd: 2024, status: PlanStatus.ADOPTED, adoptedOn: '2020',
    sourceReferences: [], sourceNote: null, sourceConflict: null, verified: true, demoFields: [], adoptionInstrument: null, leadAgency: null,
    focus: null, pillars: [Pillar.PROTECTION], nationalPillars: [], coordinationMechanism: 'Committee', csosInCoordinationBody: true,
    civilSocietyRoles: [], baselineStudy: true, costed: true, earmarked: false,
  });
  const partners = [0, 1, 2].map((index) => ({ id: id('partner', index), planId, name: `Partner ${index}`, kind: 'MINISTRY' as never, representativeRole: null, hasImplementationPlan: true, inCoordinationBody: true, isDemo: false }));
  await manager.insert(ImplementingPartnerEntity, partners);
  const outcomes = [0, 1].map((index) => ({ id: id('outcome', index), planId, code: `O${index}`, pillar: Pillar.PROTECTION, statement: `Outcome ${index}`, position: index, isDemo: false }));
  await manager.insert(OutcomeEntity, outcomes);
  const outputs = [0, 1, 2, 3].map((index) => ({ id: id('output', index), outcomeId: outcomes[index % 2]!.id, code: `P${index}`, statement: `Output ${index}`, position: index, isDemo: false }));
  await manager.insert(OutputEntity, outputs);
  await manager.insert(ActivityEntity, outputs.map((output, index) => ({
    id: id('activity', index), outputId: output.id, code: `A${index}`, title: `Activity ${index}`, responsiblePartnerId: partners[index % 3]!.id,
    startsOn: '2021-01-01', endsOn: '2022-12-31', status: ActivityStatus.COMPLETED, position: 0, isDemo: false,
  })));
  const indicators: IndicatorEntity[] = [];
  const alignments: IndicatorAlignmentEntity[] = [];
  const measurements: MeasurementEntity[] = [];
  for (let index = 0; index < indicatorCount; index += 1) {
    const indicatorId = id('indicator', index);
    const outcomeLevel = index % 2 === 0;
    indicators.push({
      id: indicatorId, planId, code: `I${index}`, title: `Indicator ${index}`, unit: '%', position: index, baselineValue: 10, baselineYear: 2019,
      targetValue: 30, targetYear: 2024, isDemo: false, level: outcomeLevel ? IndicatorLevel.OUTCOME : IndicatorLevel.OUTPUT, kind: IndicatorKind.QUANTITATIVE,
      outcomeId: outcomeLevel ? outcomes[index % 2]!.id : null, outputId: outcomeLevel ? null : outputs[index % 4]!.id, disaggregation: ['sex'],
      dataSource: 'Test', frequency: ReportingFrequency.ANNUAL, responsiblePartnerId: partners[index % 3]!.id,
    });
    alignments.push({ indicatorId, frameworkCode: AlignmentFramework.AU_CRF, indicatorCode: 'AU-PRO-1' }, { indicatorId, frameworkCode: AlignmentFramework.UN_1325, indicatorCode: 'UN-1325-PRO-A' });
    [2020, 2021, 2022, 2023].forEach((year, step) => {
      const first = id('measurement', index, year, 1);
      const base = { indicatorId, period: String(year), status: MeasurementStatus.PUBLISHED, isDemo: false, recordedAt: new Date(), recordedBy: 'test', recordedByDisplay: 'Focal point, Kenya', supersedesId: null,
        disaggregatedValues: [{ dimension: 'sex', category: 'female', value: 5 }], narrative: null, source: 'Test', reportedStatus: null, publishedAt: new Date(), publishedBy: 'test' };
      measurements.push({ ...base, id: first, value: 12 + step * 3, version: 1 });
      if (year === 2023) measurements.push({ ...base, id: id('measurement', index, year, 2), value: 22, version: 2, supersedesId: first });
    });
  }
  for (let index = 0; index < indicators.length; index += 250) await manager.insert(IndicatorEntity, indicators.slice(index, index + 250));
  for (let index = 0; index < alignments.length; index += 500) await manager.insert(IndicatorAlignmentEntity, alignments.slice(index, index + 500));
  for (let index = 0; index < measurements.length; index += 300) await manager.insert(MeasurementEntity, measurements.slice(index, index + 300));
  await manager.insert(BudgetLineEntity, [2020, 2021].flatMap((year) => partners.map((partner, index) => ({
    id: id('budget', year, index), planId, fiscalYear: year, partnerId: partner.id, activityId: id('activity', index), description: `Line ${year} ${index}`,
    currency: 'KES', allocated: 1000, disbursed: 800, spent: 600, fundingSource: FundingSource.NATIONAL_BUDGET, status: PublicationStatus.PUBLISHED,
    publishedAt: new Date(), isDemo: false, updatedAt: new Date(),
  }))));
  await manager.insert(ProgressReportEntity, [2021, 2022].map((year) => ({
    id: id('report', year), planId, kind: ReportKind.ANNUAL, title: `Report ${year}`, periodStart: year, periodEnd: year, status: PublicationStatus.PUBLISHED,
    findings: ['A finding'], publishedAt: new Date(), publishedBy: 'test', isDemo: false, createdAt: new Date(),
  })));
  await manager.insert(ReportRecommendationEntity, [2021, 2022].map((year) => ({ id: id('recommendation', year), reportId: id('report', year), position: 0, text: 'Do it', decision: 'Done', decidedOn: null, decidedBy: null })));
  return planId;
}

/** `count` published local plans of a plan, each with three indicators (rolling up to the plan's first three) of three yearly values. */
async function insertLocalPlans(dataSource: DataSource, name: string, planId: string, count: number): Promise<void> {
  const id = (...parts: (string | number)[]) => uuidFromName(['statement-count', name, ...parts].join(':'));
  const locals = Array.from({ length: count }, (_, index) => ({
    id: id('local', index), planId, level: LocalPlanLevel.PROVINCE, areaName: `Area ${index}`, areaCode: null, title: `Local plan ${index}`, periodStart: 2020, periodEnd: 2024,
    adoptedOn: null, leadAuthority: null, status: PublicationStatus.PUBLISHED, sourceReferences: [], demoFields: [], isDemo: false, draftedBy: null,
    publishedAt: new Date(), publishedBy: 'test', createdAt: new Date(), updatedAt: new Date(),
  }));
  await dataSource.manager.insert(LocalActionPlanEntity, locals);
  const indicators = locals.flatMap((local, index) => [0, 1, 2].map((position) => ({
    id: id('local', index, 'indicator', position), localPlanId: local.id, code: `L${position}`, title: `Local indicator ${position}`, valueKind: LocalValueKind.PERCENTAGE,
    targetValue: 30, targetYear: 2024, nationalIndicatorId: id('indicator', position), position, isDemo: false,
  })));
  await dataSource.manager.insert(LocalIndicatorEntity, indicators);
  await dataSource.manager.insert(LocalMeasurementEntity, indicators.flatMap((indicator) => [2021, 2022, 2023].map((year) => ({
    id: uuidFromName(`${indicator.id}:${year}`), localIndicatorId: indicator.id, period: String(year), value: year - 2000, isDemo: false, recordedBy: 'test', recordedAt: new Date(),
  }))));
}

describe('the SQL statements one member runs for a request', () => {
  let database: TestDatabase | undefined;
  let setup: DataSource | undefined;
  let counted: DataSource | undefined;
  let server: SubgraphServer | undefined;
  let url: string;
  const counter = new StatementCounter();
  const plans: Record<'small' | 'large', string> = { small: '', large: '' };

  beforeAll(async () => {
    ({ database, dataSource: setup } = await openTestSubgraphDatabase('stmtcount', napEntities, napMigrations));
    await claimDatabaseForCountry(setup, 'KE');
    plans.small = await insertPlan(setup, 'small', 1, 5);
    plans.large = await insertPlan(setup, 'large', 2, 200);
    await insertLocalPlans(setup, 'small', plans.small, 2);
    await insertLocalPlans(setup, 'large', plans.large, 12);
    await setup.destroy();
    counted = await openRoleDataSource(database.url, napEntities, MEMBER_APP_ROLE, counter);
    const { createNapServer } = await import('../server.js');
    server = await createNapServer({ countryCode: 'KE', dataSource: counted, logger: silentLogger });
    url = await server.listen(0);
  });
  afterAll(() => closeTestSubgraph({ server, dataSource: counted, database }));

  async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ count: number; statements: string[]; data: Record<string, any> }> {
    counter.statements = [];
    const { body } = await postGraphQL(url, query, variables);
    expect(body.errors).toBeUndefined();
    return { count: counter.statements.length, statements: [...counter.statements].sort(), data: body.data! };
  }

  it('is the same for a plan with 5 indicators and one with 200, however deep the query', async () => {
    const small = await statementsFor(PLAN_QUERY, { id: plans.small });
    const large = await statementsFor(PLAN_QUERY, { id: plans.large });
    expect(small.data.actionPlan.indicators).toHaveLength(5);
    expect(large.data.actionPlan.indicators).toHaveLength(200);
    expect(large.data.actionPlan.indicators[199].latestMeasurement).toMatchObject({ period: '2023', value: 22, version: 2, supersedes: { version: 1 } });
    expect(large.statements).toEqual(small.statements);
    // Reported in the closing note: one statement per relation, not per row.
    process.stdout.write(`statements per request: ${small.count} (5 indicators), ${large.count} (200 indicators)\n`);
  });

  it('is the same for 5 and 200 indicators asked through _entities', async () => {
    const representations = (count: number, name: string) =>
      Array.from({ length: count }, (_, index) => ({ __typename: 'Indicator', countryCode: 'KE', id: uuidFromName(['statement-count', name, 'indicator', index].join(':')) }));
    const query = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Indicator { code status alignments { indicatorCode } latestMeasurement { value history { version } } plan { title } } } }`;
    const small = await statementsFor(query, { representations: representations(5, 'small') });
    const large = await statementsFor(query, { representations: representations(200, 'large') });
    expect(large.data._entities.filter(Boolean)).toHaveLength(200);
    expect(large.statements).toEqual(small.statements);
  });
  it('answers the AU-wide sub-request (the SDK\'s FrameworkProgress: plan, indicators, values) in a fixed, small number of statements', async () => {
    // What the gateway sends each member for FrameworkProgress: its country, by representation.
    const query = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Country { currentActionPlan { id title status period { start end } indicators { code title unit measurements { period value } } } } } }`;
    const { count, data } = await statementsFor(query, { representations: [{ __typename: 'Country', code: 'KE' }] });
    expect(data._entities[0].currentActionPlan.indicators).toHaveLength(200);
    process.stdout.write(`AU-wide sub-request: ${count} statements (plans, indicators, values)\n`);
    expect(count).toBeLessThanOrEqual(MAX_STATEMENTS_FOR_FRAMEWORK_PROGRESS);
  });

  it('is the same for a plan with 2 local plans and one with 12: local plans, their indicators and values, and the roll-ups', async () => {
    const query = /* GraphQL */ `query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) {
      localPlans { areaName nationalPlan { title } indicators { code nationalIndicator { code } measurements { period value } } }
      indicators { code localRollUp { method value coverage { reporting linked } latestPeriod isDemo } } } }`;
    const small = await statementsFor(query, { id: plans.small });
    const large = await statementsFor(query, { id: plans.large });
    expect(small.data.actionPlan.localPlans).toHaveLength(2);
    expect(large.data.actionPlan.localPlans).toHaveLength(12);
    expect(large.data.actionPlan.localPlans[11].indicators[2].measurements).toHaveLength(3);
    expect(large.data.actionPlan.indicators[0].localRollUp).toEqual({ method: 'MEAN', value: 23, coverage: { reporting: 12, linked: 12 }, latestPeriod: '2023', isDemo: false });
    expect(large.statements).toEqual(small.statements);
    process.stdout.write(`local plans: ${small.count} statements (2 local plans), ${large.count} (12 local plans)\n`);
  });

  it("answers the framework-wide follow-up sub-request (MemberFollowUps) in a fixed number of statements, for 2 actions or 200, over every plan", async () => {
    const query = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on MemberFollowUps { countryCode overdue open done oldestOverdueDue isDemo } } }`;
    const representations = (count: number) => Array.from({ length: count }, () => ({ __typename: 'MemberFollowUps', countryCode: 'KE' }));
    const actions = async (name: string, count: number) => {
      const partnerId = uuidFromName(['statement-count', name, 'partner', 0].join(':'));
      const setup = await openRoleDataSource(database!.url, napEntities, undefined);
      try {
        await setup.manager.insert(FollowUpActionEntity, Array.from({ length: count }, (_, index) => ({
          id: uuidFromName(['statement-count', name, 'follow-up', index].join(':')), recommendationId: uuidFromName(['statement-count', name, 'recommendation', 2021 + (index % 2)].join(':')),
          description: `Action ${index}`, responsiblePartnerId: partnerId, dueOn: index % 2 === 0 ? '2023-01-31' : '2099-01-31', status: index % 5 === 0 ? FollowUpStatus.DONE : FollowUpStatus.PLANNED,
          completedOn: index % 5 === 0 ? '2023-01-15' : null, isDemo: false,
        })));
      } finally {
        await setup.destroy();
      }
    };
    await actions('small', 2);
    const few = await statementsFor(query, { representations: representations(1) });
    expect(few.data._entities).toEqual([{ countryCode: 'KE', overdue: 0, open: 1, done: 1, oldestOverdueDue: null, isDemo: false }]);
    await actions('large', 200);
    const many = await statementsFor(query, { representations: representations(1) });
    expect(many.data._entities[0]).toMatchObject({ overdue: 80, open: 161, done: 41, oldestOverdueDue: '2023-01-31' });
    const repeated = await statementsFor(query, { representations: representations(5) });
    expect(repeated.data._entities).toHaveLength(5);
    expect(many.statements).toEqual(few.statements);
    expect(repeated.statements).toEqual(few.statements);
    process.stdout.write(`framework-wide follow-up sub-request: ${few.count} statements\n`);
    expect(few.count).toBeLessThanOrEqual(MAX_STATEMENTS_FOR_FRAMEWORK_FOLLOW_UPS);
  });
});
