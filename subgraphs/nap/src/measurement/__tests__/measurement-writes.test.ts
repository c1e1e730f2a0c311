import { randomUUID } from 'node:crypto';
import { badInput, CREATE_INDICATOR, IMPORT_MEASUREMENTS, measurementInput, PUBLIC_INDICATOR, PUBLISH_MEASUREMENT, RECORD_MEASUREMENT, type Row, UPDATE_INDICATOR, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the measurements of one member (KE), asked directly', () => {
  const w = useWriteFixture('napmeasurementwrites');

  describe('the happy path', () => {
    it('recordMeasurement stores a DRAFT recorded by the writer, which the public sees only after publishMeasurement', async () => {
      const { recordMeasurement: draft } = await w.write(
        RECORD_MEASUREMENT,
        measurementInput(w.percent, '2021', { value: 25, source: ' Parliament records ', disaggregatedValues: [{ dimension: 'sex', category: 'female', value: 25 }] }),
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
        indicator: { id: w.percent.id },
      });
      const hidden = await w.ask(PUBLIC_INDICATOR, { id: w.percent.id }, null);
      expect(hidden.body.data!.indicator.measurements.map((measurement: Row) => measurement.id)).not.toContain(draft.id);

      const { publishMeasurement: published } = await w.write(PUBLISH_MEASUREMENT, { id: draft.id });
      expect(published).toMatchObject({ id: draft.id, status: 'PUBLISHED', version: 1, value: 25, publishedAt: expect.any(String) });
      const shown = await w.ask(PUBLIC_INDICATOR, { id: w.percent.id }, null);
      expect(shown.body.data!.indicator.measurements).toContainEqual(expect.objectContaining({ id: draft.id, period: '2021', status: 'PUBLISHED' }));
      expect(await w.harness.dataSource.query('SELECT status, published_by, recorded_by FROM measurement WHERE id = $1', [draft.id])).toEqual([
        { status: 'PUBLISHED', published_by: 'focal-point:KE', recorded_by: 'focal-point:KE' },
      ]);
    });

    it('a correction is a new version: the old one stays readable (history, supersedes) and the public sees the new value only once it is published', async () => {
      const { recordMeasurement: first } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2022', { value: 30, source: 'Survey' }));
      await w.write(PUBLISH_MEASUREMENT, { id: first.id });

      const { recordMeasurement: correction } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2022', { value: 31, source: 'Survey, corrected' }));
      expect(correction).toMatchObject({ period: '2022', value: 31, status: 'DRAFT', version: 2, supersedes: { id: first.id, version: 1, value: 30 } });
      expect(await w.harness.dataSource.query('SELECT supersedes_id FROM measurement WHERE id = $1', [correction.id])).toEqual([{ supersedes_id: first.id }]);

      const periodOf = async (period: string) =>
        ((await w.ask(PUBLIC_INDICATOR, { id: w.percent.id }, null)).body.data!.indicator.measurements as Row[]).filter((measurement) => measurement.period === period);
      // Until the correction is published, the public still sees the old value.
      expect(await periodOf('2022')).toEqual([{ id: first.id, period: '2022', value: 30, version: 1, status: 'PUBLISHED', history: [{ id: first.id, version: 1, value: 30 }] }]);

      const { publishMeasurement: published } = await w.write(PUBLISH_MEASUREMENT, { id: correction.id });
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
      expect(await w.harness.dataSource.query('SELECT value, status, source FROM measurement WHERE id = $1', [first.id])).toEqual([{ value: '30', status: 'PUBLISHED', source: 'Survey' }]);
    });

    it('importMeasurements records every row as a DRAFT in one go, a correction where the period already has a value', async () => {
      const { recordMeasurement: earlier } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2020-H1', { value: 21, source: 'Survey' }));
      const before = (await w.tableState()).measurement.rows;
      const csv = [
        'period,indicator_code,value,source,narrative,reported_status,disaggregation',
        '2020-H1,P1,22,Survey,,,sex:female=22;sex:male=78',
        '2021,N1,120,Register,,,',
        '2022,N1,150,Register,"Two districts, not yet all",,',
        '2021,Q1,,,"Women\'s groups sat on the county forum',
        'and were heard",on_track,',
      ].join('\n');
      const { importMeasurements: result } = await w.write(IMPORT_MEASUREMENTS, { planId: w.plan.id, csv });
      expect(result.imported).toBe(4);
      expect(result.measurements.map((measurement: Row) => [measurement.indicator.id, measurement.period, measurement.value, measurement.version, measurement.status])).toEqual([
        [w.percent.id, '2020-H1', 22, 2, 'DRAFT'],
        [w.count.id, '2021', 120, 1, 'DRAFT'],
        [w.count.id, '2022', 150, 1, 'DRAFT'],
        [w.story.id, '2021', null, 1, 'DRAFT'],
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
      expect(await w.harness.dataSource.query('SELECT supersedes_id FROM measurement WHERE id = $1', [result.measurements[0].id])).toEqual([{ supersedes_id: earlier.id }]);
      expect((await w.tableState()).measurement.rows).toBe(before + 4);
    });

    it('shows the public who recorded a value as a role and a country, never the token subject; the member\'s own focal points see the subject', async () => {
      const { recordMeasurement: draft } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2024', { value: 12, source: 'Parliament records' }));
      await w.write(PUBLISH_MEASUREMENT, { id: draft.id });
      const query = `query ($id: ID!) { indicator(countryCode: "KE", id: $id) { measurements { id recordedBy } } }`;
      const publicView = await w.ask(query, { id: w.percent.id }, null);
      expect(publicView.body.data!.indicator.measurements).toContainEqual({ id: draft.id, recordedBy: 'Focal point, Kenya' });
      expect(JSON.stringify(publicView.body)).not.toContain('focal-point:KE');
      const memberView = await w.ask(query, { id: w.percent.id });
      expect(memberView.body.data!.indicator.measurements).toContainEqual({ id: draft.id, recordedBy: 'focal-point:KE' });
      expect(await w.harness.dataSource.query('SELECT recorded_by, recorded_by_display FROM measurement WHERE id = $1', [draft.id])).toEqual([
        { recorded_by: 'focal-point:KE', recorded_by_display: 'Focal point, Kenya' },
      ]);
    });
  });

  describe('measurements are append-only', () => {
    it('the append-only trigger refuses an UPDATE of a stored measurement value and any DELETE (raw SQL)', async () => {
      const { recordMeasurement: draft } = await w.write(RECORD_MEASUREMENT, measurementInput(w.count, '2023', { value: 10, source: 'Register' }));
      const { publishMeasurement: published } = await w.write(PUBLISH_MEASUREMENT, { id: draft.id });
      const { recordMeasurement: other } = await w.write(RECORD_MEASUREMENT, measurementInput(w.count, '2024', { value: 12 }));
      const before = await w.tableState();
      await expect(w.harness.dataSource.query('UPDATE measurement SET value = 99 WHERE id = $1', [published.id])).rejects.toThrow(/append-only/);
      await expect(w.harness.dataSource.query('UPDATE measurement SET value = 99 WHERE id = $1', [other.id])).rejects.toThrow(/append-only/);
      await expect(w.harness.dataSource.query(`UPDATE measurement SET status = 'DRAFT' WHERE id = $1`, [published.id])).rejects.toThrow(/append-only/);
      await expect(w.harness.dataSource.query('DELETE FROM measurement WHERE id = $1', [other.id])).rejects.toThrow(/append-only/);
      expect(await w.tableState()).toEqual(before);
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 1: a measurement period outside the plan period, or not a period at all', async () => {
      const error = await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.percent, '2019', { value: 30, source: 'x' }), badInput('input.period'));
      expect(error.message).toContain('2020–2024');
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.percent, '2025-Q1', { value: 30 }), badInput('input.period'));
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.percent, '2023-Q5', { value: 30 }), badInput('input.period'));
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.percent, '2023-13', { value: 30 }), badInput('input.period'));
    });

    it('rule 1: a plan without a known start takes no measurements', async () => {
      const error = await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.openIndicator, '2021', { value: 3 }), badInput('input.period'));
      expect(error.message).toMatch(/start year is not known/);
    });

    it('rule 2: a percentage outside 0–100 as baseline, target, value or disaggregated value, and a negative count', async () => {
      const indicator = (input: Record<string, unknown>) => ({ planId: w.plan.id, input: { code: 'P-BAD', title: 'Bad', level: 'OUTCOME', unit: '%', outcomeId: w.outcome.id, ...input } });
      await w.expectRefused(CREATE_INDICATOR, indicator({ baseline: { value: 120 } }), badInput('input.baseline.value'));
      await w.expectRefused(CREATE_INDICATOR, indicator({ target: { value: -1, year: 2024 } }), badInput('input.target.value'));
      await w.expectRefused(UPDATE_INDICATOR, { id: w.percent.id, input: { target: { value: 100.5 } } }, badInput('input.target.value'));
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.percent, '2023', { value: 100.5, source: 'x' }), badInput('input.value'));
      await w.expectRefused(
        RECORD_MEASUREMENT,
        measurementInput(w.percent, '2023', { value: 40, disaggregatedValues: [{ dimension: 'sex', category: 'female', value: 140 }] }),
        badInput('input.disaggregatedValues[0].value'),
      );
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.count, '2023', { value: -3 }), badInput('input.value'));
      await w.expectRefused(UPDATE_INDICATOR, { id: w.count.id, input: { baseline: { value: -1 } } }, badInput('input.baseline.value'));
    });

    it('rule 2: a value on a qualitative indicator, a reported status or an undeclared dimension on a quantitative one, a baseline on a qualitative one', async () => {
      const error = await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.story, '2022', { value: 3, reportedStatus: 'ON_TRACK' }), badInput('input.value'));
      expect(error.message).toContain('qualitative');
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.percent, '2023', { value: 40, reportedStatus: 'ON_TRACK' }), badInput('input.reportedStatus'));
      await w.expectRefused(
        RECORD_MEASUREMENT,
        measurementInput(w.percent, '2023', { value: 40, disaggregatedValues: [{ dimension: 'age', category: '18-35', value: 10 }] }),
        badInput('input.disaggregatedValues[0].dimension'),
      );
      await w.expectRefused(RECORD_MEASUREMENT, measurementInput(w.story, '2022', {}), badInput('input.narrative'));
      await w.expectRefused(
        CREATE_INDICATOR,
        { planId: w.plan.id, input: { code: 'Q-BAD', title: 'Bad', level: 'OUTCOME', kind: 'QUALITATIVE', unit: 'assessment', outcomeId: w.outcome.id, baseline: { value: 1 } } },
        badInput('input.baseline'),
      );
      // An indicator with measurements keeps its kind: they are append-only.
      await w.expectRefused(UPDATE_INDICATOR, { id: w.percent.id, input: { kind: 'QUALITATIVE', baseline: null, target: null } }, badInput('input.kind'));
    });

    it('rule 5: publishes only a complete measurement (a value and a source; a narrative and a reported status)', async () => {
      const { recordMeasurement: unsourced } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2023-Q1', { value: 33 }));
      const error = await w.expectRefused(PUBLISH_MEASUREMENT, { id: unsourced.id }, badInput('id'));
      expect(error.extensions.missing).toEqual(['source']);
      const { recordMeasurement: untold } = await w.write(RECORD_MEASUREMENT, measurementInput(w.story, '2023', { narrative: 'Some progress' }));
      expect((await w.expectRefused(PUBLISH_MEASUREMENT, { id: untold.id }, badInput('id'))).extensions.missing).toEqual(['reportedStatus']);
    });

    it('rule 5: publishes only the latest version of a period, and only once', async () => {
      const { recordMeasurement: first } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2023', { value: 35, source: 'Survey' }));
      const { recordMeasurement: second } = await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2023', { value: 36, source: 'Survey' }));
      expect(second.version).toBe(2);
      const error = await w.expectRefused(PUBLISH_MEASUREMENT, { id: first.id }, badInput('id'));
      expect(error.message).toContain('superseded by version 2');
      await w.write(PUBLISH_MEASUREMENT, { id: second.id });
      await w.expectRefused(PUBLISH_MEASUREMENT, { id: second.id }, badInput('id'));
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
      const error = await w.expectRefused(IMPORT_MEASUREMENTS, { planId: w.plan.id, csv }, badInput('csv'));
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
      const unknown = await w.expectRefused(IMPORT_MEASUREMENTS, { planId: w.plan.id, csv: 'indicator_code,period,value,colour\nP1,2021,40,red\n' }, badInput('csv'));
      expect(unknown.extensions.lines).toEqual([{ line: 1, field: 'colour', message: expect.stringContaining('Unknown column "colour"') }]);
      expect(unknown.message).toBe('The header row is invalid; nothing was imported.');
      const missing = await w.expectRefused(IMPORT_MEASUREMENTS, { planId: w.plan.id, csv: 'indicator_code,value\nP1,40\n' }, badInput('csv'));
      expect(missing.extensions.lines).toEqual([{ line: 1, field: 'period', message: expect.stringContaining('required') }]);
      const unclosed = await w.expectRefused(IMPORT_MEASUREMENTS, { planId: w.plan.id, csv: 'indicator_code,period,value\nP1,2021,"40\n' }, badInput('csv'));
      expect(unclosed.extensions.lines).toEqual([{ line: expect.any(Number), field: 'csv', message: expect.stringContaining('Quote') }]);
      await w.expectRefused(IMPORT_MEASUREMENTS, { planId: w.plan.id, csv: '' }, badInput('csv'));
      await w.expectRefused(IMPORT_MEASUREMENTS, { planId: randomUUID(), csv: 'indicator_code,period\nP1,2021\n' }, { code: 'NOT_FOUND', field: 'planId' });
    });
  });
});
