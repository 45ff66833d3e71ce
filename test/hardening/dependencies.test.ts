import { describe, expect, it } from 'vitest';
import { expectOneLine, itemsOf, run, table, workspace } from './harness.js';

const HEADER = ['ID', 'Task', 'Points', 'Depends on'];

describe('dependency graphs that cannot be scheduled, and IDs that look like syntax', () => {
  it('a cycle of 10,000 items: one line naming every member, no stack overflow', () => {
    const count = 10_000;
    const rows = Array.from({ length: count }, (_, index) => [
      `R-${index + 1}`,
      `Step ${index + 1}`,
      '1',
      `R-${index === 0 ? count : index}`,
    ]);
    const dir = workspace({ 'ring.md': `# Ring\n\n${table(HEADER, rows)}` });
    const chain = [...Array.from({ length: count }, (_, index) => `R-${index + 1} (ring.md:${index + 5})`), 'R-1 (ring.md:5)'].join(' → ');

    const cpm = run(['critical-path', 'ring.md'], dir);
    expect([cpm.code, cpm.stdout]).toEqual([2, '']);
    expectOneLine(cpm.stderr, `backlog: dependency cycle: ${chain}`);

    const lint = run(['lint', '-f', 'json', 'ring.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([1, '']);
    expect(JSON.parse(lint.stdout).problems).toEqual([
      {
        file: 'ring.md',
        line: 5,
        column: 1,
        rule: 'dependency-cycle',
        severity: 'error',
        message: `dependency cycle: ${chain}`,
        fixable: false,
      },
    ]);

    const show = run(['show', '-f', 'json', 'ring.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(itemsOf(show.stdout)).toHaveLength(count);
  }, 60_000);

  it('a self-dependency, and a second cycle beside it: one line per cycle', () => {
    const dir = workspace({
      'loops.md': `# Loops\n\n${table(HEADER, [
        ['A-1', 'Ask', '1', 'A-2'],
        ['A-2', 'Answer', '1', 'A-1'],
        ['S-1', 'Wait for itself', '2', 'S-1'],
        ['C-1', 'Carry on', '2', 'A-1'],
      ])}`,
    });
    const cpm = run(['critical-path', 'loops.md'], dir);
    expect([cpm.code, cpm.stdout]).toEqual([2, '']);
    expect(cpm.stderr).toBe(
      'backlog: dependency cycle: A-1 (loops.md:5) → A-2 (loops.md:6) → A-1 (loops.md:5)\n' +
        'backlog: dependency cycle: S-1 (loops.md:7) → S-1 (loops.md:7)\n',
    );

    const lint = run(['lint', '-f', 'json', 'loops.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([1, '']);
    expect(
      JSON.parse(lint.stdout).problems.map((problem: { line: number; rule: string; message: string }) => [
        problem.line,
        problem.rule,
        problem.message,
      ]),
    ).toEqual([
      [5, 'dependency-cycle', 'dependency cycle: A-1 (loops.md:5) → A-2 (loops.md:6) → A-1 (loops.md:5)'],
      [7, 'dependency-cycle', 'dependency cycle: S-1 (loops.md:7) → S-1 (loops.md:7)'],
    ]);

    const self = workspace({ 'self.md': `# Self\n\n${table(HEADER, [['S-1', 'Wait for itself', '2', 'S-1']])}` });
    const alone = run(['critical-path', '-f', 'json', 'self.md'], self);
    expect([alone.code, alone.stdout]).toEqual([2, '']);
    expectOneLine(alone.stderr, 'backlog: dependency cycle: S-1 (self.md:5) → S-1 (self.md:5)');
  });

  it('IDs with regex characters resolve literally, apart from the IDs a pattern would match', () => {
    const config = ['idPatterns:', "  - '^A\\+1$'", "  - '^\\(X\\)$'", "  - '^a\\.b\\*$'", "  - '^\\[1\\]$'", ''].join('\n');
    const dir = workspace({
      '.backlogrc.yaml': config,
      'odd.md': `# Odd IDs\n\n${table(HEADER, [
        ['A+1', 'Plus', '1', '-'],
        ['AA1', 'What A+1 matches as a pattern', '7', '-'],
        ['X', 'What (X) matches as a pattern', '9', '-'],
        ['1', 'What [1] matches as a pattern', '8', '-'],
        ['(X)', 'Parentheses', '2', 'A+1'],
        ['a.b*', 'Dot and star', '3', '(X)'],
        ['[1]', 'Brackets', '4', 'a.b*, A+1'],
      ])}`,
    });

    const show = run(['show', '-f', 'json', 'odd.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(itemsOf(show.stdout)).toEqual([
      { id: 'A+1', title: 'Plus', expected: 1, dependsOn: [], line: 5 },
      { id: 'AA1', title: 'What A+1 matches as a pattern', expected: 7, dependsOn: [], line: 6 },
      { id: 'X', title: 'What (X) matches as a pattern', expected: 9, dependsOn: [], line: 7 },
      { id: '1', title: 'What [1] matches as a pattern', expected: 8, dependsOn: [], line: 8 },
      { id: '(X)', title: 'Parentheses', expected: 2, dependsOn: ['A+1'], line: 9 },
      { id: 'a.b*', title: 'Dot and star', expected: 3, dependsOn: ['(X)'], line: 10 },
      { id: '[1]', title: 'Brackets', expected: 4, dependsOn: ['a.b*', 'A+1'], line: 11 },
    ]);
    expect(JSON.parse(show.stdout).items.flatMap((item: { unresolved: string[] }) => item.unresolved)).toEqual([]);

    expect(run(['lint', 'odd.md'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });

    const cpm = run(['critical-path', '-f', 'json', 'odd.md'], dir);
    expect([cpm.code, cpm.stderr]).toEqual([0, '']);
    expect(JSON.parse(cpm.stdout)).toMatchObject({ length: 10, paths: [['A+1', '(X)', 'a.b*', '[1]']] });
  });

  it('regex characters in references no pattern names: read by the usual rules, reported, never thrown on', () => {
    const dir = workspace({
      'odd.md': `# Odd IDs\n\n${table(HEADER, [
        ['T-1', 'First', '1', 'A+1'],
        ['T-2', 'Second', '2', '(X), a.b*'],
        ['T-3', 'Third', '3', '[1], T-1, ^$\\'],
      ])}`,
    });
    const show = run(['show', '-f', 'json', 'odd.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    // "+" joins two references, a parenthesis is a note, emphasis marks and brackets are decoration.
    // A bare "1" is short for the file's one ID that ends in it, T-1: on T-1's own row it names nothing.
    expect(
      JSON.parse(show.stdout).items.map((item: { id: string; dependsOn: string[]; unresolved: string[] }) => [
        item.id,
        item.dependsOn,
        item.unresolved,
      ]),
    ).toEqual([
      ['T-1', [], ['A', '1']],
      ['T-2', [], ['a.b']],
      ['T-3', ['T-1'], ['^$\\']],
    ]);

    const lint = run(['lint', '-f', 'json', 'odd.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([0, '']);
    expect(
      JSON.parse(lint.stdout).problems.map((problem: { line: number; rule: string; message: string }) => [
        problem.line,
        problem.rule,
        problem.message,
      ]),
    ).toEqual([
      [5, 'unknown-reference', 'T-1 depends on "A", which names no item, group or release'],
      [5, 'unknown-reference', 'T-1 depends on "1", which names no item, group or release'],
      [6, 'unknown-reference', 'T-2 depends on "a.b", which names no item, group or release'],
      [7, 'unknown-reference', 'T-3 depends on "^$\\", which names no item, group or release'],
    ]);

    const cpm = run(['critical-path', '-f', 'json', 'odd.md'], dir);
    expect([cpm.code, cpm.stderr]).toEqual([0, '']);
    expect(JSON.parse(cpm.stdout)).toMatchObject({ length: 4, paths: [['T-1', 'T-3']] });
  });
});
