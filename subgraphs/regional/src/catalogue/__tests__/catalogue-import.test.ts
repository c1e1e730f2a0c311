import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HubError } from '@wps/kit';
import { closeTestSubgraph, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { regionalEntities } from '../../entities.js';
import { regionalMigrations } from '../../migrations/index.js';
import { seedReferenceData } from '../../seed/reference-data.js';
import { parseCatalogue } from '../catalogue-file.js';
import { importCatalogue } from '../catalogue.service.js';
import { loadDemoCataloguesWhereMissing } from '../demo-catalogue.js';

const GOOD_CSV = `code,title,pillar,level
AU-PAR-1,Proportion of seats held by women in national parliament,PARTICIPATION,OUTCOME
AU-PRE-2,"Security-sector personnel trained on WPS, by service",prevention,output
AU-NEW-1,An indicator with no pillar,,
`;

const BAD_CSV = `code,title,pillar,level
AU-PAR-1,Proportion of seats held by women in national parliament,PARTICIPATION,OUTCOME
au par 2,Lower-case code with spaces,PARTICIPATION,OUTCOME
AU-PAR-1,A duplicate code,PARTICIPATION,OUTCOME
AU-PRO-1,,PROTECTION,OUTCOME
AU-REL-1,Recovery,RECOVERY,IMPACT
`;

describe('importing a framework indicator catalogue', () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let folder: string;

  beforeAll(async () => {
    ({ database, dataSource } = await openTestSubgraphDatabase('catalogue', regionalEntities, regionalMigrations));
    await seedReferenceData(dataSource);
    await loadDemoCataloguesWhereMissing(dataSource);
    folder = mkdtempSync(path.join(tmpdir(), 'wps-catalogue-'));
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await closeTestSubgraph({ dataSource, database });
  });

  const rows = async (framework: string) =>
    (await dataSource!.query('SELECT code, title, pillar, level, position, illustrative, source FROM framework_indicator WHERE framework_code = $1 ORDER BY position', [framework])) as Record<string, unknown>[];

  it('reports every problem of a malformed CSV with its line, not just the first', () => {
    expect(parseCatalogue(BAD_CSV, 'csv')).toEqual({
      ok: false,
      problems: [
        { line: 3, field: 'code', message: '"au par 2" is not a well-formed indicator code (capitals, digits, dots and dashes)' },
        { line: 4, field: 'code', message: '"AU-PAR-1" is already on line 2' },
        { line: 5, field: 'title', message: 'the title is empty' },
        { line: 6, field: 'pillar', message: '"RECOVERY" is not a pillar (PARTICIPATION, PREVENTION, PROTECTION, RELIEF_AND_RECOVERY)' },
        { line: 6, field: 'level', message: '"IMPACT" is not a level (OUTCOME, OUTPUT)' },
      ],
    });
    expect(parseCatalogue('id,name\nX,Y\n', 'csv')).toMatchObject({ ok: false, problems: [{ line: 1, field: 'code' }, { line: 1, field: 'title' }, { line: 1, field: 'id' }, { line: 1, field: 'name' }] });
    expect(parseCatalogue('[{"code": "OSCE-1", "title": ""}]', 'json')).toEqual({ ok: false, problems: [{ line: 1, field: 'title', message: 'the title is empty' }] });
  });

  it('rejects a malformed catalogue and changes nothing', async () => {
    const before = await rows('AU_CRF');
    expect(before.length).toBeGreaterThan(0);
    const attempt = importCatalogue(dataSource!, { framework: 'AU_CRF', content: BAD_CSV, format: 'csv', source: 'test', illustrative: false, actor: 'test' });
    await expect(attempt).rejects.toBeInstanceOf(HubError);
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'catalogue', lines: expect.arrayContaining([expect.objectContaining({ line: 3 })]) } });
    expect(await rows('AU_CRF')).toEqual(before);
  });

  it('replaces the catalogue with a good file, and a second import of the same file leaves the same rows', async () => {
    const request = { framework: 'AU_CRF' as const, content: GOOD_CSV, format: 'csv' as const, source: 'AU CRF (2018), test extract', illustrative: false, actor: 'test' };
    const first = await importCatalogue(dataSource!, request);
    expect(first).toEqual({ imported: 3, removed: 8 });
    const afterFirst = await rows('AU_CRF');
    expect(afterFirst).toEqual([
      { code: 'AU-PAR-1', title: 'Proportion of seats held by women in national parliament', pillar: 'PARTICIPATION', level: 'OUTCOME', position: 0, illustrative: false, source: 'AU CRF (2018), test extract' },
      { code: 'AU-PRE-2', title: 'Security-sector personnel trained on WPS, by service', pillar: 'PREVENTION', level: 'OUTPUT', position: 1, illustrative: false, source: 'AU CRF (2018), test extract' },
      { code: 'AU-NEW-1', title: 'An indicator with no pillar', pillar: null, level: null, position: 2, illustrative: false, source: 'AU CRF (2018), test extract' },
    ]);
    expect(await importCatalogue(dataSource!, request)).toEqual({ imported: 3, removed: 0 });
    expect(await rows('AU_CRF')).toEqual(afterFirst);
    // An imported catalogue is never replaced by the demo one at the next start.
    expect(await loadDemoCataloguesWhereMissing(dataSource!)).toEqual([]);
    expect(await rows('AU_CRF')).toEqual(afterFirst);
  });

  it('works from the command line: a malformed file exits 1 listing its lines, and changes nothing', () => {
    const before = rows('EU_GAP_III');
    const bad = path.join(folder, 'bad.csv');
    writeFileSync(bad, BAD_CSV);
    const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'catalogue', 'import-cli.js');
    const run = (file: string) =>
      spawnSync(process.execPath, [cli, '--framework', 'EU_GAP_III', '--file', file, '--source', 'SWD(2020) 284 (test)'], {
        env: { ...process.env, DATABASE_URL: database!.url },
        encoding: 'utf8',
      });
    const refused = run(bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('5 problems in the catalogue; nothing was imported.');
    expect(refused.stderr).toContain('line 3, code: "au par 2" is not a well-formed indicator code');
    expect(refused.stderr).toContain('line 6, level: "IMPACT" is not a level');
    return before.then(async (expected) => {
      expect(await rows('EU_GAP_III')).toEqual(expected);
      const good = path.join(folder, 'good.json');
      writeFileSync(good, JSON.stringify([{ code: 'GAP-WPS-1', title: 'Participation in peace and security decision-making', pillar: 'PARTICIPATION' }]));
      const imported = run(good);
      expect([imported.status, imported.stdout]).toEqual([0, 'EU_GAP_III: 1 indicators imported, 6 removed\n']);
    });
  });

  it("loads CEDAW GR30's illustrative recommendation areas (data/catalogues/cedaw-gr30.csv) from the command line, flagged illustrative", () => {
    const file = path.resolve(__dirname, '..', '..', '..', '..', '..', 'data', 'catalogues', 'cedaw-gr30.csv');
    const parsed = parseCatalogue(readFileSync(file, 'utf8'), 'csv');
    expect(parsed.ok).toBe(true);
    const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'catalogue', 'import-cli.js');
    const source = 'CEDAW/C/GC/30 (18 October 2013), recommendation areas (test)';
    const imported = spawnSync(process.execPath, [cli, '--framework', 'CEDAW_GR30', '--file', file, '--illustrative', '--source', source], {
      env: { ...process.env, DATABASE_URL: database!.url },
      encoding: 'utf8',
    });
    expect([imported.status, imported.stderr, imported.stdout]).toEqual([0, '', 'CEDAW_GR30: 9 indicators imported, 0 removed\n']);
    return rows('CEDAW_GR30').then((loaded) => {
      expect(loaded.map((row) => row.code)).toEqual(['GR30-PREV', 'GR30-GBV', 'GR30-PART', 'GR30-SERV', 'GR30-NAT', 'GR30-DDR', 'GR30-CONST', 'GR30-JUST', 'GR30-MON']);
      expect(loaded.every((row) => row.illustrative === true && row.source === source)).toBe(true);
      expect(loaded.find((row) => row.code === 'GR30-NAT')).toMatchObject({ pillar: 'PROTECTION', level: null });
    });
  });
});
