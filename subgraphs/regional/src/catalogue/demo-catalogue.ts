import { loadDemoCatalogues } from '@wps/data';
import type { DataSource } from 'typeorm';
import { CATALOGUE_FRAMEWORKS } from './catalogue-file.js';
import { CatalogueService } from './catalogue.service.js';

export const DEMO_CATALOGUE_SOURCE = 'ILLUSTRATIVE demo catalogue (data/demo-framework-catalogues.json), not the official list';

/**
 * Give each framework without a catalogue the illustrative demo one, flagged
 * as such. A catalogue imported from the official source is never replaced.
 */
export async function loadDemoCataloguesWhereMissing(dataSource: DataSource): Promise<string[]> {
  const service = new CatalogueService(dataSource);
  const demo = loadDemoCatalogues();
  const loaded: string[] = [];
  for (const framework of CATALOGUE_FRAMEWORKS) {
    if (await service.hasCatalogue(framework)) continue;
    await service.importCatalogue({
      framework,
      format: 'json',
      content: JSON.stringify(demo.frameworks[framework]),
      source: DEMO_CATALOGUE_SOURCE,
      illustrative: true,
      actor: 'demo-seed',
    });
    loaded.push(framework);
  }
  return loaded;
}
