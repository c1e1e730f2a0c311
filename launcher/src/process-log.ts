import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/**
 * Write a child's stdout and stderr to the log file at `logPath` (appended),
 * passing each chunk to `onChunk` too.
 *
 * The log ends on the child's 'close', once both its pipes have closed, and
 * not on 'exit': a process's output can still be in its pipes when it has
 * exited (SIGKILLed with a write pending, or a process it started still
 * holding them). Each pipe feeds the one log without ending it, so one
 * pipe's end does not cut the other's output. A log that cannot be written
 * is said once on the launcher's stderr; the service runs on.
 *
 * Resolves once the log file is closed, after the child's last output.
 */
export function logOutputOf(child: ChildProcess, logPath: string, onChunk?: (chunk: Buffer) => void): Promise<void> {
  const log = createWriteStream(logPath, { flags: 'a' });
  let failed = false;
  log.on('error', (error) => {
    if (failed) return;
    failed = true;
    process.stderr.write(`cannot write the log ${logPath}: ${error.message}\n`);
  });
  const capture = (chunk: Buffer) => {
    if (!failed) log.write(chunk);
    onChunk?.(chunk);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  child.once('close', () => log.end());
  return new Promise((resolve) => log.once('close', () => resolve()));
}
