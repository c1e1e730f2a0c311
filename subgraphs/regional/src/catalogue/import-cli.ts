import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, databaseConfigFrom, databaseEnv, errorMessage, HubError, openDatabase } from '@wps/kit';
import { regionalMigrations } from '../migrations/index.js';
import { CATALOGUE_FRAMEWORKS, type CatalogueFramework } from './catalogue-file.js';
import { importCatalogue } from './catalogue.service.js';
import { FrameworkIndicatorEntity } from './framework-indicator.entity.js';

const USAGE = `npm run import:catalogue -- --framework AU_CRF --file catalogue.csv --source "AU CRF 2018, annex" [--illustrative]

Replaces a framework's indicator catalogue in the regional database (DATABASE_URL) with the file's
indicators, in one transaction; a malformed file changes nothing and every problem is listed with its line.
Frameworks: ${CATALOGUE_FRAMEWORKS.join(', ')}. Formats: .csv (header code,title[,pillar][,level]) or .json.
See subgraphs/regional/CATALOGUE_IMPORT.md.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      framework: { type: 'string' },
      file: { type: 'string' },
      source: { type: 'string' },
      illustrative: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.framework || !values.file || !values.source) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const framework = values.framework.toUpperCase() as CatalogueFramework;
  if (!CATALOGUE_FRAMEWORKS.includes(framework)) {
    process.stderr.write(`unknown framework ${values.framework}; one of ${CATALOGUE_FRAMEWORKS.join(', ')}\n`);
    return 2;
  }
  const format = path.extname(values.file).toLowerCase() === '.json' ? 'json' : 'csv';
  const content = readFileSync(values.file, 'utf8');
  const logger = createLogger('import-catalogue', 'warn');
  // The database is migrated as the service would; the import itself touches the catalogue's table only.
  const dataSource = await openDatabase(
    { config: databaseConfigFrom(databaseEnv.read(process.env)), entities: [FrameworkIndicatorEntity], migrations: regionalMigrations, applicationName: 'import-catalogue' },
    logger,
  );
  try {
    const result = await importCatalogue(dataSource, {
      framework,
      content,
      format,
      source: values.source,
      illustrative: values.illustrative,
      actor: `cli:${process.env.USER ?? 'unknown'}`,
    });
    process.stdout.write(`${framework}: ${result.imported} indicators imported, ${result.removed} removed\n`);
    return 0;
  } catch (error) {
    if (error instanceof HubError) {
      process.stderr.write(`${error.message}\n`);
      for (const problem of (error.details.lines as { line: number; field: string; message: string }[] | undefined) ?? []) {
        process.stderr.write(`  ${format === 'csv' ? 'line' : 'entry'} ${problem.line}, ${problem.field}: ${problem.message}\n`);
      }
      return 1;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  },
);
