import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const UNSCHEDULED = 'fixtures/plan/unscheduled.md';

function run(args: string[]) {
  return runCli(['plan', ...args]);
}

describe('backlog plan', { timeout: 30_000 }, () => {
  it('proposes sprints as markdown', () => {
    const { code, stdout, stderr } = run([UNSCHEDULED, '--capacity', '20', '--format', 'md']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '**6 unscheduled items in 3 sprints of 20 points**',
        '',
        '| Sprint | ID | Title | Size | Priority |',
        '| --- | --- | --- | ---: | --- |',
        '| Sprint 2 (16/20) | CM-4 | Editorial workflow states | 8 | P0 |',
        '|  | CM-3 | Scheduled publishing | 5 | P1 |',
        '|  | CM-8 | Audit log export | 3 | P3 |',
        '| Sprint 3 (18/20) | CM-6 | Search index sync | 13 | P1 |',
        '|  | CM-5 | Review comments on drafts | 5 | P2 |',
        '| Sprint 4 (21/20) | CM-7 | Localised content variants | 21 | P2 |',
        '',
        '- CM-7 (21 points) is bigger than the capacity of 20 points: it gets Sprint 4 to itself; consider splitting it',
        '',
      ].join('\n'),
    );
  });

  it('prints a table for the terminal', () => {
    const { code, stdout } = run([UNSCHEDULED, '--capacity', '20', '--same-sprint']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ Sprint 2 \(18\/20\) │ CM-4 │ Editorial workflow states +│ +8 │ P0 +│/);
    expect(stdout).toContain('6 unscheduled items in 3 sprints of 20 points (an item may share a sprint with its prerequisites)');
  });

  it('never places an item caught in a dependency cycle, self-loops included', () => {
    const dir = tempDir('plan-cycles');
    const rows = [
      ['C-1', 'Depends on itself', '3', 'C-1'],
      ['C-2', 'Waits on it', '2', 'C-1'],
      ['C-3', 'One way round', '2', 'C-4'],
      ['C-4', 'And back', '2', 'C-3'],
      ['C-5', 'Free to go', '1', '-'],
    ];
    const table = ['| ID | Task | Points | Depends on |', '|---|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)];
    writeFileSync(path.join(dir, 'plan.md'), `# Plan\n\n${table.join('\n')}\n`);
    const { code, stdout } = runCli(['plan', 'plan.md', '--capacity', '10', '-f', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { sprints: { items: { id: string }[] }[]; warnings: { item: string; message: string }[] };
    expect(result.sprints.map((sprint) => sprint.items.map((item) => item.id))).toEqual([['C-5']]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'C-1 was not planned: it depends on itself',
      'C-2 was not planned: it waits on work caught in a dependency cycle',
      'C-3 was not planned: it is caught in a dependency cycle: C-3 (plan.md:7) → C-4 (plan.md:8) → C-3 (plan.md:7)',
      'C-4 was not planned: it is caught in a dependency cycle: C-3 (plan.md:7) → C-4 (plan.md:8) → C-3 (plan.md:7)',
    ]);
  });

  it.each([
    [[], 'backlog: plan needs --capacity N: the work one sprint holds, in the backlog unit'],
    [['--capacity', '0'], 'backlog: --capacity expects a number above 0, got "0"'],
    [['--capacity', 'x'], 'backlog: --capacity expects a number, got "x"'],
  ])('refuses %j with one line and exit 2', (args, message) => {
    const { code, stdout, stderr } = run([UNSCHEDULED, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });
});
