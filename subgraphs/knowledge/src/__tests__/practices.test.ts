import { Role } from '@wps/kit';
import { NETWORK_ADMIN, NETWORK_MEMBER, startKnowledgeHarness, type KnowledgeHarness } from './knowledge-harness.js';

const PRACTICE = 'id title summary themes pillars frameworks status year evidence source proposedAt moderatedAt moderationNote isDemo countries { code }';
const PROPOSE = `mutation ($input: ProposeGoodPracticeInput!) { proposeGoodPractice(input: $input) { ${PRACTICE} } }`;
const MODERATE = `mutation ($id: ID!, $decision: ModerationDecision!, $note: String) { moderateGoodPractice(id: $id, decision: $decision, note: $note) { ${PRACTICE} } }`;
const ONE = `query ($id: ID!) { goodPractice(id: $id) { id status } }`;
const ENTITY = `query ($id: ID!) { _entities(representations: [{ __typename: "GoodPractice", id: $id }]) { ... on GoodPractice { id status } } }`;

const proposal = {
  title: 'Gender budget tagging in county plans',
  summary: 'Counties tag the activities of the action plan in their budgets, so allocations can be followed every year.',
  themes: ['FINANCING', 'LOCALIZATION'],
  countryCodes: ['ug'],
  pillars: ['PARTICIPATION'],
  frameworks: ['AU_CRF'],
  year: 2024,
  evidence: 'Budget estimates of three counties.',
};

