import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { parallelNote } from '../../src/report/critical-path/summary.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { runCli } from '../helpers/run-cli.js';

describe('critical path without dependencies', () => {
  it('says the items are assumed to run in parallel, with the work they add up to', () => {
    const result = criticalPath(makeBacklog([item('A', { estimate: estimate(3, 'days') }), item('B', { estimate: estimate(5, 'days') })]));
    expect(result).toMatchObject({ length: 5, work: 8, dependencyCount: 0 });
    expect(parallelNote(result)).toBe(
      'No item depends on another, so this assumes all 2 items run in parallel, each by its own person; one after the other, their work adds up to 8 days (backlog forecast --team N schedules them for a team).',
    );
  });

  it('says nothing when items depend on each other, or when there is one item', () => {
    const chained = criticalPath(
      makeBacklog([
        item('A', { estimate: estimate(3) }),
        item('B', { estimate: estimate(5), dependsOn: ['A'] }),
        item('C', { estimate: estimate(1) }),
      ]),
    );
    expect(chained).toMatchObject({ work: 9, dependencyCount: 1 });
    expect(parallelNote(chained)).toBeNull();
    expect(parallelNote(criticalPath(makeBacklog([item('A', { estimate: estimate(3) })])))).toBeNull();
  });

  it('shows on seed 003: 60 items in six sprints and no dependencies', { timeout: 30_000 }, () => {
    const seeds = path.resolve('../shared/seeds');
    const file = path.join(
      seeds,
      readdirSync(seeds).find((name) => name.startsWith('003'))!,
    );
    const { stdout } = runCli(['critical-path', file, '--format', 'md']);
    expect(stdout).toContain(
      '- No item depends on another, so this assumes all 60 items run in parallel, each by its own person; one after the other, their work adds up to 139.5 days (backlog forecast --team N schedules them for a team).',
    );
    const json = JSON.parse(runCli(['critical-path', file, '--format', 'json']).stdout);
    expect(json).toMatchObject({ length: 5, work: 139.5, dependencyCount: 0 });
  });
});
