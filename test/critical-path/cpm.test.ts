import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { CycleError } from '../../src/analyze/graph.js';
import { UsageError } from '../../src/errors.js';
import type { Group } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { reliableBacklog } from './networks.js';

const points = (value: number) => estimate(value, 'points');

describe('criticalPath on a textbook network (Hillier & Lieberman, Reliable Construction)', () => {
  const result = criticalPath(reliableBacklog());
  const row = (id: string) => result.items.find((entry) => entry.id === id)!;

  it('finds the published length and critical path', () => {
    expect(result.unit).toBe('days');
    expect(result.length).toBe(44);
    expect(result.paths).toEqual([['A', 'B', 'C', 'E', 'F', 'J', 'L', 'N']]);
    expect(result.pathCount).toBe(1);
    expect(result.pathsTruncated).toBe(false);
  });

  it('gives every activity its published early and late dates and slack', () => {
    const table = Object.fromEntries(
      result.items.map((entry) => [entry.id, [entry.earlyStart, entry.earlyFinish, entry.lateStart, entry.lateFinish, entry.totalFloat]]),
    );
    expect(table).toEqual({
      A: [0, 2, 0, 2, 0],
      B: [2, 6, 2, 6, 0],
      C: [6, 16, 6, 16, 0],
      D: [16, 22, 20, 26, 4],
      E: [16, 20, 16, 20, 0],
      F: [20, 25, 20, 25, 0],
      G: [22, 29, 26, 33, 4],
      H: [29, 38, 33, 42, 4],
      I: [16, 23, 18, 25, 2],
      J: [25, 33, 25, 33, 0],
      K: [33, 37, 34, 38, 1],
      L: [33, 38, 33, 38, 0],
      M: [38, 40, 42, 44, 4],
      N: [38, 44, 38, 44, 0],
    });
  });

  it('computes free float: the slack before the first successor would move', () => {
    expect(Object.fromEntries(result.items.map((entry) => [entry.id, entry.freeFloat]))).toEqual({
      A: 0,
      B: 0,
      C: 0,
      D: 0,
      E: 0,
      F: 0,
      G: 0,
      H: 0,
      I: 2,
      J: 0,
      K: 1,
      L: 0,
      M: 4,
      N: 0,
    });
  });

  it('flags exactly the zero-float activities as critical', () => {
    expect(result.items.filter((entry) => entry.critical).map((entry) => entry.id)).toEqual(['A', 'B', 'C', 'E', 'F', 'J', 'L', 'N']);
    expect(row('D')).toMatchObject({ title: 'Put up the roof', duration: 6, critical: false, done: false });
  });
});

