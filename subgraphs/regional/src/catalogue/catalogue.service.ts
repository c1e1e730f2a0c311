import { badInput, recordAudit } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { parseCatalogue, type CatalogueFramework } from './catalogue-file.js';

export interface CatalogueImport {
  framework: CatalogueFramework;
  content: string;
  format: 'csv' | 'json';
  /** Where the catalogue comes from, e.g. "SWD(2020) 284 final, Part II". */
  source: string;
  /** True for the demo catalogue: it is shown as illustrative, never as official. */
  illustrative: boolean;
  actor: string;
}

export interface CatalogueImportResult {
  imported: number;
  removed: number;
}

/**
 * Replace a framework's catalogue with a file's indicators, in one
 * transaction: a malformed file changes nothing (BAD_USER_INPUT with every
 * problem and its line), and importing the same file again leaves the same
 * rows (codes not in the file are removed, the others updated in place).
 */
export async function importCatalogue(dataSource: DataSource, request: CatalogueImport): Promise<CatalogueImportResult> {
  const parsed = parseCatalogue(request.content, request.format);
  if (!parsed.ok) {
    throw badInput('catalogue', `${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} in the catalogue; nothing was imported.`, {
      lines: parsed.problems,
    });
  }
  if (!request.source.trim()) throw badInput('source', 'Say where the catalogue comes from.');
  return dataSource.transaction(async (manager) => {
    const codes = parsed.entries.map((entry) => entry.code);
    // For DELETE … RETURNING, TypeORM's raw query answers [rows, rowCount].
    const [removed] = (await manager.query(`DELETE FROM framework_indicator WHERE framework_code = $1 AND NOT (code = ANY($2::text[])) RETURNING code`, [
      request.framework,
      codes,
    ])) as [unknown[], number];
    for (const [position, entry] of parsed.entries.entries()) {
      await manager.query(
        `INSERT INTO framework_indicator (framework_code, code, title, pillar, level, position, illustrative, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (framework_code, code) DO UPDATE
           SET title = $3, pillar = $4, level = $5, position = $6, illustrative = $7, source = $8, imported_at = now()`,
        [request.framework, entry.code, entry.title, entry.pillar, entry.level, position, request.illustrative, request.source],
      );
    }
    await recordAudit(manager, {
      actor: request.actor,
      action: 'importCatalogue',
      entity: 'framework_indicator',
      entityId: request.framework,
      after: { count: parsed.entries.length, removed: removed.length, source: request.source, illustrative: request.illustrative },
    });
    return { imported: parsed.entries.length, removed: removed.length };
  });
}

/** Whether a framework has a catalogue at all. */
export async function hasCatalogue(dataSource: DataSource, framework: CatalogueFramework): Promise<boolean> {
  const rows = (await dataSource.query('SELECT 1 FROM framework_indicator WHERE framework_code = $1 LIMIT 1', [framework])) as unknown[];
  return rows.length > 0;
}
