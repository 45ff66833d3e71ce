/**
 * Output of the report commands: to stdout, or written back into a generated section of a
 * markdown file (`--write FILE`), or checked against it (`--write FILE --check`, for CI).
 *
 * A report command uses it in three steps:
 *
 * ```ts
 * addWriteOptions(addInputOptions(program.command('forecast'), ['table', 'md', 'json']))
 *   .action(async (paths: string[], options: CommonOptions & WriteOptions, command: Command) => {
 *     const format = reportFormat(command); // 'md' under --write; a usage error for --write --format json
 *     const { backlog } = await loadInput(paths, options);
 *     await emitReport({ name: 'forecast', content: formatForecast(result, format), ...options });
 *   });
 * ```
 *
 * `name` is the command's name: `--write` replaces what lies between `<!-- backlog:forecast -->`
 * and `<!-- /backlog:forecast -->` in FILE.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeErr, writeOut } from './output.js';

export interface WriteOptions {
  write?: string;
  check?: boolean;
}

/** Adds `--write <file>` and `--check` to a report command. */
export function addWriteOptions(command: Command): Command {
  return command
    .option(
      '--write <file>',
      `write the report (markdown) into FILE between <!-- backlog:${command.name()} --> and <!-- /backlog:${command.name()} -->`,
    )
    .option('--check', 'with --write: exit 1 if that section of FILE is out of date, writing nothing');
}

/**
 * The format to render: markdown when the report goes into a file, `--format` otherwise. Asking
 * for another format together with `--write` is a usage error rather than a silent switch.
 */
export function reportFormat(command: Command): string {
  const { format, write } = command.opts<{ format?: string } & WriteOptions>();
  if (write === undefined) return format ?? 'table';
  const source = command.getOptionValueSource('format');
  if (format !== undefined && format !== 'md' && source !== undefined && source !== 'default') {
    throw new UsageError(`--write puts markdown into ${write}; drop --format ${format} (or use --format md)`);
  }
  return 'md';
}

export interface Report extends WriteOptions {
  /** The section name: the command's name. */
  name: string;
  /** The rendered report; markdown whenever `write` is set. */
  content: string;
}

/**
 * Prints the report, or replaces section `name` of `write` with it and says so on stderr. With
 * `check`, writes nothing and sets exit code 1 when the section is out of date. Marker problems,
 * unreadable and read-only files are usage errors (exit 2) that leave the file as it was.
 */
export async function emitReport({ name, content, write, check }: Report): Promise<void> {
  if (write === undefined) {
    if (check) throw new UsageError('--check compares a section of a file: give it with --write FILE');
    writeOut(content);
    return;
  }
  const { readFileSync } = await import('node:fs');
  const { replaceSection, MarkerError } = await import('../write/markers.js');
  let bytes: Buffer;
  try {
    bytes = readFileSync(write);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `${write}: no such file (--write updates a section of an existing markdown file)`
        : `${write}: cannot read the file (${code ?? String(error)})`,
    );
  }
  if (isUtf16(bytes)) throw new UsageError(`${write}: the file is UTF-16; --write updates UTF-8 files only`);
  // One character per byte: markers are ASCII, and every byte outside the section goes back
  // exactly as it came, even bytes that are not valid UTF-8.
  const document = bytes.toString('latin1');
  let updated: string;
  try {
    updated = replaceSection(document, name, Buffer.from(content, 'utf8').toString('latin1'));
  } catch (error) {
    if (error instanceof MarkerError) throw new UsageError(`${write}: ${error.message}`);
    throw error;
  }
  if (updated === document) {
    writeErr(`section "${name}" in ${write} already up to date`);
    return;
  }
  if (check) {
    writeErr(`section "${name}" in ${write} is out of date; run the same command without --check to update it`);
    process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
    return;
  }
  const { writeFileAtomic } = await import('../write/atomic-write.js');
  writeFileAtomic(write, Buffer.from(updated, 'latin1'));
  writeErr(`updated section "${name}" in ${write}`);
}

function isUtf16(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}
