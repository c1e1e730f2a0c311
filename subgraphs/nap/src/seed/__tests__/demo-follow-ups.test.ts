import { closeTestSubgraph, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../../entities.js';
import { claimDatabaseForCountry } from '../../member/member-database.js';
import { napMigrations } from '../../migrations/index.js';
import { seedDemoMember } from '../seed-demo-member.js';

const TODAY = new Date('2026-12-01T00:00:00Z');

interface ActionRow {
  id: string;
  due_on: string;
  status: string;
  completed_on: string | null;
  is_demo: boolean;
  decided_on: string;
  partner_of_plan: boolean;
  report_published: boolean;
}

const ACTIONS_SQL = `
  SELECT a.id, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.status, to_char(a.completed_on, 'YYYY-MM-DD') AS completed_on, a.is_demo,
         to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on, (partner.plan_id = report.plan_id) AS partner_of_plan, report.status = 'PUBLISHED' AS report_published
  FROM follow_up_action a JOIN report_recommendation r ON r.id = a.recommendation_id JOIN progress_report report ON report.id = r.report_id
  JOIN implementing_partner partner ON partner.id = a.responsible_partner_id ORDER BY a.id`;

/** The demo follow-ups (issue 13.3): a seeded member has decisions followed up, some overdue, some done, all flagged demo. */
describe.each(['KE', 'GE'])('the demo follow-up actions of %s', (countryCode) => {
  const opened: { database: TestDatabase; dataSource: DataSource }[] = [];
  const seeded = async (label: string): Promise<ActionRow[]> => {
    const { database, dataSource } = await openTestSubgraphDatabase(`${label}${countryCode.toLowerCase()}`, napEntities, napMigrations);
    opened.push({ database, dataSource });
    await claimDatabaseForCountry(dataSource, countryCode);
    await seedDemoMember(dataSource, countryCode, TODAY);
    return (await dataSource.query(ACTIONS_SQL)) as ActionRow[];
  };
  afterAll(async () => {
    for (const { database, dataSource } of opened) await closeTestSubgraph({ dataSource, database });
  });

  it('follows up decisions with actions of the plan\'s partners, due after the decision, some overdue and some done, every one flagged demo, the same for the same date', async () => {
    const actions = await seeded('demofollowups');
    const today = TODAY.toISOString().slice(0, 10);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action).toMatchObject({ is_demo: true, partner_of_plan: true, report_published: true });
      expect(action.due_on > action.decided_on).toBe(true);
      if (action.status === 'DONE') {
        expect(action.due_on < today).toBe(true);
        expect(action.completed_on! <= action.due_on && action.completed_on! > action.decided_on).toBe(true);
      } else {
        expect(action.completed_on).toBeNull();
      }
    }
    const overdue = actions.filter((action) => action.status !== 'DONE' && action.status !== 'DROPPED' && action.due_on < today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action.status === 'DONE').length).toBeGreaterThan(0);
    expect(actions.some((action) => action.due_on >= today || action.status !== 'DONE')).toBe(true);
    // Deterministic: a second database seeded for the same date holds the same rows.
    expect(await seeded('demofollowupsagain')).toEqual(actions);
  });
});
