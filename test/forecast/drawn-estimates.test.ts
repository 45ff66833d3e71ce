import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast, type ForecastResult } from '../../src/analyze/forecast.js';
import { sprintsFor } from '../../src/analyze/sprints-for.js';
import type { Velocity } from '../../src/analyze/velocity.js';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Estimate, Item } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { runCli } from '../helpers/run-cli.js';

const SEEDS = path.resolve('../shared/seeds');
const seed = (prefix: string) =>
  path.join(
    SEEDS,
    readdirSync(SEEDS).find((name) => name.startsWith(prefix))!,
  );

const size = (low: number, high: number, unit: Estimate['unit'] = 'days'): Estimate => ({
  ...estimate((low + high) / 2, unit, { low, high }),
  kind: 'size',
  size: 'M',
});

describe('forecast: estimates drawn in every trial', () => {
  it('answers percentiles at a fixed velocity when estimates are ranged, and says what it drew', () => {
    // Ten items of 2–6 points (beta-PERT, mean 4): 40 expected, 20 to 60 in all.
    const items = Array.from({ length: 10 }, (_, index) => item(`R-${index}`, { estimate: estimate(4, 'points', { low: 2, high: 6 }) }));
    const result = forecast(makeBacklog(items), { velocity: { kind: 'fixed', value: 10 }, trials: 4000, seed: 5 });
    expect(result.simulation).toEqual({ trials: 4000, seed: 5, drawn: ['estimates'] });
    expect(result.estimates).toEqual({ drawn: 10, low: 20, high: 60 });
    expect(result.remaining).toBe(40);
    const { p50, p95 } = result.percentiles!;
    expect(p50).toBe(4);
    expect(p95).toBe(5);
    expect(result.sprints).toBe(result.percentiles!.p85);
    const outcomes = result.histogram!.map((bar) => bar.sprints);
    expect(Math.min(...outcomes)).toBeGreaterThanOrEqual(sprintsFor(20, 10));
    expect(Math.max(...outcomes)).toBeLessThanOrEqual(sprintsFor(60, 10));
  });

  it('gives the same answer for the same seed, and another for another seed', () => {
    const items = Array.from({ length: 30 }, (_, index) => item(`R-${index}`, { estimate: size(1, 9, 'points') }));
    const options = { velocity: { kind: 'range', low: 20, high: 30 } as Velocity, trials: 2000 };
    const first = forecast(makeBacklog(items), { ...options, seed: 1 });
    expect(forecast(makeBacklog(items), { ...options, seed: 1 })).toEqual(first);
    expect(forecast(makeBacklog(items), { ...options, seed: 2 }).histogram).not.toEqual(first.histogram);
    expect(first.simulation!.drawn).toEqual(['velocity', 'estimates']);
  });

  it('draws nothing and answers exactly for exact estimates at a fixed velocity', () => {
    const result = forecast(makeBacklog([item('A', { estimate: estimate(25) })]), { velocity: { kind: 'fixed', value: 10 } });
    expect(result.simulation).toBeUndefined();
    expect(result.percentiles).toBeUndefined();
    expect(result.sprints).toBe(3);
  });

  it('keeps the percentiles of an exact-estimate backlog what they were before estimates were drawn', () => {
    // Figures of the forecast before this change, for the same backlogs, velocities and seeds.
    const drifted = backlogFromMarkdown(readFileSync('fixtures/forecast/drifted-projection.md', 'utf8'));
    const range = forecast(drifted, { velocity: { kind: 'range', low: 20, high: 35 }, seed: 3 });
    expect(range.histogram).toEqual([
      { sprints: 3, trials: 460 },
      { sprints: 4, trials: 9130 },
      { sprints: 5, trials: 410 },
    ]);
    const file = seed('001');
    const history = forecast(backlogFromMarkdown(readFileSync(file, 'utf8'), file), {
      velocity: { kind: 'history', values: [10, 25, 31] },
      team: 3,
    });
    expect(history.percentiles).toEqual({ p50: 10, p70: 11, p85: 12, p95: 13 });
    expect(history.velocityPercentiles).toEqual({ p50: 10, p70: 10, p85: 11, p95: 12 });
    expect(history.histogram).toEqual([
      { sprints: 8, trials: 329 },
      { sprints: 9, trials: 2273 },
      { sprints: 10, trials: 2646 },
      { sprints: 11, trials: 2438 },
      { sprints: 12, trials: 1661 },
      { sprints: 13, trials: 451 },
      { sprints: 14, trials: 171 },
      { sprints: 15, trials: 28 },
      { sprints: 16, trials: 2 },
      { sprints: 17, trials: 1 },
    ]);
  });

  it('draws T-shirt sizes from their scale: seed 000 at 30 days a sprint spreads P50 below P95, within the 9 sprints of its highest sizes', () => {
    // 8 S (1–2 days), 24 M (3–5), 12 L (6–10): 152 to 256 days, 204 expected.
    const file = seed('000');
    const result = forecast(backlogFromMarkdown(readFileSync(file, 'utf8'), file), { velocity: { kind: 'fixed', value: 30 } });
    expect(result.remaining).toBe(204);
    expect(result.estimates).toEqual({ drawn: 44, low: 152, high: 256 });
    const { p50, p95 } = result.percentiles!;
    expect(p50).toBeLessThan(p95);
    expect(p95).toBeLessThanOrEqual(9);
    expect(result.percentiles).toEqual({ p50: 7, p70: 7, p85: 7, p95: 8 });
  });

  it('schedules every trial’s drawn sizes for a team, or scales the expected schedule past the limit', () => {
    const chain = ['A', 'B', 'C'].map((id, index, ids) =>
      item(id, { estimate: estimate(10, 'points', { low: 5, high: 15 }), dependsOn: index === 0 ? [] : [ids[index - 1]] }),
    );
    const options = { velocity: { kind: 'fixed', value: 10 } as Velocity, team: 3, trials: 1000 };
    const perTrial = forecast(makeBacklog(chain), options);
    expect(perTrial.dependencies).toMatchObject({ makespan: 30, effectiveWork: 90, drawnSchedule: 'trial' });
    expect(perTrial.limitedBy).toBe('dependencies');
    const scaled = forecast(makeBacklog(chain), { ...options, perTrialScheduleLimit: 10 });
    expect(scaled.dependencies!.drawnSchedule).toBe('scaled');
    // A chain of three run one after the other: the dependency-aware work is the team's whole time
    // either way, so both give the same answer here.
    expect(scaled.percentiles).toEqual(perTrial.percentiles);
  });
});

