import { randomBytes } from 'node:crypto';
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Replaces a file's content all at once: the new bytes go to a temporary file beside it, which
 * is then renamed over the original, so a crash never leaves a half-written file. The file's
 * permissions are kept. A file the user may not write is a usage error naming it (as `shownAs`,
 * the path the user gave), and stays as it was.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, shownAs: string = file): void {
  let mode: number;
  try {
    const stat = statSync(file);
    mode = stat.mode & 0o777;
    if ((mode & 0o222) === 0)
      throw new UsageError(`${shownAs}: the file is read-only; nothing was written (make it writable and run again)`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shownAs}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const temp = path.join(path.dirname(file), `.backlog-tmp-${randomBytes(6).toString('hex')}-${path.basename(file)}`);
  try {
    writeFileSync(temp, content, { mode });
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never created.
    }
    throw new UsageError(
      `${shownAs}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)}); it was left unchanged`,
    );
  }
}
