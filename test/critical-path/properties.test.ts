import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import type { Item } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

/**
 * Random DAGs: item k may depend on any item before it in a hidden topological order, and the
 * items are then shuffled so the document order is not a topological one. Durations include
 * fractions that do not add up exactly in binary, zeros, done and unestimated items.
 */
const DURATIONS = [0, 0.1, 0.2, 0.3, 1 / 3, 0.5, 1, 2, 3, 5, 8, 13];

const dag = fc
  .integer({ min: 0, max: 30 })
  .chain((count) =>
    fc.record({
      durations: fc.array(fc.option(fc.constantFrom(...DURATIONS), { nil: null, freq: 8 }), { minLength: count, maxLength: count }),
      done: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
      spreads: fc.array(fc.constantFrom(0, 0.5, 2), { minLength: count, maxLength: count }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: count * 3 }),
      order: fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
    }),
  )
  .map(({ durations, done, spreads, edges, order }) => {
    const count = durations.length;
    const dependsOn: string[][] = Array.from({ length: count }, () => []);
    for (const [a, b] of edges) {
      if (count < 2) break;
      const [from, to] = [a % count, b % count].sort((x, y) => x - y);
      if (from !== to) dependsOn[to].push(`T${from}`);
    }
    const items = durations.map((duration, index): Item =>
      item(`T${index}`, {
        dependsOn: dependsOn[index],
        done: done[index] && index % 3 === 0,
        estimate:
          duration === null
            ? null
            : spreads[index] && duration > 0
              ? estimate(duration, 'points', { low: Math.max(0, duration - spreads[index]), high: duration + spreads[index] })
              : estimate(duration, 'points'),
      }),
    );
    return makeBacklog(
      order.map((index) => items[index]),
      { unit: 'points' },
    );
  });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('critical path invariants over random DAGs', () => {
  it('has non-negative floats, zero float exactly on critical items (when there is work), and length = max early finish', () => {
    fc.assert(
      fc.property(dag, fc.boolean(), (backlog, all) => {
        const result = criticalPath(backlog, { all });
        const byId = new Map(result.items.map((entry) => [entry.id, entry]));
        expect(result.length).toBe(Math.max(0, ...result.items.map((entry) => entry.earlyFinish)));
        for (const entry of result.items) {
          expect(entry.totalFloat).toBeGreaterThanOrEqual(0);
          expect(entry.freeFloat).toBeGreaterThanOrEqual(0);
          expect(entry.freeFloat).toBeLessThanOrEqual(entry.totalFloat);
          expect(entry.critical).toBe(entry.totalFloat === 0 && result.length > 0);
          expect(close(entry.lateStart, entry.earlyStart + entry.totalFloat)).toBe(true);
          expect(entry.lateFinish).toBeLessThanOrEqual(result.length);
          for (const id of entry.dependsOn) expect(entry.earlyStart).toBeGreaterThanOrEqual(byId.get(id)!.earlyFinish);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a brute-force longest path', () => {
    fc.assert(
      fc.property(dag, (backlog) => {
        const result = criticalPath(backlog);
        const byId = new Map(result.items.map((entry) => [entry.id, entry]));
        const memo = new Map<string, number>();
        const finish = (id: string): number => {
          if (!memo.has(id)) {
            const entry = byId.get(id)!;
            memo.set(id, Math.max(0, ...entry.dependsOn.map(finish)) + entry.duration);
          }
          return memo.get(id)!;
        };
        for (const entry of result.items) expect(close(entry.earlyFinish, finish(entry.id))).toBe(true);
        expect(close(result.length, Math.max(0, ...result.items.map((entry) => finish(entry.id))))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('lists only critical chains of dependencies whose durations add up to the length', () => {
    fc.assert(
      fc.property(dag, (backlog) => {
        const result = criticalPath(backlog, { maxPaths: 20 });
        const byId = new Map(result.items.map((entry) => [entry.id, entry]));
        expect(result.pathsTruncated).toBe(result.pathCount > result.paths.length);
        expect(result.paths.length).toBe(Math.min(20, result.pathCount));
        expect(new Set(result.paths.map((path) => path.join(' '))).size).toBe(result.paths.length);
        if (result.length > 0) expect(result.pathCount).toBeGreaterThan(0);
        for (const path of result.paths) {
          const entries = path.map((id) => byId.get(id)!);
          expect(entries.every((entry) => entry.critical)).toBe(true);
          expect(entries[0].earlyStart).toBe(0);
          for (let index = 1; index < entries.length; index++) expect(entries[index].dependsOn).toContain(entries[index - 1].id);
          expect(
            close(
              entries.reduce((sum, entry) => sum + entry.duration, 0),
              result.length,
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('simulates lengths between the all-optimistic and all-pessimistic schedules', () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: 0, max: 1000 }), (backlog, seed) => {
        const result = criticalPath(backlog, { simulate: { trials: 40, seed } });
        const simulation = result.simulation!;
        const bound = (side: 'low' | 'high') =>
          criticalPath({
            ...backlog,
            items: backlog.items.map((entry) =>
              entry.estimate ? { ...entry, estimate: { ...entry.estimate, kind: 'single', expected: entry.estimate[side] } } : entry,
            ),
          }).length;
        const { p50, p85, p95 } = simulation.percentiles;
        expect(p50).toBeLessThanOrEqual(p85);
        expect(p85).toBeLessThanOrEqual(p95);
        expect(p50).toBeGreaterThanOrEqual(bound('low') - 1e-9);
        expect(p95).toBeLessThanOrEqual(bound('high') + 1e-9);
        for (const share of Object.values(simulation.criticality)) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});
