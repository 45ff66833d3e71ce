import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

// A user's project: its node_modules/backlog-planner is this repository (as `npm link` would
// make it), so imports resolve through package.json `exports` to the built dist/, as after install.
const FIXTURE = path.resolve('fixtures/report/roadmap.md');
const project = tempDir('user');

beforeAll(() => {
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(process.cwd(), path.join(project, 'node_modules', 'backlog-planner'), 'dir');
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user', type: 'module', private: true }));
});

function run(script: string): unknown {
  writeFileSync(path.join(project, 'use.mjs'), script);
  return JSON.parse(execFileSync(process.execPath, ['use.mjs', FIXTURE], { cwd: project, encoding: 'utf8' }));
}

describe("import … from 'backlog-planner'", () => {
  it('loads a backlog and analyses it with the documented functions', () => {
    const result = run(`
      import { loadBacklog, lint, criticalPath, forecast, capacity, parseVelocity } from 'backlog-planner';
      const { backlog, sources, inputErrors } = await loadBacklog([process.argv[2]]);
      const path = criticalPath(backlog);
      const problems = lint(backlog, { sources });
      const stated = forecast(backlog);
      const ranged = forecast(backlog, { velocity: parseVelocity('5..8'), seed: 7 });
      const load = capacity(backlog, { capacity: 10 });
      console.log(JSON.stringify({
        items: backlog.items.map((item) => [item.id, item.estimate?.expected, item.dependsOn]),
        unit: backlog.unit,
        sprints: backlog.sprints.map((sprint) => [sprint.name, sprint.committed]),
        inputErrors,
        critical: { unit: path.unit, length: path.length, paths: path.paths },
        lint: { errorCount: problems.errorCount, warningCount: problems.warningCount },
        forecast: [stated.remaining, stated.velocitySource, stated.sprints, Object.keys(ranged.percentiles)],
        capacity: load.sprints.map((sprint) => [sprint.name, sprint.committed, sprint.capacity, sprint.over]),
      }));
    `);
    expect(result).toEqual({
      items: [
        ['KS-1', 5, []],
        ['KS-2', 3, ['KS-1']],
        ['KS-3', 8, ['KS-2']],
        ['KS-4', 2, ['KS-3']],
        ['KS-5', 3, ['KS-1']],
        ['KS-6', 5, ['KS-2', 'KS-5']],
      ],
      unit: 'points',
      sprints: [
        ['Sprint 1', 8],
        ['Sprint 2', 13],
        ['Sprint 3', 5],
      ],
      inputErrors: [],
      critical: { unit: 'points', length: 13, paths: [['KS-2', 'KS-3', 'KS-4']] },
      lint: { errorCount: 0, warningCount: 0 },
      // 21 points remain at a stated 8 per sprint: 2.625, so 3 sprints.
      forecast: [21, 'document', 3, ['p50', 'p70', 'p85', 'p95']],
      capacity: [
        ['Sprint 1', 8, 10, false],
        ['Sprint 2', 13, 10, true],
        ['Sprint 3', 5, 10, false],
      ],
    });
  });

  it('exposes the write-back functions and the typed errors', () => {
    const result = run(`
      import { replaceSection, isStale, MarkerError, UsageError } from 'backlog-planner';
      const doc = 'a\\n<!-- backlog:report -->\\n<!-- /backlog:report -->\\n';
      let problem = null;
      try { replaceSection('a\\n', 'report', 'x'); } catch (error) { problem = error instanceof MarkerError && error.problem; }
      console.log(JSON.stringify({
        replaced: replaceSection(doc, 'report', 'new'),
        stale: isStale(doc, 'report', 'new'),
        problem,
        usage: typeof UsageError,
      }));
    `);
    expect(result).toEqual({
      replaced: 'a\n<!-- backlog:report -->\nnew\n<!-- /backlog:report -->\n',
      stale: true,
      problem: 'missing',
      usage: 'function',
    });
  });

  it('type-checks a TypeScript user of the API against the published declarations', () => {
    writeFileSync(
      path.join(project, 'use.ts'),
      `import { loadBacklog, criticalPath, type Backlog, type CriticalPathResult, type Item } from 'backlog-planner';
       const { backlog }: { backlog: Backlog } = await loadBacklog(['plan.md']);
       const first: Item | undefined = backlog.items[0];
       const result: CriticalPathResult = criticalPath(backlog, { deadline: 10 });
       const length: number = result.length;
       // @ts-expect-error: an item's estimate is an object, not a number
       const wrong: number = first?.estimate;
       export { length, wrong };
      `,
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] },
        files: ['use.ts'],
      }),
    );
    const tsc = path.resolve('node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' })).not.toThrow();
  }, 60_000);
});
