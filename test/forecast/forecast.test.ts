import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analyze/forecast.js';
import { UsageError } from '../../src/errors.js';
import type { Claim, Item } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

const at = { file: 'test.md', line: 3, column: 1 };
const scope = { file: 'test.md' };

/** Items of the given point sizes, in one file. */
function pointItems(sizes: number[], overrides: Partial<Item> = {}): Item[] {
  return sizes.map((size, index) => item(`T-${index + 1}`, { estimate: estimate(size), ...overrides }));
}

describe('forecast: remaining work and sprints at a fixed velocity', () => {
  it('divides the remaining work by the velocity and rounds up', () => {
    const backlog = makeBacklog(pointItems([50, 50, 50, 50]));
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 25 } })).toMatchObject({
      unit: 'points',
      remaining: 200,
      sprints: 8,
      limitedBy: 'velocity',
    });
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 40 } }).sprints).toBe(5);
    const more = makeBacklog(pointItems([50, 50, 50, 50, 3]));
    expect(forecast(more, { velocity: { kind: 'fixed', value: 25 } })).toMatchObject({ remaining: 203, sprints: 9 });
    expect(forecast(more, { velocity: { kind: 'fixed', value: 40 } }).sprints).toBe(6);
  });

  it('leaves done items out of the remaining work', () => {
    const backlog = makeBacklog([item('A', { estimate: estimate(13), done: true }), item('B', { estimate: estimate(8) })]);
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 5 } })).toMatchObject({ remaining: 8, sprints: 2 });
  });

  it('does not count a task inside an estimated story twice', () => {
    const backlog = makeBacklog([
      item('S-1', { estimate: estimate(5), children: ['S-1.1'] }),
      item('S-1.1', { estimate: estimate(3), parent: 'S-1' }),
    ]);
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 5 } })).toMatchObject({ remaining: 5, sprints: 1 });
  });

  it('converts hours to days at 8 hours a day, or the configured day', () => {
    const items = [
      item('A', { estimate: estimate(1, 'days') }),
      item('B', { estimate: estimate(8, 'hours') }),
      item('C', { estimate: estimate(4, 'hours') }),
    ];
    const backlog = makeBacklog(items, { unit: 'days' });
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 1 } })).toMatchObject({ unit: 'days', remaining: 2.5, sprints: 3 });
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 1 }, hoursPerDay: 4 })).toMatchObject({ remaining: 4, sprints: 4 });
  });

  it('counts the items it had to leave out, by reason', () => {
    const items = [item('A', { estimate: estimate(3, 'days') }), item('B', { estimate: estimate(5, 'points') }), item('C'), item('D')];
    const result = forecast(makeBacklog(items, { unit: 'days' }), { velocity: { kind: 'fixed', value: 2 } });
    expect(result.remaining).toBe(3);
    expect(result.leftOut).toEqual({ otherUnit: ['B'], unestimated: ['C', 'D'] });
  });

  it('needs no sprint when nothing remains', () => {
    const backlog = makeBacklog(pointItems([5], { done: true }));
    expect(forecast(backlog, { velocity: { kind: 'fixed', value: 10 } })).toMatchObject({ remaining: 0, sprints: 0 });
    expect(forecast(backlog, { velocity: { kind: 'range', low: 5, high: 10 } }).percentiles).toEqual({ p50: 0, p70: 0, p85: 0, p95: 0 });
  });
});

describe('forecast: the velocity', () => {
  it('uses a velocity the document states when none is given, and says so', () => {
    const claim: Claim = { kind: 'velocity', scope, value: 20, raw: 'Velocity: 20', source: at };
    const result = forecast(makeBacklog(pointItems([30, 30]), { claims: [claim] }));
    expect(result).toMatchObject({
      velocity: { kind: 'fixed', value: 20 },
      velocitySource: 'document',
      velocityClaim: { raw: 'Velocity: 20' },
      sprints: 3,
    });
  });

  it('prefers the given velocity to the stated one', () => {
    const claim: Claim = { kind: 'velocity', scope, value: 20, raw: 'Velocity: 20', source: at };
    expect(forecast(makeBacklog(pointItems([30, 30]), { claims: [claim] }), { velocity: { kind: 'fixed', value: 60 } })).toMatchObject({
      velocitySource: 'option',
      sprints: 1,
    });
  });

  it('is a usage error without any velocity', () => {
    expect(() => forecast(makeBacklog(pointItems([3])))).toThrow(UsageError);
    expect(() => forecast(makeBacklog(pointItems([3])))).toThrow(
      'give --velocity N (or a range like 25..40), --history LIST or --history git: the document states no velocity and records no finished sprint',
    );
  });
});

