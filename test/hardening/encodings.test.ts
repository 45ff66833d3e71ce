import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLine, expectUnchanged, fileState, itemsOf, run, workspace } from './harness.js';

const PLAN = [
  '# Pläne',
  '',
  '| ID | Task | Points | Depends on |',
  '|----|------|--------|------------|',
  '| U-1 | Übung für Käse | 3 | - |',
  '| U-2 | Second 😀 | 5 | U-1 |',
  '',
].join('\n');

/** The plan with its first row wrapped after the title cell, as hand edits leave it. */
const WRAPPED = PLAN.replace('| U-1 | Übung für Käse | 3 | - |', '| U-1 | Übung für Käse |\n3 | - |');

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (endian === 'be') bytes.swap16();
  return bytes;
}

describe('bytes that are not plain UTF-8 markdown', () => {
  it('a binary file is one input error naming it; other files are still read', () => {
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00,
    ]);
    const dir = workspace({ 'image.md': binary, 'plan.md': WRAPPED });
    const message = 'backlog: image.md: looks like a binary file (it has NUL bytes); pass markdown files only';
    for (const command of [['show'], ['lint'], ['critical-path']]) {
      const alone = run([...command, 'image.md'], dir);
      expect([alone.code, alone.stdout]).toEqual([2, '']);
      expectOneLine(alone.stderr, message);
    }
    const both = run(['show', '-f', 'json', 'image.md', 'plan.md'], dir);
    expect(both.code).toBe(2);
    expectOneLine(both.stderr, message);
    expect(itemsOf(both.stdout).map((item) => item.id)).toEqual(['U-1', 'U-2']);

    const before = fileState(path.join(dir, 'image.md'));
    const fix = run(['lint', '--fix', 'image.md', 'plan.md'], dir);
    expect([fix.code, fix.stdout]).toEqual([2, '']);
    expectOneLine(fix.stderr, message);
    expectUnchanged(path.join(dir, 'image.md'), before);
    expect(readFileSync(path.join(dir, 'plan.md'), 'utf8')).toBe(PLAN);
  });

  it('invalid UTF-8 is read with replacement characters, reported at its line and column, and never written back', () => {
    const bytes = Buffer.concat([
      Buffer.from('# Menu\n\n| ID | Task | Points | Depends on |\n|----|------|--------|------------|\n| M-1 | Caf', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait |\n3 | - |\n| M-2 | Tea | 2 | M-1 |\n', 'utf8'),
    ]);
    const dir = workspace({ 'menu.md': bytes });
    const file = path.join(dir, 'menu.md');
    const before = fileState(file);

    const show = run(['show', '-f', 'json', 'menu.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(itemsOf(show.stdout)).toEqual([
      { id: 'M-1', title: 'Caf\uFFFD au lait', expected: 3, dependsOn: [], line: 5 },
      { id: 'M-2', title: 'Tea', expected: 2, dependsOn: ['M-1'], line: 7 },
    ]);

    const lint = run(['lint', '-f', 'json', 'menu.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([1, '']);
    expect(
      JSON.parse(lint.stdout).problems.map((problem: { line: number; column: number; rule: string; severity: string }) => [
        problem.line,
        problem.column,
        problem.rule,
        problem.severity,
      ]),
    ).toEqual([
      [5, 1, 'table-row-wrapped', 'warning'],
      [5, 12, 'encoding', 'error'],
    ]);

    // Joining the wrapped row would mean writing U+FFFD over the byte the reader could not decode.
    const fix = run(['lint', '--fix', '-f', 'json', 'menu.md'], dir);
    expect([fix.code, fix.stderr]).toEqual([1, '']);
    expectUnchanged(file, before);
  });

  for (const endian of ['le', 'be'] as const) {
    it(`UTF-16 ${endian.toUpperCase()} with a BOM: items read correctly, and --fix keeps the encoding and the BOM`, () => {
      const dir = workspace({ 'plan.md': utf16(WRAPPED, endian) });
      const show = run(['show', '-f', 'json', 'plan.md'], dir);
      expect([show.code, show.stderr]).toEqual([0, '']);
      expect(itemsOf(show.stdout)).toEqual([
        { id: 'U-1', title: 'Übung für Käse', expected: 3, dependsOn: [], line: 5 },
        { id: 'U-2', title: 'Second 😀', expected: 5, dependsOn: ['U-1'], line: 7 },
      ]);
      expect(JSON.parse(show.stdout).files).toEqual([
        { file: 'plan.md', items: 2, encoding: `utf-16${endian}`, bom: true, repairedMojibake: false },
      ]);

      const lint = run(['lint', '-f', 'json', 'plan.md'], dir);
      expect([lint.code, lint.stderr]).toEqual([0, '']);
      expect(JSON.parse(lint.stdout).problems.map((problem: { line: number; rule: string }) => [problem.line, problem.rule])).toEqual([
        [5, 'table-row-wrapped'],
      ]);

      expect(run(['lint', '--fix', 'plan.md'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(path.join(dir, 'plan.md')).equals(utf16(PLAN, endian))).toBe(true);
    });
  }

  it('CRLF line endings: items and line numbers as with LF, and --fix keeps CRLF on every line', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const dir = workspace({ 'plan.md': crlf(WRAPPED) });
    const show = run(['show', '-f', 'json', 'plan.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(itemsOf(show.stdout)).toEqual([
      { id: 'U-1', title: 'Übung für Käse', expected: 3, dependsOn: [], line: 5 },
      { id: 'U-2', title: 'Second 😀', expected: 5, dependsOn: ['U-1'], line: 7 },
    ]);

    const lint = run(['lint', 'plan.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([0, '']);
    expect(lint.stdout).toContain(
      '  5:1  warning  table row is wrapped onto line 6; it was read as one row (run with --fix to join the lines)  table-row-wrapped',
    );

    expect(run(['lint', '--fix', 'plan.md'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    const fixed = readFileSync(path.join(dir, 'plan.md'), 'utf8');
    expect(fixed).toBe(crlf(PLAN));
    expect(fixed.match(/(?<!\r)\n/g)).toBeNull();

    const cpm = run(['critical-path', '-f', 'json', 'plan.md'], dir);
    expect([cpm.code, cpm.stderr]).toEqual([0, '']);
    expect(JSON.parse(cpm.stdout)).toMatchObject({ length: 8, paths: [['U-1', 'U-2']] });
  });
});
