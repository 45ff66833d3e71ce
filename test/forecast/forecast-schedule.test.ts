import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileListSchedule } from '../../src/analyze/forecast-schedule.js';
import { listSchedule } from '../../src/analyze/list-schedule.js';
import { priorityRanker } from '../../src/analyze/priority.js';
import { item } from '../helpers/make-backlog.js';

describe('compileListSchedule', () => {
  it('schedules like listSchedule, trial after trial, for any sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom('P0', 'P1', 'P2', null)), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 25, maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        (shape, workers, trials) => {
          // Dependencies only on earlier items: no cycles.
          const items = shape.map(([, links, priority], index) =>
            item(`I-${index}`, { priority, dependsOn: index === 0 ? [] : links.map((link) => `I-${link % index}`) }),
          );
          const rank = priorityRanker(items);
          const schedule = compileListSchedule(items, workers, rank)!;
          for (const sizes of [shape.map(([size]) => size), ...trials.map((trial) => trial.slice(0, items.length))]) {
            expect(schedule(Float64Array.from(sizes))).toBe(listSchedule(items, sizes, workers, rank).makespan);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is null when the dependencies have a cycle', () => {
    const items = [item('A', { dependsOn: ['B'] }), item('B', { dependsOn: ['A'] })];
    expect(compileListSchedule(items, 2, () => 0)).toBeNull();
  });

  it('answers 0 for no items', () => {
    expect(compileListSchedule([], 3, () => 0)!(new Float64Array(0))).toBe(0);
  });
});
