import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GeneratedFile } from './compose.js';
import { REPO_ROOT } from './paths.js';

export function writeFiles(files: GeneratedFile[]): void {
  for (const file of files) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    process.stdout.write(`wrote ${path.relative(REPO_ROOT, file.path)}\n`);
  }
}
