import { loadDemoCatalogues } from '@wps/data';
import type { DataSource } from 'typeorm';
import { CATALOGUE_FRAMEWORKS } from './catalogue-file.js';
import { hasCatalogue, importCatalogue } from './catalogue.service.js';

export const DEMO_CATALOGUE_SOURCE = 'ILLUSTRATIVE demo catalogue (data/demo-framework-catalogues.json), not the official list';

/**
 * Give each framework without a catalogue the illustrative demo one (where the demo file has one), flagged
 * as such. A catalogue imported from the official source is never replaced.
 */
export async function loadDemoCataloguesWhereMissing(dataSource: DataSource): Promise<string[]> {
  const demo = loadDemoCatalogues();
  const loaded: string[] = [];
  // A framework the demo file has no catalogue for (CEDAW_GR30: its illustrative areas are imported by an operator, data/catalogues/README.md) stays empty.
  const catalogues: Partial<Record<string, unknown[]>> = demo.frameworks;
  for (const framework of CATALOGUE_FRAMEWORKS) {
    const entries = catalogues[framework];
    if (entries === undefined || (await hasCatalogue(dataSource, framework))) continue;
    await importCatalogue(dataSource, {
      framework,
      format: 'json',
      content: JSON.stringify(entries),
      source: DEMO_CATALOGUE_SOURCE,
      illustrative: true,
      actor: 'demo-seed',
    });
    loaded.push(framework);
  }
  return loaded;
}
