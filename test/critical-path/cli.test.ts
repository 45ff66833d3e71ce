import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const TIED = 'fixtures/critical-path/tied-paths.md';
const RELIABLE_PERT = 'fixtures/critical-path/reliable-construction-pert.md';

function run(args: string[], colour = false) {
  return runCli(['critical-path', ...args], { colour });
}

describe('backlog critical-path', () => {
  it('prints a table with the critical paths, without colour when asked', () => {
    const { code, stdout, stderr } = run([TIED]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    expect(stdout).toMatch(/│ RL-6 +│ Update the user docs +│ +3 │ +0 │ +3 │ +4 │ +7 │ +4 │ +4 │ +│/);
    expect(stdout).toContain('Critical path: 8 days (2 paths of equal length).\n  1. RL-2 → RL-3 → RL-7\n  2. RL-4 → RL-5 → RL-7\n');
    expect(stdout).toContain('PERT: expected 8 days, standard deviation 0.33 days.');
  });

  it('colours the table when the terminal allows it', () => {
    const { stdout } = run([TIED], true);
    expect(stdout).toContain('\u001b[31m\u001b[1mRL-2\u001b[22m\u001b[39m → ');
  });

  it('prints the JSON contract, with PERT figures for a deadline', () => {
    const { code, stdout } = run([RELIABLE_PERT, '--format', 'json', '--deadline', '47']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.unit).toBe('points');
    expect(json.length).toBeCloseTo(44, 12);
    expect(json.paths).toEqual([['RC-01', 'RC-02', 'RC-03', 'RC-05', 'RC-06', 'RC-10', 'RC-12', 'RC-14']]);
    expect(json.stdDev).toBeCloseTo(3, 12);
    expect(json.probability).toBeCloseTo(0.8413447460685429, 12);
    expect(json.items).toHaveLength(14);
    expect(Object.keys(json.items[0])).toEqual(
      expect.arrayContaining(['id', 'earlyStart', 'earlyFinish', 'lateStart', 'lateFinish', 'totalFloat', 'freeFloat', 'critical']),
    );
  });

  it('simulates with a seed: the same seed gives the same answer', () => {
    const args = [RELIABLE_PERT, '--format', 'json', '--simulate', '500', '--seed', '7', '--deadline', '47'];
    const first = JSON.parse(run(args).stdout);
    expect(JSON.parse(run(args).stdout)).toEqual(first);
    expect(first.simulation).toMatchObject({ trials: 500, seed: 7, distribution: 'beta-pert' });
    expect(first.simulation.criticality['RC-01']).toBe(1);
    const byDefault = JSON.parse(run([RELIABLE_PERT, '--format', 'json', '--simulate']).stdout);
    expect(byDefault.simulation).toMatchObject({ trials: 10_000, seed: 42 });
  });

  it('prints markdown, a mermaid gantt chart and a graphviz digraph', () => {
    const md = run([TIED, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe('**Critical path: 8 days (2 paths of equal length).**');
    const mermaid = run([TIED, '--format', 'mermaid']);
    expect(mermaid.stdout).toContain('```mermaid\ngantt\n');
    expect(mermaid.stdout).toContain('    RL-4 New billing provider :crit, 0, 5000\n');
    const dot = run([TIED, '--format', 'dot']);
    expect(dot.stdout).toContain('  "RL-4" -> "RL-5" [color=red, penwidth=2, style=bold];\n');
  });

  it('counts done items with --all', () => {
    const { stdout } = run([TIED, '--format', 'json', '--all']);
    expect(JSON.parse(stdout).length).toBe(10);
  });

  it('restricts to a sprint and says which prerequisites it left out', () => {
    const dir = tempDir('cp');
    const file = path.join(dir, 'plan.md');
    writeFileSync(
      file,
      [
        '## Sprint 1',
        '',
        '| ID | Task | Estimate | Depends on |',
        '| --- | --- | --- | --- |',
        '| PL-1 | Lay out the plan | 2d | None |',
        '',
        '## Sprint 2',
        '',
        '| ID | Task | Estimate | Depends on |',
        '| --- | --- | --- | --- |',
        '| PL-2 | Build it | 3d | PL-1 |',
        '| PL-3 | Test it | 1d | PL-2 |',
        '',
      ].join('\n'),
    );
    const { code, stdout } = run([file, '--sprint', '2', '--format', 'md']);
    expect(code).toBe(0);
    expect(stdout).toContain('**Critical path: 4 days (1 path).**\n\n1. PL-2 → PL-3\n');
    expect(stdout).toContain('- Left out as outside this part: 1 prerequisite (PL-1)');
  });

  it('exits 2 with one line per dependency cycle and no stack trace', () => {
    const file = 'fixtures/critical-path/cycle.md';
    const { code, stdout, stderr } = run([file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `backlog: dependency cycle: CY-1 (${file}:5) → CY-2 (${file}:6) → CY-3 (${file}:7) → CY-1 (${file}:5)`,
        `backlog: dependency cycle: CY-4 (${file}:8) → CY-4 (${file}:8)`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    [['--deadline', 'soon'], 'backlog: --deadline expects a number of at least 0, got "soon"'],
    [['--simulate', '0'], 'backlog: --simulate expects a whole number of at least 1, got "0"'],
    [
      ['--simulate', 'plan.md'],
      'backlog: --simulate takes an optional number of trials, got "plan.md" (put paths before --simulate, or write --simulate=10000)',
    ],
    [['--simulate', '--seed', '1.5'], 'backlog: --seed expects a whole number of at least 0, got "1.5"'],
    [['--seed', '3'], 'backlog: --seed is for --simulate; add --simulate'],
    [['--sprint', '9'], 'backlog: no sprint "9" in the backlog (sprints: none)'],
    [['--group', 'Billing'], 'backlog: no group "Billing" in the backlog (groups: none)'],
  ])('rejects %j with one line and exit 2', (args, message) => {
    const { code, stdout, stderr } = run([TIED, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('writes its markdown into a generated section with --write', () => {
    const dir = tempDir('cp');
    const readme = path.join(dir, 'README.md');
    writeFileSync(readme, '# Plan\n\n<!-- backlog:critical-path -->\nstale\n<!-- /backlog:critical-path -->\n');
    const { code, stderr } = run([TIED, '--write', readme]);
    expect(code).toBe(0);
    expect(stderr).toBe(`updated section "critical-path" in ${readme}\n`);
    const text = readFileSync(readme, 'utf8');
    expect(text).toContain('<!-- backlog:critical-path -->\n**Critical path: 8 days (2 paths of equal length).**');
    expect(run([TIED, '--write', readme, '--check']).code).toBe(0);
  });
});