describe('criticalPath', () => {
  it('lists every critical path when several tie, in document order', () => {
    // Two chains of 9 points into Z, and a third of 8.
    const backlog = makeBacklog([
      item('A', { estimate: points(4) }),
      item('B', { estimate: points(5), dependsOn: ['A'] }),
      item('C', { estimate: points(6) }),
      item('D', { estimate: points(3), dependsOn: ['C'] }),
      item('E', { estimate: points(8) }),
      item('Z', { estimate: points(1), dependsOn: ['B', 'D', 'E'] }),
    ]);
    const result = criticalPath(backlog);
    expect(result.length).toBe(10);
    expect(result.paths).toEqual([
      ['A', 'B', 'Z'],
      ['C', 'D', 'Z'],
    ]);
    expect(result.items.find((entry) => entry.id === 'E')).toMatchObject({ totalFloat: 1, freeFloat: 1, critical: false });
  });

  it('caps the listing of critical paths and says so, without enumerating them all', () => {
    // 40 diamonds in a row: 2^40 critical paths.
    const items = [item('S0', { estimate: points(1) })];
    for (let index = 1; index <= 40; index++) {
      items.push(item(`U${index}`, { estimate: points(1), dependsOn: [`S${index - 1}`] }));
      items.push(item(`L${index}`, { estimate: points(1), dependsOn: [`S${index - 1}`] }));
      items.push(item(`S${index}`, { estimate: points(1), dependsOn: [`U${index}`, `L${index}`] }));
    }
    const result = criticalPath(makeBacklog(items), { maxPaths: 5 });
    expect(result.length).toBe(81);
    expect(result.paths).toHaveLength(5);
    expect(result.pathCount).toBe(2 ** 40);
    expect(result.pathsTruncated).toBe(true);
    expect(result.paths[0].slice(0, 4)).toEqual(['S0', 'U1', 'S1', 'U2']);
    for (const path of result.paths) expect(path).toHaveLength(81);
  });

  it('keeps floats exact when durations are fractions that do not add up exactly in binary', () => {
    // 0.1 + 0.2 ≠ 0.3 in floating point: both routes are critical all the same.
    const backlog = makeBacklog([
      item('A', { estimate: estimate(0.1, 'days') }),
      item('B', { estimate: estimate(0.2, 'days'), dependsOn: ['A'] }),
      item('C', { estimate: estimate(0.3, 'days') }),
      item('D', { estimate: estimate(1 / 3, 'days'), dependsOn: ['B', 'C'] }),
    ]);
    const result = criticalPath(backlog);
    expect(result.items.map((entry) => entry.totalFloat)).toEqual([0, 0, 0, 0]);
    expect(result.items.map((entry) => entry.freeFloat)).toEqual([0, 0, 0, 0]);
    expect(result.paths).toEqual([
      ['A', 'B', 'D'],
      ['C', 'D'],
    ]);
  });

  it('weighs done items nothing and keeps nothing waiting for them, unless asked to count them', () => {
    const backlog = makeBacklog([
      item('A', { estimate: points(5), done: true, status: 'Done' }),
      item('B', { estimate: points(3), dependsOn: ['A'] }),
      item('C', { estimate: points(4) }),
    ]);
    const remaining = criticalPath(backlog);
    expect(remaining.length).toBe(4);
    expect(remaining.paths).toEqual([['C']]);
    expect(remaining.items[0]).toMatchObject({ id: 'A', duration: 0, done: true, earlyStart: 0, totalFloat: 4, critical: false });
    expect(remaining.items[1]).toMatchObject({ id: 'B', earlyStart: 0, dependsOn: [] });
    const all = criticalPath(backlog, { all: true });
    expect(all.length).toBe(8);
    expect(all.paths).toEqual([['A', 'B']]);
  });

  it('names the items that weigh nothing because they have no estimate or one in another unit', () => {
    const backlog = makeBacklog([
      item('A', { estimate: estimate(2, 'days') }),
      item('B', { estimate: estimate(4, 'hours'), dependsOn: ['A'] }),
      item('C', { estimate: points(8), dependsOn: ['B'] }),
      item('D', { dependsOn: ['C'] }),
      item('E', { done: true }),
    ]);
    const result = criticalPath(backlog);
    expect(result.unit).toBe('days');
    expect(result.length).toBe(2.5);
    expect(result.unestimated).toEqual(['D']);
    expect(result.otherUnit).toEqual(['C']);
    expect(result.paths).toEqual([['A', 'B', 'C', 'D']]);
  });

  it('converts hours with the configured working day', () => {
    const backlog = makeBacklog([
      item('A', { estimate: estimate(1, 'days') }),
      item('B', { estimate: estimate(6, 'hours'), dependsOn: ['A'] }),
    ]);
    expect(criticalPath(backlog, { hoursPerDay: 6 }).length).toBe(2);
  });

  it('restricts to a sprint by name or key, dropping dependencies on other sprints', () => {
    const backlog = makeBacklog([
      item('A', { estimate: points(5), sprint: 'Sprint 4' }),
      item('B', { estimate: points(3), sprint: 'Sprint 5', dependsOn: ['A'] }),
      item('C', { estimate: points(2), sprint: 'Sprint 5', dependsOn: ['B'] }),
    ]);
    backlog.sprints.find((sprint) => sprint.name === 'Sprint 5')!.key = '5';
    for (const name of ['Sprint 5', 'sprint 5', '5', 'S5']) {
      const result = criticalPath(backlog, { sprint: name });
      expect(result.items.map((entry) => entry.id)).toEqual(['B', 'C']);
      expect(result.length).toBe(5);
      expect(result.outside).toEqual(['A']);
    }
    expect(criticalPath(backlog).outside).toEqual([]);
    expect(() => criticalPath(backlog, { sprint: 'S9' })).toThrow(
      new UsageError('no sprint "S9" in the backlog (sprints: Sprint 4, Sprint 5)'),
    );
  });

  it('restricts to a group by name or ID', () => {
    const group = (id: string, name: string, items: string[]): Group => ({
      id,
      name,
      items,
      release: null,
      source: { file: 'test.md', line: 1, column: 1 },
    });
    const backlog = makeBacklog([item('A', { estimate: points(5) }), item('B', { estimate: points(3), dependsOn: ['A'] })], {
      groups: [group('EP-01', 'Billing', ['A']), group('EP-02', 'Audit', ['B'])],
    });
    expect(criticalPath(backlog, { group: 'ep-02' }).items.map((entry) => entry.id)).toEqual(['B']);
    expect(criticalPath(backlog, { group: 'Billing' }).length).toBe(5);
    expect(() => criticalPath(backlog, { group: 'Search' })).toThrow('no group "Search" in the backlog (groups: EP-01, EP-02)');
  });

  it('counts a story once, not its tasks, and gives it its tasks’ dependencies', () => {
    const backlog = makeBacklog([
      item('S1', { estimate: points(5), children: ['T1', 'T2'] }),
      item('T1', { estimate: points(2), parent: 'S1' }),
      item('T2', { estimate: points(3), parent: 'S1', dependsOn: ['T1', 'X'] }),
      item('X', { estimate: points(4) }),
      item('Y', { estimate: points(1), dependsOn: ['T2'] }),
    ]);
    const result = criticalPath(backlog);
    expect(result.items.map((entry) => entry.id)).toEqual(['S1', 'X', 'Y']);
    expect(result.paths).toEqual([['X', 'S1', 'Y']]);
    expect(result.length).toBe(10);
  });

  it('throws CycleError naming every cycle', () => {
    const backlog = makeBacklog([
      item('A', { estimate: points(1), dependsOn: ['B'] }),
      item('B', { estimate: points(1), dependsOn: ['A'] }),
      item('C', { estimate: points(1), dependsOn: ['C'] }),
    ]);
    expect(() => criticalPath(backlog)).toThrow(CycleError);
    try {
      criticalPath(backlog);
    } catch (error) {
      expect((error as CycleError).cycles.map((cycle) => cycle.members.map((member) => member.id))).toEqual([['A', 'B'], ['C']]);
    }
  });

  it('answers an empty result for a backlog without items', () => {
    expect(criticalPath(makeBacklog([]))).toEqual({
      unit: null,
      length: 0,
      lengthIn: 'items',
      paths: [],
      pathCount: 0,
      pathsTruncated: false,
      items: [],
      unestimated: [],
      otherUnit: [],
      outside: [],
      work: 0,
      dependencyCount: 0,
    });
  });

  it('counts items when nothing is estimated: the length is the number of items on the longest chain', () => {
    const unestimated = criticalPath(
      makeBacklog([
        item('A'),
        item('B', { dependsOn: ['A'] }),
        item('C', { dependsOn: ['B'] }),
        item('D', { dependsOn: ['A'] }),
        item('E', { done: true }),
        item('F', { dependsOn: ['E'] }),
      ]),
    );
    expect([unestimated.unit, unestimated.length, unestimated.lengthIn]).toEqual([null, 3, 'items']);
    expect(unestimated.paths).toEqual([['A', 'B', 'C']]);
    expect(unestimated.items.map((entry) => [entry.id, entry.duration, entry.totalFloat, entry.critical])).toEqual([
      ['A', 1, 0, true],
      ['B', 1, 0, true],
      ['C', 1, 0, true],
      ['D', 1, 1, false],
      // Done work weighs nothing, as with estimates, and nothing waits for it.
      ['E', 0, 3, false],
      ['F', 1, 2, false],
    ]);
    expect(unestimated.unestimated).toEqual([]);

    const all = criticalPath(makeBacklog([item('E', { done: true }), item('F', { dependsOn: ['E'] })]), { all: true });
    expect([all.length, all.paths]).toEqual([2, [['E', 'F']]]);

    // One estimate anywhere in the part, and the rest weigh nothing as before.
    const some = criticalPath(makeBacklog([item('A', { estimate: estimate(2) }), item('B', { dependsOn: ['A'] })]));
    expect([some.unit, some.length, some.lengthIn, some.unestimated]).toEqual(['points', 2, 'unit', ['B']]);
  });

  it('runs a 10,000-item chain without overflowing the stack', () => {
    const count = 10_000;
    const items = Array.from({ length: count }, (_, index) =>
      item(`T${index}`, { estimate: points(1), dependsOn: index ? [`T${index - 1}`] : [] }),
    );
    const result = criticalPath(makeBacklog(items));
    expect(result.length).toBe(count);
    expect(result.paths).toHaveLength(1);
    expect(result.paths[0]).toHaveLength(count);
    expect(result.items.every((entry) => entry.critical)).toBe(true);
  });

  it('reports a 10,000-item cycle as one cycle', () => {
    const count = 10_000;
    const items = Array.from({ length: count }, (_, index) =>
      item(`T${index}`, { estimate: points(1), dependsOn: [`T${(index + 1) % count}`] }),
    );
    try {
      criticalPath(makeBacklog(items));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CycleError);
      expect((error as CycleError).cycles[0].members).toHaveLength(count);
    }
  });
});

describe('a task that names its own story', () => {
  it('is where the task belongs, not a cycle: the story still waits for what it depends on', () => {
    const backlog = makeBacklog([
      item('S1', { estimate: estimate(5), dependsOn: ['S2'], children: ['T1'] }),
      item('T1', { estimate: estimate(2), parent: 'S1', dependsOn: ['S1'] }),
      item('S2', { estimate: estimate(3) }),
    ]);
    const result = criticalPath(backlog);
    expect(result.length).toBe(8);
    expect(result.paths).toEqual([['S2', 'S1']]);
  });
});