/** Items of the given shapes: a size, whether it is ranged, links to earlier items, done or not. */
function backlogOf(shape: [number, boolean, number[], boolean][]): Item[] {
  return shape.map(([points, ranged, links, done], index) =>
    item(`I-${index}`, {
      estimate: ranged ? estimate(points + 1, 'points', { low: points, high: points + 2 }) : estimate(points),
      dependsOn: index === 0 ? [] : links.map((link) => `I-${link % index}`),
      done,
    }),
  );
}

function agrees(result: ForecastResult): void {
  const future = result.burnUp.future;
  if (result.remaining === 0) {
    expect(future).toEqual([]);
    return;
  }
  const last = future.at(-1)!;
  // The chart ends at the answer, where its P85 line meets the scope; it is below the scope before.
  expect(last.sprint).toBe(result.sprints);
  expect(last.p85).toBe(last.scope);
  for (const row of future.slice(0, -1)) expect(row.p85).toBeLessThan(row.scope);
  // The P50 line meets the scope at P50 (when that sprint is shown).
  const p50 = result.percentiles?.p50 ?? result.sprints;
  for (const row of future) expect(row.p50 === row.scope).toBe(row.sprint >= p50);
}

describe('forecast: the burn-up and the answer agree', () => {
  it('whatever the team, velocity and estimates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 2 }), fc.boolean()), {
          minLength: 1,
          maxLength: 14,
        }),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer(),
        (shape, team, low, spread, seed) => {
          const velocity: Velocity = spread === 0 ? { kind: 'fixed', value: low } : { kind: 'range', low, high: low + spread };
          agrees(forecast(makeBacklog(backlogOf(shape)), { velocity, team, trials: 300, seed }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('for seed 001 with a team of 10: the chart says 10 sprints, as the answer does', () => {
    const file = seed('001');
    const result = forecast(backlogFromMarkdown(readFileSync(file, 'utf8'), file), { velocity: { kind: 'fixed', value: 30 }, team: 10 });
    expect(result.sprints).toBe(10);
    agrees(result);
    expect(result.burnUp.future.map((row) => row.sprint)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('forecast: the team stated and checked', () => {
  const items = [item('A', { estimate: estimate(13) }), item('B', { estimate: estimate(2) }), item('C', { estimate: estimate(8) })];

  it('gives each person a share of the velocity and finds the items bigger than a share', () => {
    const result = forecast(makeBacklog(items), { velocity: { kind: 'fixed', value: 30 }, team: 10 });
    expect(result.dependencies).toMatchObject({ perPerson: 3, largerThanShare: { count: 2, largest: { id: 'A', work: 13 } } });
    const roomy = forecast(makeBacklog(items), { velocity: { kind: 'fixed', value: 30 }, team: 2 });
    expect(roomy.dependencies!.perPerson).toBe(15);
    expect(roomy.dependencies!.largerThanShare).toBeUndefined();
  });

  it('takes a velocity per person times the team', () => {
    const result = forecast(makeBacklog(items), { velocityPerPerson: { kind: 'fixed', value: 7.5 }, team: 4 });
    expect(result).toMatchObject({
      velocity: { kind: 'fixed', value: 30 },
      velocitySource: 'per-person',
      perPerson: { velocity: { kind: 'fixed', value: 7.5 }, team: 4 },
      dependencies: { perPerson: 7.5 },
    });
    expect(() => forecast(makeBacklog(items), { velocityPerPerson: { kind: 'fixed', value: 7.5 } })).toThrow(
      '--velocity-per-person needs a team size: give --team N (the document states none)',
    );
  });
});

describe('backlog forecast: drawn estimates and teams on the command line', { timeout: 30_000 }, () => {
  it('seed 000 at --velocity 30: P50 < P95 ≤ 9, the same for the same seed, and says what it drew', () => {
    const args = ['forecast', seed('000'), '--velocity', '30', '--seed', '7', '--format', 'json'];
    const json = JSON.parse(runCli(args).stdout);
    expect(json.percentiles.p50).toBeLessThan(json.percentiles.p95);
    expect(json.percentiles.p95).toBeLessThanOrEqual(9);
    expect(json.simulation).toEqual({ trials: 10000, seed: 7, drawn: ['estimates'] });
    expect(json.estimates).toEqual({ drawn: 44, low: 152, high: 256 });
    expect(JSON.parse(runCli(args).stdout)).toEqual(json);
    const table = runCli(['forecast', seed('000'), '--velocity', '30']).stdout;
    expect(table.split('\n')[0]).toBe('204 days remaining at 30 days per sprint: 85% likely within 7 sprints');
    expect(table).toContain(
      "The open work's estimates span 152–256 days (every one at its lowest, or its highest): 6–9 sprints at 30 days a sprint; each trial draws each item independently.",
    );
  });

  it('states the team model, warns when a share is smaller than an item, and draws the chart to the answer', () => {
    const { code, stdout } = runCli(['forecast', seed('001'), '--velocity', '30', '--team', '10']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('203 points remaining at 30 points per sprint: 10 sprints');
    expect(stdout).toContain(
      '10 people sharing 30 points a sprint: 3 points each, each on one item at a time, in dependency order: the dependencies, not the velocity, set the end (velocity alone: 7 sprints).',
    );
    expect(stdout).toContain(
      "Warning: a person's share, 3 points a sprint, is smaller than 29 open items (the biggest, S6-05, is 13 points): one person needs 4.33 sprints for it, so with 10 people single items can set the end.",
    );
    expect(stdout).toContain('+10 │████████████████████████████████████████ 203 / 203');
    expect(stdout).not.toContain('+11 │');
    const two = runCli(['forecast', seed('001'), '--velocity', '30', '--team', '2']).stdout;
    expect(two).toContain('2 people sharing 30 points a sprint: 15 points each');
    expect(two).not.toContain('Warning');
  });

  it('takes --velocity-per-person with a team, and refuses it without one', () => {
    const perPerson = runCli(['forecast', seed('001'), '--velocity-per-person', '7.5', '--team', '4', '--format', 'json']);
    const total = runCli(['forecast', seed('001'), '--velocity', '30', '--team', '4', '--format', 'json']);
    expect(JSON.parse(perPerson.stdout)).toMatchObject({
      velocity: 30,
      velocitySource: 'per-person',
      sprints: JSON.parse(total.stdout).sprints,
    });
    const refused = runCli(['forecast', seed('001'), '--velocity-per-person', '7.5']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('backlog: --velocity-per-person needs a team size: give --team N (the document states none)\n');
    const both = runCli(['forecast', seed('001'), '--velocity-per-person', '7.5', '--velocity', '30', '--team', '4']);
    expect(both.stderr).toBe(
      'backlog: give one of --velocity, --velocity-per-person and --history, not --velocity and --velocity-per-person\n',
    );
  });
});