describe('forecast: Monte Carlo over a range or history', () => {
  const backlog = makeBacklog(pointItems([50, 50, 50, 50, 3]));

  it('gives the same percentiles for the same seed, and another distribution for another seed', () => {
    const options = { velocity: { kind: 'range', low: 25, high: 40 } as const, trials: 2000 };
    const first = forecast(backlog, { ...options, seed: 1 });
    const again = forecast(backlog, { ...options, seed: 1 });
    const other = forecast(backlog, { ...options, seed: 2 });
    expect(again.percentiles).toEqual(first.percentiles);
    expect(again.histogram).toEqual(first.histogram);
    expect(other.histogram).not.toEqual(first.histogram);
    expect(first.simulation).toEqual({ trials: 2000, seed: 1, drawn: ['velocity'] });
  });

  it('stays between the slowest and the fastest outcome, over every trial', () => {
    const result = forecast(backlog, { velocity: { kind: 'range', low: 25, high: 40 }, trials: 3000, seed: 5 });
    const bars = result.histogram!;
    expect(bars.reduce((sum, bar) => sum + bar.trials, 0)).toBe(3000);
    expect(bars[0].sprints).toBeGreaterThanOrEqual(6); // 203 / 40, rounded up
    expect(bars.at(-1)!.sprints).toBeLessThanOrEqual(9); // 203 / 25, rounded up
    expect(result.sprints).toBe(result.percentiles!.p85);
  });

  it('resamples the history sprint by sprint instead of dividing by its mean', () => {
    // Mean 50.5 would say 2 sprints. Drawing 1 or 100 per sprint: P(≤1) = 1/2, P(≤2) = 3/4,
    // P(≤3) = 7/8, P(≤4) = 15/16, P(≤5) = 31/32.
    const result = forecast(makeBacklog(pointItems([100])), { velocity: { kind: 'history', values: [1, 100] }, seed: 3 });
    expect(result.percentiles).toMatchObject({ p70: 2, p85: 3, p95: 5 });
  });

  it('answers the fixed figure at every percentile for a one-value history', () => {
    const result = forecast(backlog, { velocity: { kind: 'history', values: [30] }, trials: 100 });
    expect(result.percentiles).toEqual({ p50: 7, p70: 7, p85: 7, p95: 7 });
  });

  it('orders its percentiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer(),
        (sizes, low, spread, seed) => {
          const result = forecast(makeBacklog(pointItems(sizes)), {
            velocity: { kind: 'range', low, high: low + spread + 0.5 },
            trials: 200,
            seed,
          });
          const { p50, p70, p85, p95 } = result.percentiles!;
          expect(p50).toBeLessThanOrEqual(p70);
          expect(p70).toBeLessThanOrEqual(p85);
          expect(p85).toBeLessThanOrEqual(p95);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never needs more sprints at a higher fixed velocity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (sizes, slow, extra) => {
          const backlog = makeBacklog(pointItems(sizes));
          const slower = forecast(backlog, { velocity: { kind: 'fixed', value: slow } });
          const faster = forecast(backlog, { velocity: { kind: 'fixed', value: slow + extra } });
          expect(faster.sprints).toBeLessThanOrEqual(slower.sprints);
        },
      ),
    );
  });
});

