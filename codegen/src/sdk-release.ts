import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { API_SCHEMA_PATH, SDK_DIR } from './paths.js';

export const SDK_CHANGELOG_PATH = path.join(SDK_DIR, 'CHANGELOG.md');

/**
 * The public schema's fingerprint: sha256 of the schema printed with its
 * types and fields sorted, so reordering or comments are not a change, while
 * any type, field, argument, enum value or description is.
 */
export function apiSchemaHash(sdl: string = readFileSync(API_SCHEMA_PATH, 'utf8')): string {
  return createHash('sha256').update(printSchema(lexicographicSortSchema(buildSchema(sdl)))).digest('hex');
}

export interface SdkRelease {
  version: string;
  schemaHash: string;
}

/** The releases in clients/sdk/CHANGELOG.md, newest first: headings `## <version> (schema sha256:<hash>)`. */
export function sdkReleases(changelog: string = readFileSync(SDK_CHANGELOG_PATH, 'utf8')): SdkRelease[] {
  return [...changelog.matchAll(/^## (\d+\.\d+\.\d+) \(schema sha256:([0-9a-f]{64})\)$/gm)].map((match) => ({ version: match[1]!, schemaHash: match[2]! }));
}
