import type { AlignmentFramework, Pillar, ResourceKind, Theme } from '../common/enums.js';
import type { ResourceEntity } from './resource.entity.js';
import type { Resource } from './resource.type.js';

export function toResource(row: ResourceEntity): Resource {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ResourceKind,
    publisher: row.publisher,
    year: row.year,
    summary: row.summary,
    url: row.url,
    themes: row.themes as Theme[],
    pillars: row.pillars as Pillar[],
    frameworks: row.frameworks as AlignmentFramework[],
    isDemo: row.isDemo,
    countryCodes: row.countryCodes,
  };
}