describe('forecast: dependencies with a team size', () => {
  // A → B → C in a chain, D free: four items of 10 points.
  const chain = [
    item('A', { estimate: estimate(10) }),
    item('B', { estimate: estimate(10), dependsOn: ['A'] }),
    item('C', { estimate: estimate(10), dependsOn: ['B'] }),
    item('D', { estimate: estimate(10) }),
  ];

  it('answers the later figure and says the dependencies set the end', () => {
    // Two people at 5 points each per sprint: the chain of 30 takes 6 sprints, not 40 / 10 = 4.
    const result = forecast(makeBacklog(chain), { velocity: { kind: 'fixed', value: 10 }, team: 2 });
    expect(result).toMatchObject({ remaining: 40, velocitySprints: 4, sprints: 6, limitedBy: 'dependencies' });
    expect(result.dependencies).toMatchObject({ team: 2, teamSource: 'option', makespan: 30, effectiveWork: 60, sprints: 6 });
  });

  it('leaves the velocity figure when the dependencies do not hold the work up', () => {
    const free = chain.map((entry) => ({ ...entry, dependsOn: [] }));
    const result = forecast(makeBacklog(free), { velocity: { kind: 'fixed', value: 10 }, team: 2 });
    expect(result).toMatchObject({ sprints: 4, limitedBy: 'velocity', dependencies: { makespan: 20 } });
  });

  it('takes the team size the document states', () => {
    const claim: Claim = { kind: 'team-size', scope, value: 2, raw: 'Team: 2 developers', source: at };
    const result = forecast(makeBacklog(chain, { claims: [claim] }), { velocity: { kind: 'fixed', value: 10 } });
    expect(result).toMatchObject({
      sprints: 6,
      dependencies: { team: 2, teamSource: 'document', teamClaim: { raw: 'Team: 2 developers' } },
    });
  });

  it('puts the dependency-aware figure into the percentiles too', () => {
    const result = forecast(makeBacklog(chain), { velocity: { kind: 'history', values: [10] }, team: 2, trials: 50 });
    expect(result.percentiles).toEqual({ p50: 6, p70: 6, p85: 6, p95: 6 });
    expect(result.velocityPercentiles).toEqual({ p50: 4, p70: 4, p85: 4, p95: 4 });
    expect(result.limitedBy).toBe('dependencies');
  });

  it('reports a dependency cycle instead of a dependency-aware figure', () => {
    const cyclic = [item('A', { estimate: estimate(5), dependsOn: ['B'] }), item('B', { estimate: estimate(5), dependsOn: ['A'] })];
    const result = forecast(makeBacklog(cyclic), { velocity: { kind: 'fixed', value: 5 }, team: 2 });
    expect(result).toMatchObject({
      sprints: 2,
      limitedBy: 'velocity',
      dependencies: { makespan: null, effectiveWork: null, blocked: ['A', 'B'] },
    });
  });

  it('is never earlier than the velocity figure', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.array(fc.nat(), { maxLength: 3 })), { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 30 }),
        (shape, team, velocity) => {
          // Dependencies only on earlier items: no cycles.
          const items = shape.map(([size, links], index) =>
            item(`I-${index}`, { estimate: estimate(size), dependsOn: index === 0 ? [] : links.map((link) => `I-${link % index}`) }),
          );
          const result = forecast(makeBacklog(items), { velocity: { kind: 'fixed', value: velocity }, team });
          expect(result.sprints).toBeGreaterThanOrEqual(result.velocitySprints);
          expect(result.dependencies!.effectiveWork!).toBeGreaterThanOrEqual(result.remaining - 1e-9);
        },
      ),
    );
  });
});

describe('forecast: dates and scenarios', () => {
  const backlog = makeBacklog(pointItems([50, 50, 50, 50, 3]));

  it('turns sprints into end dates, weekends skipped', () => {
    const result = forecast(backlog, { velocity: { kind: 'fixed', value: 30 }, start: '2026-03-02', sprintDays: 10 });
    expect(result.dates).toEqual({ start: '2026-03-02', end: '2026-06-05', from: 'start' });
  });

  it('gives each percentile its date', () => {
    const result = forecast(backlog, { velocity: { kind: 'history', values: [30] }, start: '2026-03-02', sprintDays: 5, trials: 10 });
    expect(result.dates?.percentiles).toEqual({ p50: '2026-04-17', p70: '2026-04-17', p85: '2026-04-17', p95: '2026-04-17' });
  });

  it('projects each scenario velocity', () => {
    const result = forecast(backlog, { velocity: { kind: 'fixed', value: 30 }, scenarios: [25, 30, 40], start: '2026-03-02' });
    expect(result.scenarios).toEqual([
      { velocity: 25, sprints: 9, durationDays: 90, end: '2026-07-03' },
      { velocity: 30, sprints: 7, durationDays: 70, end: '2026-06-05' },
      { velocity: 40, sprints: 6, durationDays: 60, end: '2026-05-22' },
    ]);
  });
});

describe('forecast: what the document states', () => {
  it('puts stated projections and totals beside the computed ones', () => {
    const claims: Claim[] = [
      { kind: 'total', scope, which: 'all', value: 200, unit: 'points', raw: 'Total Story Points: 200', source: at },
      { kind: 'projection', scope, velocity: 25, sprints: 8, raw: '25 pts/sprint | 8', source: { ...at, line: 40 } },
      { kind: 'projection', scope, velocity: 30, sprints: 7, raw: '30 pts/sprint | 7', source: { ...at, line: 41 } },
    ];
    const result = forecast(makeBacklog(pointItems([50, 50, 50, 50, 3]), { claims }), { velocity: { kind: 'fixed', value: 30 } });
    expect(result.stated).toEqual([
      {
        kind: 'total',
        which: 'all',
        unit: 'points',
        stated: 200,
        computed: 203,
        difference: 3,
        raw: 'Total Story Points: 200',
        source: at,
      },
      {
        kind: 'projection',
        velocity: 25,
        stated: 8,
        computed: 9,
        difference: 1,
        followsFromTotal: 200,
        raw: '25 pts/sprint | 8',
        source: { ...at, line: 40 },
      },
      { kind: 'projection', velocity: 30, stated: 7, computed: 7, difference: 0, raw: '30 pts/sprint | 7', source: { ...at, line: 41 } },
    ]);
  });
});
