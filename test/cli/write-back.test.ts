import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { addWriteOptions, emitReport, reportFormat } from '../../src/cli/write-back.js';
import { tempDir } from '../helpers/temp-dir.js';

let dir: string;
let stderr: string[];
let stdout: string[];

beforeEach(() => {
  dir = tempDir('write-back');
  stderr = [];
  stdout = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr.push(String(text));
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    stdout.push(String(text));
    return true;
  });
  process.exitCode = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = 0;
});

function file(content: string | Buffer): string {
  const target = path.join(dir, 'plan.md');
  writeFileSync(target, content);
  return target;
}

describe('emitReport', () => {
  it('prints the report when nothing is written back', async () => {
    await emitReport({ name: 'forecast', content: '5 sprints' });
    expect(stdout.join('')).toBe('5 sprints\n');
    expect(stderr).toEqual([]);
  });

  it('replaces the section, keeps the rest and says so', async () => {
    const target = file('# Plan\n<!-- backlog:forecast -->\nold\n<!-- /backlog:forecast -->\nend\n');
    await emitReport({ name: 'forecast', content: '5 sprints\n', write: target });
    expect(readFileSync(target, 'utf8')).toBe('# Plan\n<!-- backlog:forecast -->\n5 sprints\n<!-- /backlog:forecast -->\nend\n');
    expect(stderr.join('')).toBe(`updated section "forecast" in ${target}\n`);
    expect(stdout).toEqual([]);
    expect(process.exitCode).toBe(0);
  });

  it('keeps bytes that are not valid UTF-8 outside the section, and writes the report as UTF-8', async () => {
    const before = Buffer.from([0xef, 0xbb, 0xbf, 0x66, 0xe9, 0x0a]); // BOM, "f", a lone latin-1 é
    const markers = Buffer.from('<!-- backlog:show -->\n<!-- /backlog:show -->\n');
    const target = file(Buffer.concat([before, markers]));
    await emitReport({ name: 'show', content: 'Größe ✅', write: target });
    expect(readFileSync(target)).toEqual(Buffer.concat([before, Buffer.from('<!-- backlog:show -->\nGröße ✅\n<!-- /backlog:show -->\n')]));
  });

  it('keeps every byte outside the section and is idempotent, whatever surrounds it (property)', async () => {
    // Any bytes (CRLF, lone CR, invalid UTF-8) except what would make a marker or a code fence.
    const surrounding = fc
      .array(
        fc.oneof(
          fc.uint8Array({ maxLength: 12 }),
          fc.constantFrom('\r\n', '\n', '# Title', '| a |', 'ü').map((text) => Buffer.from(text)),
        ),
        { maxLength: 8 },
      )
      .map((parts) => Buffer.concat(parts))
      .filter((bytes) => !/backlog:|```|~~~/.test(bytes.toString('latin1')));
    const eol = fc.constantFrom('\n', '\r\n');
    const report = fc
      .array(fc.constantFrom('## Summary', '', '- 3 items', 'Größe ✅', '| x |'), { maxLength: 6 })
      .map((lines) => lines.join('\n'));
    await fc.assert(
      fc.asyncProperty(surrounding, surrounding, eol, report, async (before, after, newline, content) => {
        const head = Buffer.concat([Buffer.from('# Plan\n'), before, Buffer.from(`${newline}<!-- backlog:report -->`)]);
        const tail = Buffer.concat([Buffer.from(`<!-- /backlog:report -->${newline}`), after]);
        const target = file(Buffer.concat([head, Buffer.from(`${newline}stale${newline}`), tail]));
        await emitReport({ name: 'report', content, write: target });
        const once = readFileSync(target);
        expect(once.subarray(0, head.length)).toEqual(head);
        expect(once.subarray(once.length - tail.length)).toEqual(tail);
        await emitReport({ name: 'report', content, write: target, check: true });
        expect(process.exitCode).toBe(0);
        await emitReport({ name: 'report', content, write: target });
        expect(readFileSync(target)).toEqual(once);
      }),
      { numRuns: 150 },
    );
  });

  it('says a fresh section is up to date and leaves the file alone', async () => {
    const target = file('<!-- backlog:lint -->\nok\n<!-- /backlog:lint -->\n');
    await emitReport({ name: 'lint', content: 'ok', write: target, check: true });
    expect(stderr.join('')).toBe(`section "lint" in ${target} already up to date\n`);
    expect(process.exitCode).toBe(0);
  });

  it('with check, sets exit code 1 on a stale section and writes nothing', async () => {
    const original = '<!-- backlog:lint -->\nold\n<!-- /backlog:lint -->\n';
    const target = file(original);
    await emitReport({ name: 'lint', content: 'new', write: target, check: true });
    expect(readFileSync(target, 'utf8')).toBe(original);
    expect(stderr.join('')).toBe(`section "lint" in ${target} is out of date; run the same command without --check to update it\n`);
    expect(process.exitCode).toBe(1);
  });

  it('turns a marker problem into a usage error naming the file and the lines to add', async () => {
    const target = file('# Plan\n');
    await expect(emitReport({ name: 'capacity', content: 'x', write: target })).rejects.toThrow(
      new UsageError(
        `${target}: no section "capacity": add the line <!-- backlog:capacity --> and, below it, the line <!-- /backlog:capacity --> where the report should go`,
      ),
    );
  });

  it('refuses a missing file, a UTF-16 file and --check without --write', async () => {
    await expect(emitReport({ name: 'show', content: 'x', write: path.join(dir, 'nope.md') })).rejects.toThrow(
      `${path.join(dir, 'nope.md')}: no such file (--write updates a section of an existing markdown file)`,
    );
    const utf16 = file(Buffer.from([0xff, 0xfe, 0x61, 0x00]));
    await expect(emitReport({ name: 'show', content: 'x', write: utf16 })).rejects.toThrow('the file is UTF-16');
    await expect(emitReport({ name: 'show', content: 'x', check: true })).rejects.toThrow(
      '--check compares a section of a file: give it with --write FILE',
    );
  });

  it('leaves a read-only file untouched', async () => {
    const original = '<!-- backlog:show -->\nold\n<!-- /backlog:show -->\n';
    const target = file(original);
    chmodSync(target, 0o444);
    await expect(emitReport({ name: 'show', content: 'new', write: target })).rejects.toThrow(
      `${target}: the file is read-only; nothing was written (make it writable and run again)`,
    );
    expect(readFileSync(target, 'utf8')).toBe(original);
  });
});

describe('reportFormat', () => {
  function parse(args: string[]): Command {
    const command = addWriteOptions(
      new Command('forecast').addOption(new Option('--format <format>').choices(['table', 'md', 'json']).default('table')),
    );
    command.exitOverride().action(() => undefined);
    command.parse(args, { from: 'user' });
    return command;
  }

  it('answers --format without --write', () => {
    expect(reportFormat(parse(['--format', 'json']))).toBe('json');
    expect(reportFormat(parse([]))).toBe('table');
  });

  it('answers md under --write unless another format was asked for', () => {
    expect(reportFormat(parse(['--write', 'a.md']))).toBe('md');
    expect(reportFormat(parse(['--write', 'a.md', '--format', 'md']))).toBe('md');
    expect(() => reportFormat(parse(['--write', 'a.md', '--format', 'json']))).toThrow(
      '--write puts markdown into a.md; drop --format json (or use --format md)',
    );
  });

  it('names the section in the help of --write', () => {
    const help = parse([]).helpInformation().replace(/\s+/g, ' ');
    expect(help).toContain('--write <file>');
    expect(help).toContain('between <!-- backlog:forecast --> and <!-- /backlog:forecast -->');
  });
});
