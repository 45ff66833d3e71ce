import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { sharedDocuments } from '../helpers/shared-docs.js';
import { tempDir } from '../helpers/temp-dir.js';

interface PlanJson {
  name: string;
  unit: string | null;
  sprints: { name: string; committed: number; items: string[] }[];
  files: { file: string }[];
}

const seeds = sharedDocuments('seeds');
const dev = sharedDocuments('corpus/dev');

describe('several plans on the command line', () => {
  it('show: a heading per plan in the table, plans: [...] in JSON, the bundled fixtures as two plans', () => {
    const table = runCli(['show', 'fixtures/plans']);
    expect(table.code).toBe(0);
    expect(table.stdout.match(/^Plan: .*$/gm)).toEqual(['Plan: fixtures/plans/warehouse.md', 'Plan: fixtures/plans/web-backlog.md']);
    const json = JSON.parse(runCli(['show', 'fixtures/plans', '--format', 'json']).stdout) as { plans: PlanJson[] };
    expect(json.plans.map((plan) => [plan.name, plan.unit, plan.files.map((file) => file.file)])).toEqual([
      ['fixtures/plans/warehouse.md', 'days', ['fixtures/plans/warehouse.md']],
      ['fixtures/plans/web-backlog.md', 'points', ['fixtures/plans/web-backlog.md', 'fixtures/plans/web-sprint-1.md']],
    ]);
    expect(json.plans.map((plan) => plan.sprints.map((sprint) => [sprint.name, sprint.committed]))).toEqual([
      [
        ['Sprint 1', 5],
        ['Sprint 2', 4],
      ],
      [['Sprint 1', 16]],
    ]);
  });

  it('--plan picks one plan, by name or by a file of it, in the single-plan shape; an unknown one is exit 2 naming the plans', () => {
    const byFile = JSON.parse(runCli(['show', 'fixtures/plans', '--plan', 'fixtures/plans/web-sprint-1.md', '--format', 'json']).stdout);
    expect(byFile.plans).toBeUndefined();
    expect(byFile.items.map((item: { id: string }) => item.id)).toEqual(['WEB-1', 'WEB-2', 'WEB-3', 'WEB-4', 'WEB-5']);
    const unknown = runCli(['capacity', 'fixtures/plans', '--plan', 'mobile']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'backlog: --plan mobile: no such plan (the plans are: fixtures/plans/warehouse.md, fixtures/plans/web-backlog.md)',
    );
  });

  it('capacity, critical-path, forecast and plan report each plan in its own unit', () => {
    const capacity = JSON.parse(runCli(['capacity', 'fixtures/plans', '--format', 'json']).stdout) as {
      plans: { name: string; unit: string }[];
    };
    expect(capacity.plans.map((plan) => [plan.name, plan.unit])).toEqual([
      ['fixtures/plans/warehouse.md', 'days'],
      ['fixtures/plans/web-backlog.md', 'points'],
    ]);
    const path = runCli(['critical-path', 'fixtures/plans', '--format', 'md']);
    expect(path.code).toBe(0);
    expect(path.stdout.match(/^## Plan: .*$/gm)).toHaveLength(2);
    const forecast = runCli(['forecast', 'fixtures/plans', '--velocity', '10', '--format', 'json']);
    expect(forecast.code).toBe(0);
    expect((JSON.parse(forecast.stdout) as { plans: { remaining: number }[] }).plans.map((plan) => plan.remaining)).toEqual([9, 29]);
    const plan = runCli(['plan', 'fixtures/plans', '--capacity', '10']);
    expect(plan.code).toBe(0);
    expect(plan.stdout.match(/^Plan: .*$/gm)).toHaveLength(2);
  });

  it('forecast names a plan it cannot forecast and still answers for the others', () => {
    const dir = tempDir('plans');
    cpSync('fixtures/plans', dir, { recursive: true });
    writeFileSync(path.join(dir, 'web-backlog.md'), '\n**Velocity:** 12 points per sprint\n', { flag: 'a' });
    const result = runCli(['forecast', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^backlog: plan warehouse\.md: /m);
    expect(result.stdout).toContain('Plan: web-backlog.md');
  });

  it('a config puts files in a named plan, and the order of the paths changes nothing', () => {
    const dir = tempDir('plans');
    cpSync('fixtures/plans', dir, { recursive: true });
    writeFileSync(path.join(dir, '.backlogrc.yaml'), 'plans:\n  shop: ["web-*.md", "warehouse.md"]\n');
    const forward = runCli(['show', 'web-backlog.md', 'warehouse.md', 'web-sprint-1.md', '--format', 'json'], { cwd: dir });
    const backward = runCli(['show', 'web-sprint-1.md', 'warehouse.md', 'web-backlog.md', '--format', 'json'], { cwd: dir });
    expect(forward.stdout).toBe(backward.stdout);
    const json = JSON.parse(forward.stdout);
    expect(json.plans).toBeUndefined();
    expect(json.files.map((file: { file: string }) => file.file)).toEqual(['warehouse.md', 'web-backlog.md', 'web-sprint-1.md']);
    expect(json.name).toBeUndefined();
    // The one plan answers to the config's name.
    expect(runCli(['show', '.', '--plan', 'shop', '--format', 'json'], { cwd: dir }).stdout).toBe(forward.stdout);
  });

  it.skipIf(!seeds.present)('seeds together: each seed is its own plan, with its own sprints and stated figures', () => {
    const files = ['000_4ff355907c25500a.txt', '001_b118adc63bbcedc9.txt'].map((file) => path.join(seeds.dir, file));
    const json = JSON.parse(runCli(['show', ...files, '--format', 'json']).stdout) as { plans: PlanJson[] };
    expect(json.plans.map((plan) => plan.unit)).toEqual(['days', 'points']);
    const sprint4 = json.plans.map((plan) => plan.sprints.find((sprint) => /^Sprint 4\b/.test(sprint.name)));
    expect(sprint4.map((sprint) => [sprint?.name, sprint?.committed])).toEqual([
      ['Sprint 4: Prepare AI and Worker Beta', 32],
      ['Sprint 4: Config, Skills & Billing Foundation', 41],
    ]);
    const forecast = runCli(['forecast', ...files, '--velocity', '30']);
    expect(forecast.code).toBe(0);
    expect(forecast.stdout).not.toMatch(/computed 0 \(/);
  });

  it.skipIf(!dev.present)('corpus/dev as one directory: no sprint mixes files, and capacity exits 0', () => {
    const result = runCli(['capacity', dev.dir, '--format', 'json']);
    expect(result.code).toBe(0);
    const plans = (JSON.parse(result.stdout) as { plans: { name: string; sprints: { name: string; over: boolean }[] }[] }).plans;
    expect(plans.length).toBeGreaterThan(10);
    const shown = JSON.parse(runCli(['show', dev.dir, '--format', 'json']).stdout) as {
      plans: (PlanJson & { items: { id: string; source: { file: string } }[] })[];
    };
    for (const plan of shown.plans) {
      const files = new Set(plan.files.map((file) => file.file));
      for (const item of plan.items) expect(files.has(item.source.file)).toBe(true);
    }
  });
});
