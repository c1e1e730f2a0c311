import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@wps/launcher';
import ts from 'typescript';

// recheck's pure-JavaScript backend: no JVM and no native binary (read at each call).
process.env.RECHECK_BACKEND = 'pure';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- recheck reads RECHECK_BACKEND when it loads: it must load after the line above, which an import would not.
const { check } = require('recheck') as typeof import('recheck');

/** The code that runs in a service, a client or a tool: tests/src too (the harnesses), not the tests themselves. */
const SOURCE_ROOTS = ['gateway/src', 'subgraphs', 'launcher/src', 'clients', 'codegen/src', 'tests/src', 'data/src'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'generated', '__tests__', '.data', 'public', 'migrations-generated']);

/**
 * Patterns the checker cannot decide (status `unknown`), each with why it
 * is safe. Nothing else may be undecided. Built patterns (`new RegExp(x)`
 * of a value the parser cannot read) are listed here by the file and the
 * expression text.
 */
const REVIEWED: Record<string, string> = {
  '/^## (\\d+\\.\\d+\\.\\d+) \\(schema sha256:([0-9a-f]{64})\\)$/gm':
    "codegen's SDK changelog headings: the 64-character counter makes the automaton too large to decide in time, but the pattern is anchored at a line start (m), each \\d+ is followed by a character it cannot match, and the rest is literal or bounded, so each line is read once; the input is the repository's own CHANGELOG.",
  // The fuzz runner's leak checks: the automaton checker finds both safe on a quiet machine (10-13 s each), but not always
  // within its time on a loaded one. Each starts at a fixed word and its one repeated class is followed by a character the
  // class cannot match (a space, `(`, `"` or a word character after whitespace), so runs from different starts do not overlap.
  '/\\bat (?:async )?[\\w$.<>]+ \\((?:node:|file:|\\/)/':
    'Stack frames in a response: [\\w$.<>]+ stops at the space before "(", and a new start needs "at " after a space, so each character is read by at most one run.',
  '/\\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\\s+["\\w]/': 'SQL in a response: \\s+ after a keyword stops at the first non-space, and the next start is a keyword after it, so the runs do not overlap.',
};

interface Found {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder)) {
    if (SKIPPED_FOLDERS.has(entry)) continue;
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') && !/\.test\.tsx?$/.test(entry)) found.push(full);
  }
  return found;
}

/** Every regular expression literal, and every `RegExp(…)` / `new RegExp(…)`, of a file, read by the TypeScript parser. */
function regularExpressionsOf(file: string): { patterns: Found[]; built: string[] } {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const relative = path.relative(REPO_ROOT, file);
  const patterns: Found[] = [];
  const built: string[] = [];
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const slash = literal.lastIndexOf('/');
      patterns.push({ file: relative, line: lineOf(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [pattern, flags] = node.arguments ?? [];
      const literalText = (argument: ts.Expression | undefined) => (argument && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) ? argument.text : undefined);
      const source = literalText(pattern);
      if (source !== undefined && (flags === undefined || literalText(flags) !== undefined)) patterns.push({ file: relative, line: lineOf(node), source, flags: literalText(flags) ?? '' });
      else built.push(`${relative}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { patterns, built };
}

/**
 * Every regular expression in the codebase's own sources is linear: the
 * ReDoS checker `recheck` finds no input on which it backtracks
 * super-linearly (issue 9 item 3). A client or a member controls the text
 * of many strings these run on (variables echoed in errors, member error
 * messages, CSV imports), so one quadratic pattern is a way to freeze the gateway.
 */
describe('regular expressions', () => {
  const files = SOURCE_ROOTS.flatMap((root) => sourceFiles(path.join(REPO_ROOT, root)));
  const all = files.map(regularExpressionsOf);
  const patterns = all.flatMap((entry) => entry.patterns);
  const built = all.flatMap((entry) => entry.built);

  it('finds the patterns of the sources (the parser reads literals, RegExp and new RegExp)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(patterns.length).toBeGreaterThan(20);
    // Sanity: known patterns of the gateway and the CSV import are among them.
    expect(patterns.some((found) => found.file === path.join('gateway', 'src', 'config.ts'))).toBe(true);
    expect(patterns.some((found) => found.file.includes('csv'))).toBe(true);
  });

  it('builds no pattern from a value the checker cannot see, unless it is reviewed', () => {
    expect(built.filter((expression) => !(expression in REVIEWED))).toEqual([]);
  });

  it('has no pattern that recheck finds vulnerable or cannot decide (unless reviewed, with the reason)', async () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const found of patterns) {
      const key = `/${found.source}/${found.flags}`;
      let status = seen.get(key);
      if (status === undefined) {
        let diagnostics = await check(found.source, found.flags, { timeout: 10_000 });
        // The default checker may fuzz and run out of time; the automaton decides most of those (slowly, on a loaded machine).
        if (diagnostics.status === 'unknown' && !(key in REVIEWED)) diagnostics = await check(found.source, found.flags, { timeout: 30_000, checker: 'automaton' });
        status =
          diagnostics.status === 'vulnerable'
            ? `vulnerable (${diagnostics.complexity.type}${diagnostics.attack ? `, attack ${JSON.stringify(diagnostics.attack.pattern)}` : ''})`
            : diagnostics.status === 'unknown'
              ? `undecided (${diagnostics.error.kind})`
              : 'safe';
        seen.set(key, status);
      }
      // A reviewed pattern may be undecided, never vulnerable.
      if (status !== 'safe' && !(key in REVIEWED && status.startsWith('undecided'))) problems.push(`${found.file}:${found.line} ${key}: ${status}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
