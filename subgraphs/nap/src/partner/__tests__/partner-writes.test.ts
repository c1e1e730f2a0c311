import { CREATE_PARTNER, UPDATE_PARTNER, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the implementing partners of one member (KE), asked directly', () => {
  const w = useWriteFixture('nappartnerwrites');

  describe('the happy path', () => {
    it('createImplementingPartner adds a partner to the plan; updateImplementingPartner changes the fields it is given', async () => {
      const { createImplementingPartner: created } = await w.write(CREATE_PARTNER, {
        planId: w.plan.id,
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
      const { updateImplementingPartner: updated } = await w.write(UPDATE_PARTNER, { id: created.id, input: { representativeRole: null, inCoordinationBody: true } });
      expect(updated).toEqual({ ...created, representativeRole: null, inCoordinationBody: true });
      const { body } = await w.ask(`query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { partners { id } } }`, { id: w.plan.id });
      expect(body.data!.actionPlan.partners).toContainEqual({ id: created.id });
    });
  });
});
