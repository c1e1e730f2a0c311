import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logOutputOf } from '../process-log.js';

/** What `sh -c script` writes, through logOutputOf, once its log is closed. */
const logged = async (script: string, logPath: string, chunks: string[] = []) => {
  const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const closed = logOutputOf(child, logPath, (chunk) => chunks.push(chunk.toString('utf8')));
  await exited;
  await closed;
  return readFileSync(logPath, 'utf8');
};

describe("a service's output in its log file", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'wps-process-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps what reaches the pipes after the process has exited (the log ends on close, not on exit)', async () => {
    // The shell exits at once; the process it leaves behind holds its pipes and writes 300 ms later.
    const log = await logged('echo early; (sleep 0.3; echo late-out; echo late-err >&2) & exit 0', path.join(dir, 'late.log'));
    expect(log.split('\n').filter(Boolean).sort()).toEqual(['early', 'late-err', 'late-out']);
  });

  it("keeps a pipe's output after the other pipe has closed (one pipe's end does not end the log)", async () => {
    const log = await logged('echo out; exec 1>&-; sleep 0.2; echo err >&2', path.join(dir, 'one-pipe.log'));
    expect(log).toBe('out\nerr\n');
  });

  it('appends to the log a previous run of the service left', async () => {
    const logPath = path.join(dir, 'service.log');
    await logged('echo first', logPath);
    expect(await logged('echo second', logPath)).toBe('first\nsecond\n');
  });

  it('says once on stderr that a log cannot be written, and the output still reaches the caller', async () => {
    const said: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((line) => (said.push(String(line)), true));
    try {
      const chunks: string[] = [];
      const logPath = path.join(dir, 'missing-folder', 'service.log');
      await expect(logged('echo one; sleep 0.1; echo two', logPath, chunks)).rejects.toThrow(/ENOENT/);
      expect(chunks.join('')).toBe('one\ntwo\n');
      expect(said).toEqual([`cannot write the log ${logPath}: ENOENT: no such file or directory, open '${logPath}'\n`]);
    } finally {
      stderr.mockRestore();
    }
  });
});
