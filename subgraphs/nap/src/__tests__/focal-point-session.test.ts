import { Client } from 'pg';
import { seedDemoMember } from '../seed/seed-demo-member.js';
import { startNapHarness, type NapHarness } from './nap-harness.js';

/** A plan with everything under it: its loaders start several statements at once (plans, indicators, values, local plans). */
const OWN_PLANS = /* GraphQL */ `query { actionPlans(countryCode: "NG") { iteration status
  indicators { code status measurements { period value } latestMeasurement { value } }
  localPlans { areaName status indicators { code measurements { value } } } } }`;

/**
 * A focal point's request reads and writes on one connection of its own
 * (context.ts). Its loaders start statements beside each other; on that
 * one connection they are sent one after the other by the request itself,
 * never queued inside pg while another runs (which pg deprecates, and
 * pg@9 refuses).
 */
describe("a focal point's request on its own connection", () => {
  let member: NapHarness | undefined;
  /** The most statements any one pg client had running at once (more than one: pg queued them itself). */
  let mostAtOnce: number;
  let query: jest.SpyInstance;

  beforeAll(async () => {
    member = await startNapHarness({ label: 'napfocalsession', countryCode: 'NG', seed: (source, code) => seedDemoMember(source, code, new Date('2026-12-01T00:00:00Z')) });
  });
  afterAll(() => member?.close());
  beforeEach(() => {
    mostAtOnce = 0;
    const running = new WeakMap<Client, number>();
    const send = Client.prototype.query;
    query = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const now = (running.get(this) ?? 0) + 1;
      running.set(this, now);
      mostAtOnce = Math.max(mostAtOnce, now);
      const done = () => void running.set(this, running.get(this)! - 1);
      const result = (send as (...given: unknown[]) => unknown).apply(this, args) as Promise<unknown>;
      result.then(done, done);
      return result;
    } as typeof send);
  });
  afterEach(() => query.mockRestore());

  it('sends its statements one at a time on the connection that shows its drafts', async () => {
    const own = await member!.ask(OWN_PLANS, {}, member!.focalPoint);
    expect(own.body.errors).toBeUndefined();
    expect(query).toHaveBeenCalled();
    expect(mostAtOnce).toBe(1);

    const plans = own.body.data!.actionPlans as { status: string; indicators: { measurements: unknown[] }[]; localPlans: { status: string }[] }[];
    expect(plans.some((plan) => plan.indicators.some((indicator) => indicator.measurements.length > 0))).toBe(true);
    // The focal point's view holds the drafts the public's does not, read over the same statements.
    const anonymous = await member!.ask(OWN_PLANS, {}, null);
    expect(anonymous.body.errors).toBeUndefined();
    const drafts = (view: typeof plans) => view.flatMap((plan) => plan.localPlans).filter((local) => local.status === 'DRAFT').length;
    expect(drafts(anonymous.body.data!.actionPlans as typeof plans)).toBe(0);
    expect(drafts(plans)).toBeGreaterThan(0);
  });
});
