import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../write/atomic-write.js';
import { encodeText, fileText, type FixedFile } from './fix.js';

/**
 * Writes fixed files back, each atomically, in its own encoding and with its BOM. Every file is
 * first checked to still hold exactly the bytes the fixes were computed from: a file edited in
 * the meantime is an error, and nothing is written.
 */
export function writeFixes(fixed: readonly FixedFile[]): void {
  for (const { source } of fixed) {
    let current: Buffer;
    try {
      current = readFileSync(source.path);
    } catch (error) {
      throw new UsageError(
        `${source.file}: cannot read the file again (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was written`,
      );
    }
    if (!current.equals(encodeText(fileText(source), source.encoding, source.bom))) {
      throw new UsageError(`${source.file}: the file changed while it was being linted; nothing was written (run again)`);
    }
  }
  for (const { source, text } of fixed) writeFileAtomic(source.path, encodeText(text, source.encoding, source.bom), source.file);
}
