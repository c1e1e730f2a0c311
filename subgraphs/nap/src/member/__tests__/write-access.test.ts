import { randomUUID } from 'node:crypto';
import { HUB_AUDIENCE, memberAudience, Role, signDevToken } from '@wps/kit';
import { LEAK_PATTERNS, postGraphQL, testKeys } from '@wps/tests';
import { badInput, CREATE_INDICATOR, CREATE_OUTCOME, CREATE_OUTPUT, CREATE_PARTNER, CREATE_PLAN, CREATE_REPORT, measurementInput, PUBLISH_MEASUREMENT, RECORD_MEASUREMENT, type Row, UPDATE_OUTPUT, UPDATE_PARTNER, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('every write to one member (KE), asked directly', () => {
  const w = useWriteFixture('napwriteaccess');

  describe('every write is one transaction that keeps to its member', () => {
    it('runs the mutations of one request in order, each answering with what the earlier ones wrote', async () => {
      const { body } = await w.ask(
        /* GraphQL */ `mutation ($planId: ID!) {
          first: createOutcome(countryCode: "KE", planId: $planId, input: { code: "S1", pillar: PROTECTION, statement: "First" }) { plan { outcomes { code } } }
          second: createOutcome(countryCode: "KE", planId: $planId, input: { code: "S2", pillar: PROTECTION, statement: "Second" }) { plan { outcomes { code } } }
        }`,
        { planId: w.plan.id },
      );
      expect(body.errors).toBeUndefined();
      const codes = (key: string) => (body.data![key].plan.outcomes as Row[]).map((found) => found.code);
      expect(codes('first')).toContain('S1');
      expect(codes('first')).not.toContain('S2');
      expect(codes('second')).toEqual(expect.arrayContaining(['S1', 'S2']));
    });

    it('a write that fails half-way leaves nothing behind', async () => {
      // Make the second statement of createActionPlan (its documents) fail after the plan row is written.
      await w.harness.dataSource.query(`CREATE FUNCTION test_refuse_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
      await w.harness.dataSource.query(`CREATE TRIGGER test_refuse_document BEFORE INSERT ON plan_document FOR EACH ROW EXECUTE FUNCTION test_refuse_document()`);
      try {
        const error = await w.expectRefused(CREATE_PLAN, { input: { iteration: 7, title: 'Half-written', documents: [{ title: 'The plan', kind: 'PLAN' }] } }, { code: 'INTERNAL_SERVER_ERROR' });
        expect(error.message).toBe('Internal server error');
        for (const pattern of LEAK_PATTERNS) expect(JSON.stringify(error)).not.toMatch(pattern);
        expect(await w.harness.dataSource.query('SELECT id FROM national_action_plan WHERE iteration = 7')).toEqual([]);
      } finally {
        await w.harness.dataSource.query('DROP TRIGGER test_refuse_document ON plan_document');
        await w.harness.dataSource.query('DROP FUNCTION test_refuse_document()');
      }
    });

    it('refuses a write addressed to another country with COUNTRY_NOT_SERVED, and writes nothing', async () => {
      const error = await w.expectRefused(CREATE_PLAN, { countryCode: 'NG', input: { iteration: 8, title: 'Nigeria NAP' } }, { code: 'COUNTRY_NOT_SERVED' });
      expect(error.extensions.country).toBe('NG');
      expect(error.path).toEqual(['createActionPlan']);
      await w.expectRefused(RECORD_MEASUREMENT, { countryCode: 'NG', ...measurementInput(w.percent, '2023', { value: 50, source: 'x' }) }, { code: 'COUNTRY_NOT_SERVED' });
      await w.expectRefused(PUBLISH_MEASUREMENT, { countryCode: 'ke', id: randomUUID() }, { code: 'COUNTRY_NOT_SERVED' });
    });

    it('answers NOT_FOUND, naming the argument, for an id this member does not have', async () => {
      await w.expectRefused(CREATE_OUTCOME, { planId: randomUUID(), input: { code: 'Z', pillar: 'PREVENTION', statement: 'Nowhere' } }, { code: 'NOT_FOUND', field: 'planId' });
      await w.expectRefused(PUBLISH_MEASUREMENT, { id: 'not-a-uuid' }, { code: 'NOT_FOUND', field: 'id' });
      await w.expectRefused(RECORD_MEASUREMENT, { input: { indicatorId: randomUUID(), period: '2021', value: 1 } }, { code: 'NOT_FOUND', field: 'input.indicatorId' });
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('a required text that is empty once trimmed', async () => {
      await w.expectRefused(CREATE_OUTCOME, { planId: w.plan.id, input: { code: 'O-EMPTY', pillar: 'PREVENTION', statement: '   ' } }, badInput('input.statement'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 9, title: ' \t ' } }, badInput('input.title'));
      await w.expectRefused(CREATE_PARTNER, { planId: w.plan.id, input: { name: '', kind: 'CSO' } }, badInput('input.name'));
      await w.expectRefused(UPDATE_OUTPUT, { id: w.output.id, input: { statement: null } }, badInput('input.statement'));
      await w.expectRefused(
        CREATE_REPORT,
        { planId: w.plan.id, input: { kind: 'ANNUAL', title: 'Report', periodStart: 2022, periodEnd: 2022, recommendations: [{ text: 'ok' }, { text: ' ' }] } },
        badInput('input.recommendations[1].text'),
      );
    });

    it('a code or name already used under the same parent (the unique constraint, mapped to the field)', async () => {
      const error = await w.expectRefused(CREATE_OUTCOME, { planId: w.plan.id, input: { code: 'O1', pillar: 'PREVENTION', statement: 'Again' } }, badInput('input.code'));
      expect(error.message).toBe('The plan already has an outcome with that code.');
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 1, title: 'Another first plan' } }, badInput('input.iteration'));
      await w.expectRefused(
        CREATE_INDICATOR,
        { planId: w.plan.id, input: { code: 'P1', title: 'Again', level: 'OUTCOME', unit: '%', outcomeId: w.outcome.id } },
        badInput('input.code'),
      );
      await w.expectRefused(CREATE_OUTPUT, { outcomeId: w.outcome.id, input: { code: 'O1.1', statement: 'Again' } }, badInput('input.code'));
      const { createImplementingPartner: second } = await w.write(CREATE_PARTNER, { planId: w.plan.id, input: { name: 'Second partner', kind: 'AGENCY' } });
      await w.expectRefused(UPDATE_PARTNER, { id: second.id, input: { name: 'Ministry of Gender' } }, badInput('input.name'));
    });
  });

  describe('who may write, and the audit log', () => {
    it('refuses a write without a token with UNAUTHENTICATED, and writes nothing', async () => {
      const before = await w.tableState();
      const { body } = await w.ask(CREATE_PLAN, { input: { iteration: 7, title: 'Nobody may write this' } }, null);
      expect(body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(await w.tableState()).toEqual(before);
    });

    it("refuses another country's focal point and a regional analyst with FORBIDDEN, writing nothing", async () => {
      // Tokens for this member's audience (the issuer would not mint them: the member's own rule holds anyway).
      const before = await w.tableState();
      for (const claims of [
        { subject: 'focal-point:NG', roles: [Role.FOCAL_POINT], country: 'NG' },
        { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST], orgs: ['AU'] },
        { subject: 'admin', roles: [Role.HUB_ADMIN, Role.NETWORK_ADMIN] },
      ]) {
        const { body } = await w.ask(CREATE_PLAN, { input: { iteration: 7, title: 'Not theirs to write' } }, await w.harness.sign(claims));
        expect([claims.subject, body.errors!.map((error) => error.extensions.code)]).toEqual([claims.subject, ['FORBIDDEN']]);
      }
      expect(await w.tableState()).toEqual(before);
    });

    it("refuses an expired token, one signed with another key, one without exp or living too long, and one for another audience (the hub's, another member's) with UNAUTHENTICATED", async () => {
      const keys = await testKeys();
      const { ensureDevKeys } = await import('@wps/kit');
      const stranger = await ensureDevKeys(`${keys.jwksFile.replace(/jwks\.json$/, '')}../test-keys-stranger`);
      const focal = { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' };
      const member = memberAudience('KE');
      for (const bearer of [
        await signDevToken(keys.privateKeyFile, { ...focal, audience: member, expiresIn: '-1h' }),
        await signDevToken(stranger.privateKeyFile, { ...focal, audience: member }),
        await signDevToken(keys.privateKeyFile, { ...focal, audience: member, expiresIn: null }),
        await signDevToken(keys.privateKeyFile, { ...focal, audience: member, expiresIn: '13h' }),
        await signDevToken(keys.privateKeyFile, { ...focal, audience: member, notBefore: '10m' }),
        await signDevToken(keys.privateKeyFile, { ...focal, audience: 'another-hub' }),
        // The focal point's own hub token: a member accepts only tokens minted for it.
        await signDevToken(keys.privateKeyFile, { ...focal, audience: HUB_AUDIENCE }),
        // A token bound to another member, replayed here.
        await signDevToken(keys.privateKeyFile, { ...focal, audience: memberAudience('NG') }),
      ]) {
        const { status, body } = await w.ask(CREATE_PLAN, { input: { iteration: 7, title: 'Never written' } }, bearer);
        expect([status, body.errors!.map((error) => error.extensions.code)]).toEqual([401, ['UNAUTHENTICATED']]);
      }
    });

    it("lets the member's own focal points read its audit log, and no one else", async () => {
      const { body } = await w.ask(`query ($countryCode: String!) { auditLog(countryCode: $countryCode, entity: "national_action_plan", first: 2) { actor action entity after } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.auditLog.length).toBeGreaterThan(0);
      expect(body.data!.auditLog[0]).toMatchObject({ actor: 'focal-point:KE', entity: 'national_action_plan', after: expect.objectContaining({ id: expect.any(String) }) });
      const analyst = await w.harness.sign({ subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST] });
      const refused = await w.ask(`query ($countryCode: String!) { auditLog(countryCode: $countryCode) { actor } }`, {}, analyst);
      expect(refused.body.errors!.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
      const anonymous = await w.ask(`query ($countryCode: String!) { auditLog(countryCode: $countryCode) { actor } }`, {}, null);
      expect(anonymous.body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    });

    it("serves a focal point's writes and draft reads on one connection: with a pool of one, concurrent writes all complete", async () => {
      // A request that held one pooled connection (its drafts session) while waiting for a second (its
      // transaction) would wait for ever once every connection is held that way; with one, at once.
      const single = await w.harness.openServer({ DB_POOL_MAX: '1', DB_CONNECT_TIMEOUT_MS: '3000' });
      try {
        const singleUrl = await single.listen(0);
        const writes = await Promise.all(
          ['2021-01', '2021-02', '2021-03', '2021-04'].map((period) =>
            postGraphQL(singleUrl, RECORD_MEASUREMENT, { countryCode: 'KE', ...measurementInput(w.count, period, { value: 7 }) }, { authorization: `Bearer ${w.harness.focalPoint}` }),
          ),
        );
        for (const { status, body } of writes) {
          expect(status).toBe(200);
          expect(body.errors).toBeUndefined();
          expect(body.data!.recordMeasurement).toMatchObject({ value: 7, status: 'DRAFT', indicator: { id: w.count.id } });
        }
        // Reading drafts back (the focal point's own connection) works on the same single connection.
        const { body } = await postGraphQL(singleUrl, `query { indicator(countryCode: "KE", id: "${w.count.id}") { measurements { period status } } }`, {}, { authorization: `Bearer ${w.harness.focalPoint}` });
        expect(body.errors).toBeUndefined();
        expect(body.data!.indicator.measurements.filter((measurement: Row) => measurement.period.startsWith('2021-0') && measurement.status === 'DRAFT')).toHaveLength(4);
      } finally {
        await single.stop();
      }
    });

    it('records every row a write changes in the append-only audit log, with the focal point and the mutation', async () => {
      const before = (await w.harness.dataSource.query('SELECT count(*)::int AS count FROM audit_log'))[0].count as number;
      const created = await w.write(CREATE_PLAN, { input: { iteration: 8, title: 'Audited plan' } });
      const rows = (await w.harness.dataSource.query(`SELECT actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1`)) as Row[];
      expect((await w.harness.dataSource.query('SELECT count(*)::int AS count FROM audit_log'))[0].count).toBe(before + 1);
      expect(rows[0]).toMatchObject({ actor: 'focal-point:KE', action: 'createActionPlan', entity: 'national_action_plan', entity_id: created.createActionPlan.id, before: null });
      expect(rows[0]!.after).toMatchObject({ id: created.createActionPlan.id, title: 'Audited plan' });
      await expect(w.harness.dataSource.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
      await expect(w.harness.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    });
  });
});
