import { chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLine, expectUnchanged, fileState, run, table, workspace } from './harness.js';

const PLAN = `# Plan\n\n## Sprint 1\n\n${table(
  ['ID', 'Task', 'Points', 'Depends on'],
  [
    ['P-1', 'Lay the foundation', '3', '-'],
    ['P-2', 'Raise the walls', '5', 'P-1'],
  ],
)}`;

describe('configuration with the wrong types: exit 2, one line naming the key', () => {
  const cases: [string, string, string][] = [
    ['a word where a number belongs', 'hoursPerDay: "eight"\n', 'hoursPerDay: expected a positive number, got "eight"'],
    ['a list where a mapping belongs', 'rules: [1, 2]\n', 'rules: expected a mapping of rule names to off, warn or error'],
    [
      'an unknown key',
      'hoursPerDay: 6\nsprintLength: 10\n',
      'sprintLength: unknown setting (known: rules, scales, hoursPerDay, capacity, idPatterns, ignore, openEndedFactor, plans, vocabulary)',
    ],
    ['a severity that is none', 'rules:\n  missing-estimate: loud\n', 'rules.missing-estimate: expected off, warn or error, got "loud"'],
    ['a nested wrong type', 'scales:\n  M: { low: "three", unit: days }\n', 'scales.M.low: expected a positive number, got "three"'],
    [
      'a pattern that is no regular expression',
      'idPatterns: ["(A"]\n',
      'idPatterns[0]: not a valid regular expression: Invalid regular expression: /(A/u: Unterminated group',
    ],
    ['a list at the top', '- hoursPerDay\n', '(top level): expected a mapping of settings'],
  ];
  for (const [name, yaml, message] of cases) {
    it(name, () => {
      const dir = workspace({ '.backlogrc.yaml': yaml, 'plan.md': PLAN, 'other.yaml': yaml });
      const found = path.join(dir, '.backlogrc.yaml');
      const before = fileState(found);
      for (const command of [['show'], ['lint'], ['critical-path']]) {
        const result = run([...command, 'plan.md'], dir);
        expect([result.code, result.stdout]).toEqual([2, '']);
        expectOneLine(result.stderr, `backlog: ${found}: ${message}`);
      }
      const named = run(['lint', '--config', 'other.yaml', 'plan.md'], dir);
      expect([named.code, named.stdout]).toEqual([2, '']);
      expectOneLine(named.stderr, `backlog: ${path.join(dir, 'other.yaml')}: ${message}`);
      expectUnchanged(found, before);
    });
  }

  it('YAML that does not parse: its first error line, with the position', () => {
    const dir = workspace({ 'plan.md': PLAN, 'broken.yaml': 'rules: {missing-estimate: off\n' });
    const result = run(['show', '--config', 'broken.yaml', 'plan.md'], dir);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expectOneLine(
      result.stderr,
      new RegExp(`^backlog: ${escape(path.join(dir, 'broken.yaml'))}: not valid YAML: .+ at line \\d+, column \\d+:?$`),
    );
  });
});

describe('paths that name nothing: exit 2, one line', () => {
  it('a glob matching nothing', () => {
    const dir = workspace({ 'plan.md': PLAN });
    for (const command of [['show'], ['lint'], ['critical-path'], ['forecast', '--velocity', '5']]) {
      const result = run([...command, 'backlogs/**/*.md'], dir);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expectOneLine(result.stderr, 'backlog: backlogs/**/*.md: the pattern matches no files');
    }
  });

  it('a glob matching nothing beside one that matches: the one line, and the rest is read', () => {
    const dir = workspace({ 'plan.md': PLAN });
    const result = run(['show', '-f', 'json', '*.markdown', '*.md'], dir);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, 'backlog: *.markdown: the pattern matches no files');
    expect(JSON.parse(result.stdout).items.map((item: { id: string }) => item.id)).toEqual(['P-1', 'P-2']);
  });
});

describe('a read-only target: exit 2, one line, the file untouched', () => {
  const WRAPPED = PLAN.replace('| P-1 | Lay the foundation | 3 | - |', '| P-1 | Lay the foundation |\n3 | - |');

  it('lint --fix', () => {
    const dir = workspace({ 'plan.md': WRAPPED });
    const file = path.join(dir, 'plan.md');
    chmodSync(file, 0o444);
    const before = fileState(file);
    const result = run(['lint', '--fix', 'plan.md'], dir);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expectOneLine(
      result.stderr,
      /^backlog: (?:.*\/)?plan\.md: the file is read-only; nothing was written \(make it writable and run again\)$/,
    );
    expectUnchanged(file, before);
  });

  const sections = ['show', 'lint', 'critical-path', 'forecast', 'capacity', 'plan', 'report']
    .map((name) => `<!-- backlog:${name} -->\n<!-- /backlog:${name} -->\n`)
    .join('');
  for (const command of [
    ['show'],
    ['lint'],
    ['critical-path'],
    ['forecast', '--velocity', '5'],
    ['capacity', '--capacity', '10'],
    ['plan', '--capacity', '10'],
    ['report', '--velocity', '5'],
  ]) {
    it(`${command[0]} --write`, () => {
      const dir = workspace({ 'plan.md': `${PLAN}\n${sections}` });
      const file = path.join(dir, 'plan.md');
      chmodSync(file, 0o444);
      const before = fileState(file);
      const result = run([...command, '--write', 'plan.md', 'plan.md'], dir);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expectOneLine(result.stderr, 'backlog: plan.md: the file is read-only; nothing was written (make it writable and run again)');
      expectUnchanged(file, before);
    });
  }

  it('--write --check writes nothing even to a writable file', () => {
    const dir = workspace({ 'plan.md': `${PLAN}\n${sections}` });
    const file = path.join(dir, 'plan.md');
    const before = fileState(file);
    const result = run(['critical-path', '--write', 'plan.md', '--check', 'plan.md'], dir);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expectOneLine(result.stderr, 'section "critical-path" in plan.md is out of date; run the same command without --check to update it');
    expectUnchanged(file, before);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
