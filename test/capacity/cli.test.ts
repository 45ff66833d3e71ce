import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const TWO_SPRINTS = 'fixtures/capacity/two-sprints.md';
const STATED = 'fixtures/capacity/stated-capacity.md';

function run(args: string[]) {
  return runCli(['capacity', ...args]);
}

describe('backlog capacity', { timeout: 30_000 }, () => {
  it('exits 1 when a sprint is over capacity, and lists the dependency order problems', () => {
    const { code, stdout, stderr } = run([TWO_SPRINTS, '--capacity', '20']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/│ Sprint 2: Dashboards +│ +29 │ +20 │ 145% │ over +│ --capacity +│/);
    expect(stdout).toContain('2 sprints: 1 over capacity.');
    expect(stdout).toContain(
      `Sprint 2: Dashboards: the document states 27 ("Total Points: 27", ${TWO_SPRINTS}:19); the items add up to 29 (+2).`,
    );
    expect(stdout).toContain(
      `Dependency order: 2 problems\n  ${TWO_SPRINTS}:9  OS-3 in Sprint 1 depends on OS-5, committed to the later Sprint 2\n  ${TWO_SPRINTS}:17  OS-6 in Sprint 2 depends on OS-9, which no sprint holds and is not done\n`,
    );
  });

  it('exits 0 when every sprint fits', () => {
    expect(run([TWO_SPRINTS, '--capacity', '30']).code).toBe(0);
    expect(run([STATED]).code).toBe(0);
  });

  it('says a backlog has no sprints in one line, without an empty table', () => {
    const { code, stdout } = run(['fixtures/plans/web-backlog.md']);
    expect(code).toBe(0);
    expect(stdout).toBe('No sprints to check.\n');
  });

  it('prints the JSON contract', () => {
    const { code, stdout } = run([TWO_SPRINTS, '--capacity', '20', '--strict', '--format', 'json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.schemaVersion).toBe(1);
    expect(
      json.sprints.map(({ name, committed, capacity, over }: Record<string, unknown>) => ({ name, committed, capacity, over })),
    ).toEqual([
      { name: 'Sprint 1: Ingestion', committed: 18, capacity: 20, over: false },
      { name: 'Sprint 2: Dashboards', committed: 29, capacity: 20, over: true },
    ]);
    expect(json.violations.map(({ item, dependsOn }: Record<string, string>) => `${item}→${dependsOn}`)).toEqual([
      'OS-2→OS-1',
      'OS-3→OS-5',
      'OS-6→OS-9',
    ]);
    expect(json.violations[0].message).toBe('OS-2 in Sprint 1 depends on OS-1, committed to the same sprint');
  });

  it('says why --team is ignored on a backlog in points', () => {
    const table = run([TWO_SPRINTS, '--team', '4']);
    const note =
      '--team 4 is ignored: team × working days is a capacity in days, and this backlog is estimated in points (give --capacity N in its unit instead).';
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(note);
    expect(run([TWO_SPRINTS, '--team', '4', '-f', 'md']).stdout).toContain(`- ${note}`);
    expect(JSON.parse(run([TWO_SPRINTS, '--team', '4', '-f', 'json']).stdout).notes).toEqual([note]);
    expect(JSON.parse(run([TWO_SPRINTS, '-f', 'json']).stdout).notes).toEqual([]);
  });

  it('lists the same dependency order findings as lint, as many times', () => {
    const dir = tempDir('capacity-order');
    const plan = [
      '# Plan',
      '',
      '## Sprint 1',
      '',
      '| ID | Task | Points | Depends on |',
      '|---|---|---|---|',
      '| D-1 | Dashboard | 3 | D-7, D-8, D-9 |',
      '| D-2 | Export | 2 | D-5 |',
      '',
      '## Sprint 2',
      '',
      '| ID | Task | Points | Depends on |',
      '|---|---|---|---|',
      '| D-5 | Schema | 3 | - |',
      '| D-6 | Alerts | 3 | D-7 |',
      '',
      '## Later',
      '',
      '| ID | Task | Points | Depends on |',
      '|---|---|---|---|',
      '| D-7 | Ingest | 3 | - |',
      '| D-8 | Parse | 3 | - |',
      '| D-9 | Store | 3 | - |',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'plan.md'), plan);
    const lint = JSON.parse(runCli(['lint', 'plan.md', '-f', 'json'], { cwd: dir }).stdout) as {
      problems: { rule: string; line: number; message: string }[];
    };
    const found = lint.problems
      .filter((problem) => problem.rule === 'dependency-order')
      .map((problem) => `plan.md:${problem.line}  ${problem.message}`);
    expect(found).toEqual([
      'plan.md:7  D-1 in Sprint 1 depends on D-7, D-8, D-9, which no sprint holds and is not done',
      'plan.md:8  D-2 in Sprint 1 depends on D-5, committed to the later Sprint 2',
      'plan.md:15  D-6 in Sprint 2 depends on D-7, which no sprint holds and is not done',
    ]);
    const table = runCli(['capacity', 'plan.md'], { cwd: dir }).stdout;
    expect(table).toContain(`Dependency order: 3 problems\n${found.map((line) => `  ${line}`).join('\n')}\n`);
    const markdown = runCli(['capacity', 'plan.md', '-f', 'md'], { cwd: dir }).stdout;
    expect(markdown).toContain('**Dependency order:** 3 problems');
    expect(markdown).toContain('- D-1 in Sprint 1 depends on D-7, D-8, D-9, which no sprint holds and is not done (plan.md:7)');
    // JSON keeps one entry per item and prerequisite: the pairs the findings are made of.
    expect(JSON.parse(runCli(['capacity', 'plan.md', '-f', 'json'], { cwd: dir }).stdout).violations).toHaveLength(5);
  });

  it('takes a per-sprint capacity from the config before the document', () => {
    const { code, stdout } = run([STATED, '--config', 'fixtures/capacity/per-sprint.yaml', '--format', 'md']);
    expect(code).toBe(1);
    expect(stdout).toContain('| Sprint 3.2: Checkout Hardening | 18 | 17 | 106% | **over** | config |');
  });

  it('refuses a bad capacity with one line and exit 2', () => {
    const { code, stdout, stderr } = run([TWO_SPRINTS, '--capacity', 'lots']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('backlog: --capacity expects a number of at least 0, got "lots"\n');
  });
});
