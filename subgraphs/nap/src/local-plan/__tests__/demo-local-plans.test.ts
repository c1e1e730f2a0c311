import { seedDemoMember } from '../../seed/seed-demo-member.js';
import { startNapHarness, type NapHarness } from '../../__tests__/nap-harness.js';

const TODAY = new Date('2026-12-01T00:00:00Z');

const LOCAL_PLANS = (countryCode: string) => /* GraphQL */ `query { actionPlans(countryCode: "${countryCode}") { iteration
  localPlans { level areaName areaCode status adoptedOn leadAuthority sources demoFields isDemo indicators { code valueKind isDemo nationalIndicator { unit } measurements { isDemo } } }
  indicators { code localRollUp { method coverage { reporting linked } isDemo } } } }`;

type Row = Record<string, any>;

/**
 * The demo seed's local plans (issue 13.4): the real ones the sources name,
 * under the national plan that gets full demo content, with generated
 * indicators and values, flagged isDemo everywhere.
 */
describe.each([
  ['KE', 2, [['Baringo County', 'KE-01'], ['Mandera County', 'KE-24'], ['Samburu County', 'KE-37']], 0],
  ['NG', 3, [['Plateau State', 'NG-PL']], 3],
] as const)('the demo local plans of %s', (countryCode, iteration, published, drafts) => {
  let member: NapHarness | undefined;

  beforeAll(async () => {
    member = await startNapHarness({ label: `naplocalseed${countryCode.toLowerCase()}`, countryCode, seed: (source, code) => seedDemoMember(source, code, TODAY) });
  });
  afterAll(() => member?.close());

  const plansOf = async (bearer: string | null) => {
    const { body } = await member!.ask(LOCAL_PLANS(countryCode), {}, bearer);
    expect(body.errors).toBeUndefined();
    return body.data!.actionPlans as Row[];
  };

  it('names only sourced plans, under the plan with full demo content, and flags every generated row and field', async () => {
    const plans = await plansOf(null);
    for (const plan of plans) expect(plan.localPlans.length > 0).toBe(plan.iteration === iteration);
    const locals = plans.find((plan) => plan.iteration === iteration)!.localPlans as Row[];
    expect(locals.map((local) => [local.areaName, local.areaCode])).toEqual(published);
    for (const local of locals) {
      expect(local).toMatchObject({ status: 'PUBLISHED', isDemo: true, demoFields: ['period'] });
      expect(local.sources.length).toBeGreaterThan(0);
      for (const source of local.sources) expect(source).toMatch(/^https:\/\//);
      expect(local.indicators.length).toBeGreaterThan(0);
      for (const indicator of local.indicators) {
        expect(indicator.isDemo).toBe(true);
        expect(indicator.nationalIndicator.unit).toBe(indicator.valueKind === 'COUNT' ? 'number' : '%');
        expect(indicator.measurements.length).toBeGreaterThan(0);
        for (const value of indicator.measurements) expect(value.isDemo).toBe(true);
      }
    }
    if (countryCode === 'NG') expect(locals[0]).toMatchObject({ adoptedOn: '2024-11', leadAuthority: 'Plateau State Ministry of Women Affairs and Social Development' });
  });

  it('rolls the demo values up into the national indicators as demo, and keeps the draft local plans with the member', async () => {
    const publicPlan = (await plansOf(null)).find((plan) => plan.iteration === iteration)!;
    const rolled = (publicPlan.indicators as Row[]).filter((indicator) => indicator.localRollUp !== null);
    expect(rolled.length).toBeGreaterThan(0);
    for (const { localRollUp } of rolled) expect(localRollUp).toMatchObject({ isDemo: true, coverage: { reporting: published.length, linked: published.length } });
    const own = (await plansOf(member!.focalPoint)).find((plan) => plan.iteration === iteration)!;
    expect(own.localPlans.filter((local: Row) => local.status === 'DRAFT')).toHaveLength(drafts);
  });
});
