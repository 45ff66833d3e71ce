import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

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