describe('proposing and moderating good practices', () => {
  let hub: KnowledgeHarness;
  let proposer: string;
  let otherMember: string;
  let admin: string;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowpractices');
    proposer = await hub.token('member-proposer', NETWORK_MEMBER);
    otherMember = await hub.token('member-other', NETWORK_MEMBER);
    admin = await hub.token('network-admin-1', NETWORK_ADMIN);
  });
  afterAll(() => hub?.close());

  const state = async () => ({
    practices: await hub.dataSource.query(`SELECT id, status, moderated_by, moderation_note FROM good_practice ORDER BY id`),
    audit: await hub.count('audit_log'),
  });

  async function propose(input: Record<string, unknown> = proposal): Promise<{ id: string; status: string }> {
    const { body } = await hub.ask(PROPOSE, { input }, proposer);
    expect(body.errors).toBeUndefined();
    return body.data!.proposeGoodPractice;
  }

  it('stores a proposal as a DRAFT of its proposer, normalised, with one audit row', async () => {
    const audit = await hub.count('audit_log');
    const { body } = await hub.ask(PROPOSE, { input: proposal }, proposer);
    expect(body.errors).toBeUndefined();
    const practice = body.data!.proposeGoodPractice;
    expect(practice).toMatchObject({
      title: proposal.title,
      status: 'DRAFT',
      countries: [{ code: 'UG' }],
      themes: ['FINANCING', 'LOCALIZATION'],
      source: 'Proposed by a network member',
      isDemo: false,
      moderatedAt: null,
    });
    expect(practice.id).toMatch(/^gender-budget-tagging-in-county-plans-[0-9a-f]{6}$/);
    expect(await hub.count('audit_log')).toBe(audit + 1);
    const [row] = await hub.dataSource.query(`SELECT actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ actor: 'member-proposer', action: 'proposeGoodPractice', entity: 'good_practice', entity_id: practice.id, before: null });
    expect(row.after).toMatchObject({ status: 'DRAFT', proposedBy: 'member-proposer' });
  });

  it('keeps drafts from the public and from other members, through queries and _entities; the proposer and admins see them', async () => {
    const { id } = await propose();
    for (const as of [undefined, otherMember]) {
      const one = await hub.ask(ONE, { id }, as);
      expect(one.body).toEqual({ data: { goodPractice: null } });
      const entity = await hub.ask(ENTITY, { id }, as);
      expect(entity.body).toEqual({ data: { _entities: [null] } });
      const published = await hub.ask(`{ goodPractices(theme: FINANCING) { id } }`, {}, as);
      expect(published.body.data!.goodPractices.map((practice: { id: string }) => practice.id)).not.toContain(id);
    }
    const publicDrafts = await hub.ask(`{ goodPractices(status: DRAFT) { id } }`);
    expect(publicDrafts.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const othersDrafts = await hub.ask(`{ goodPractices(status: DRAFT) { id } }`, {}, otherMember);
    expect(othersDrafts.body.data!.goodPractices).toEqual([]);

    expect((await hub.ask(ONE, { id }, proposer)).body.data!.goodPractice).toEqual({ id, status: 'DRAFT' });
    expect((await hub.ask(ENTITY, { id }, proposer)).body.data!._entities).toEqual([{ id, status: 'DRAFT' }]);
    expect((await hub.ask(ENTITY, { id }, admin)).body.data!._entities).toEqual([{ id, status: 'DRAFT' }]);
    const adminDrafts = await hub.ask(`{ goodPractices(status: DRAFT) { id } }`, {}, admin);
    expect(adminDrafts.body.data!.goodPractices.map((practice: { id: string }) => practice.id)).toContain(id);
  });

  it('refuses moderation by a network member (FORBIDDEN) and by the public (UNAUTHENTICATED), changing nothing', async () => {
    const { id } = await propose();
    const before = await state();
    for (const [as, code] of [
      [proposer, 'FORBIDDEN'],
      [await hub.token('focal-point-ke', [Role.FOCAL_POINT]), 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const { body } = await hub.ask(MODERATE, { id, decision: 'PUBLISH' }, as);
      expect(body.data).toBeNull();
      expect(body.errors![0].extensions.code).toBe(code);
    }
    expect(await state()).toEqual(before);
  });

  it('publishes a draft when a network admin approves it: then everyone sees it, once, with an audit row holding before and after', async () => {
    const { id } = await propose();
    const audit = await hub.count('audit_log');
    const { body } = await hub.ask(MODERATE, { id, decision: 'PUBLISH', note: 'Checked the budget estimates.' }, admin);
    expect(body.errors).toBeUndefined();
    expect(body.data!.moderateGoodPractice).toMatchObject({ id, status: 'PUBLISHED', moderationNote: 'Checked the budget estimates.' });
    expect(body.data!.moderateGoodPractice.moderatedAt).not.toBeNull();
    expect(await hub.count('audit_log')).toBe(audit + 1);
    const [row] = await hub.dataSource.query(`SELECT actor, action, before, after FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ actor: 'network-admin-1', action: 'moderateGoodPractice' });
    expect([row.before.status, row.after.status]).toEqual(['DRAFT', 'PUBLISHED']);

    expect((await hub.ask(ONE, { id })).body.data!.goodPractice).toEqual({ id, status: 'PUBLISHED' });
    const byCountry = await hub.ask(`{ _entities(representations: [{ __typename: "Country", code: "UG" }]) { ... on Country { goodPractices { id } } } }`);
    expect(byCountry.body.data!._entities[0].goodPractices.map((practice: { id: string }) => practice.id)).toContain(id);
    // The note is for the proposer and admins.
    const asPublic = await hub.ask(`query ($id: ID!) { goodPractice(id: $id) { moderationNote } }`, { id });
    expect(asPublic.body.data!.goodPractice.moderationNote).toBeNull();

    const again = await hub.ask(MODERATE, { id, decision: 'REJECT' }, admin);
    expect(again.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps a rejected proposal with its proposer, who reads the note', async () => {
    const { id } = await propose();
    const { body } = await hub.ask(MODERATE, { id, decision: 'REJECT', note: 'Please add a source.' }, admin);
    expect(body.data!.moderateGoodPractice.status).toBe('REJECTED');
    expect((await hub.ask(ONE, { id })).body.data!.goodPractice).toBeNull();
    const mine = await hub.ask(`{ goodPractices(status: REJECTED) { id moderationNote } }`, {}, proposer);
    expect(mine.body.data!.goodPractices).toEqual([{ id, moderationNote: 'Please add a source.' }]);
  });

  it('refuses invalid proposals with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const before = await state();
    for (const [change, field] of [
      [{ title: 'Hi' }, 'input.title'],
      [{ summary: '   ' }, 'input.summary'],
      [{ themes: [] }, 'input.themes'],
      [{ countryCodes: ['Kenya'] }, 'input.countryCodes[0]'],
      [{ year: 1850 }, 'input.year'],
      [{ sessionId: 'no-such-session' }, 'input.sessionId'],
    ] as const) {
      const { body } = await hub.ask(PROPOSE, { input: { ...proposal, ...change } }, proposer);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const anonymous = await hub.ask(PROPOSE, { input: proposal });
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const analyst = await hub.ask(PROPOSE, { input: proposal }, await hub.token('analyst-1', [Role.REGIONAL_ANALYST]));
    expect(analyst.body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await state()).toEqual(before);
  });

  it('keeps the audit log append-only: the database refuses UPDATE and DELETE', async () => {
    await propose();
    await expect(hub.dataSource.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(hub.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
