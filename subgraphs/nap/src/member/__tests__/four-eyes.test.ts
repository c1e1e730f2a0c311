import { Role } from '@wps/kit';
import { CREATE_REPORT, measurementInput, PUBLISH_MEASUREMENT, PUBLISH_REPORT, RECORD_MEASUREMENT, useWriteFixture } from '../../__tests__/write-fixture.js';
import { recordFourEyesRule } from '../four-eyes.js';

describe('four-eyes publishing: what one focal point drafted, another publishes (one member, KE, with NAP_FOUR_EYES on)', () => {
  const w = useWriteFixture('napfoureyes');
  let second: string;

  beforeAll(async () => {
    await recordFourEyesRule(w.harness.dataSource, true);
    second = await w.harness.sign({ subject: 'focal-point-2:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
  });

  it('refuses the focal point who recorded a value to publish it (FORBIDDEN), and lets a second focal point publish it', async () => {
    const draft = (await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2023', { value: 40, source: 'Survey' }))).recordMeasurement;
    const before = await w.tableState();
    const own = await w.ask(PUBLISH_MEASUREMENT, { id: draft.id });
    expect(own.body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(own.body.errors![0].message).toMatch(/four-eyes/);
    expect(await w.tableState()).toEqual(before);
    const other = await w.ask(PUBLISH_MEASUREMENT, { id: draft.id }, second);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.publishMeasurement.status).toBe('PUBLISHED');
  });

  it('does the same for a progress report', async () => {
    const report = (await w.write(CREATE_REPORT, { planId: w.plan.id, input: { kind: 'ANNUAL', title: 'Annual report 2023', periodStart: 2023, periodEnd: 2023, findings: ['A finding.'] } })).createProgressReport;
    const own = await w.ask(PUBLISH_REPORT, { id: report.id });
    expect(own.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const other = await w.ask(PUBLISH_REPORT, { id: report.id }, second);
    expect(other.body.data!.publishProgressReport.status).toBe('PUBLISHED');
  });

  it('is held by the database too: publishing a draft as the one who recorded it is refused, whoever runs the UPDATE', async () => {
    const draft = (await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2024', { value: 41, source: 'Survey' }))).recordMeasurement;
    await expect(
      w.harness.dataSource.query(`UPDATE measurement SET status = 'PUBLISHED', published_at = now(), published_by = recorded_by WHERE id = $1`, [draft.id]),
    ).rejects.toThrow(/four-eyes publishing/);
  });

  it('lets one focal point publish its own drafts when the member does not ask for four eyes', async () => {
    await recordFourEyesRule(w.harness.dataSource, false);
    try {
      const draft = (await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2021', { value: 35, source: 'Survey' }))).recordMeasurement;
      expect((await w.write(PUBLISH_MEASUREMENT, { id: draft.id })).publishMeasurement.status).toBe('PUBLISHED');
    } finally {
      await recordFourEyesRule(w.harness.dataSource, true);
    }
  });
});
