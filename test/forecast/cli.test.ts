import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const DRIFTED = 'fixtures/forecast/drifted-projection.md';
const STATED_VELOCITY = 'fixtures/forecast/stated-velocity.md';

function run(args: string[]) {
  return runCli(['forecast', ...args]);
}

describe('backlog forecast', { timeout: 30_000 }, () => {
  it('prints the answer, the scenario table, a burn-up and the stated figures that drifted', () => {
    const { code, stdout, stderr } = run([DRIFTED, '--velocity', '19', '--scenarios', '20,32,50']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    expect(stdout.split('\n')[0]).toBe('95 points remaining at 19 points per sprint: 5 sprints');
    expect(stdout).toMatch(/│ 32 points │ +3 │ 6 weeks +│/);
    // The burn-up starts from the 8 points done and reaches the scope at the answer.
    expect(stdout).toContain('now │███▏░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   8 / 103');
    expect(stdout).toContain(' +5 │████████████████████████████████████████ 103 / 103');
    expect(stdout).toContain(`Stated total 100 points in "Total Story Points: 100" (${DRIFTED}:3): computed 103 points (+3).`);
    expect(stdout).toContain(
      `Stated 4 sprints at 32 points per sprint in "32 pts/sprint | 4 | 8 weeks" (${DRIFTED}:23): computed 3 (−1); 4 follows from the stated total of 100.`,
    );
  });

  it('prints the JSON contract', () => {
    const { code, stdout } = run([DRIFTED, '--velocity', '25', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ schemaVersion: 1, unit: 'points', remaining: 95, velocity: 25, sprints: 4 });
    expect(json.percentiles).toBeUndefined();
    expect(json.stated).toHaveLength(4);
  });

  it('answers percentiles for a range, the same for the same seed', () => {
    const args = [DRIFTED, '--velocity', '15..30', '--seed', '9', '--trials', '2000', '--format', 'json'];
    const first = JSON.parse(run(args).stdout);
    const again = JSON.parse(run(args).stdout);
    expect(first.velocity).toEqual({ low: 15, high: 30 });
    expect(first.percentiles).toEqual(again.percentiles);
    expect(first.distribution).toEqual(again.distribution);
    expect(first.simulation).toEqual({ trials: 2000, seed: 9, drawn: ['velocity'] });
    const { p50, p70, p85, p95 } = first.percentiles;
    expect([p50, p70, p85, p95]).toEqual([...[p50, p70, p85, p95]].sort((a, b) => a - b));
    expect(p50).toBeGreaterThanOrEqual(4); // 95 / 30, rounded up
    expect(p95).toBeLessThanOrEqual(7); // 95 / 15, rounded up
    expect(first.sprints).toBe(p85);
  });

  it('draws a histogram for a history', () => {
    const { code, stdout } = run([DRIFTED, '--history', '19,19,19']);
    expect(code).toBe(0);
    expect(stdout).toContain('95 points remaining at a velocity history of 19, 19, 19 points: 85% likely within 5 sprints');
    expect(stdout).toContain('5 │████████████████████████████████████████   100%    100%  P50 P70 P85 P95');
  });

  it('uses the velocity and team the document states, with dates', () => {
    const { code, stdout } = run([STATED_VELOCITY, '--start', '2026-03-02', '--sprint-length', '1w', '--format', 'md']);
    expect(code).toBe(0);
    expect(stdout).toContain('**19 days remaining at 12 days per sprint: 3 sprints (ends 2026-03-20)**');
    expect(stdout).toContain(`- Velocity from the document: "Velocity: 12" (${STATED_VELOCITY}:3).`);
    expect(stdout).toContain(
      '- 2 people (from the document: "Team: 2 developers") sharing 12 days a sprint: 6 days each, each on one item at a time, in dependency order: the dependencies, not the velocity, set the end (velocity alone: 2 sprints).',
    );
    expect(stdout).toContain(
      "- Warning: a person's share, 6 days a sprint, is smaller than an open item (HB-3, 7 days): one person needs 1.17 sprints for it, so with 2 people single items can set the end.",
    );
  });

  it('reads hours per day from the config', () => {
    const { stdout } = run([
      STATED_VELOCITY,
      '--velocity',
      '10',
      '--team',
      '1',
      '--config',
      'fixtures/forecast/four-hour-days.yaml',
      '--format',
      'json',
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ remaining: 21, sprints: 3 });
  });

  it.each([
    [['--velocity', '0'], 'backlog: --velocity expects a velocity above 0, got "0"'],
    [['--velocity', '-3'], 'backlog: --velocity expects a velocity above 0, got "-3"'],
    [['--velocity', 'fast'], 'backlog: --velocity expects a velocity above 0, got "fast"'],
    [['--velocity', '40..20'], 'backlog: --velocity range runs from low to high (20..40), got "40..20"'],
    [['--history', '20,0'], 'backlog: --history expects a velocity above 0, got "0"'],
    [
      ['--velocity', '20', '--history', '20'],
      'backlog: give one of --velocity, --velocity-per-person and --history, not --velocity and --history',
    ],
    [['--velocity', '20', '--trials', '0'], 'backlog: --trials expects a whole number of at least 1, got "0"'],
    [['--velocity', '20', '--sprint-length', '14'], 'backlog: --sprint-length expects weeks or working days, like 2w or 10d, got "14"'],
    [['--velocity', '20', '--start', '2026-13-01'], 'backlog: --start expects a date like 2026-03-02, got "2026-13-01"'],
    [
      [],
      'backlog: give --velocity N (or a range like 25..40), --history LIST or --history git: the document states no velocity and records no finished sprint',
    ],
  ])('refuses %j with one line and exit 2', (args, message) => {
    const { code, stdout, stderr } = run([DRIFTED, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it("reads a sprint marked finished in the config's own words as a completed sprint", () => {
    const dir = tempDir('forecast-vocabulary');
    const plan = [
      '## Sprint 1 (Geliefert)',
      '',
      '| ID | Story | Points | Status |',
      '|---|---|---|---|',
      '| SHP-1 | Checkout | 8 | Geliefert |',
      '| SHP-2 | Refunds | 5 | Offen |',
      '',
      '## Sprint 2',
      '',
      '| ID | Story | Points | Status |',
      '|---|---|---|---|',
      '| SHP-3 | Invoices | 13 | Offen |',
    ].join('\n');
    writeFileSync(path.join(dir, 'plan.md'), plan);
    expect(runCli(['forecast', 'plan.md'], { cwd: dir }).code).toBe(2);
    writeFileSync(path.join(dir, '.backlogrc.yaml'), 'vocabulary:\n  done: [Geliefert]\n');
    const { code, stdout } = runCli(['forecast', 'plan.md'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('Velocity from 1 completed sprint: 8 points (Sprint 1).');
  });
});
