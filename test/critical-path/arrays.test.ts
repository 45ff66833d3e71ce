import { alg, type Graph } from '@dagrejs/graphlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAdjacency, type Adjacency } from '../../src/analyze/adjacency.js';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { buildDependencyGraph, CycleError, findCycles, type DependencyGraph } from '../../src/analyze/graph.js';
import { compileNetwork } from '../../src/analyze/network.js';
import type { Backlog, Item } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

/**
 * The analyses walk the dependency graph as index arrays; the graphlib graph that
 * `buildDependencyGraph` offers (and that they were first written over) is the reference here:
 * the same edges, the same cycles, and a CPM computed over it by the textbook recursions gives
 * the very same numbers.
 */

/** IDs that graphlib would list out of document order (numeric-looking keys first). */
const idFor = (index: number) => (index % 3 === 0 ? String(100 - index) : `T${index}`);

/** Any directed graph: self-dependencies, repeated and outside references included. */
const digraph = fc.integer({ min: 0, max: 25 }).chain((count) =>
  fc.array(fc.tuple(fc.nat({ max: Math.max(0, count - 1) }), fc.nat({ max: count + 1 })), { maxLength: count * 3 }).map((edges) => {
    const dependsOn: string[][] = Array.from({ length: count }, () => []);
    // A target past the last item is a reference to an item outside the backlog.
    for (const [dependent, prerequisite] of edges)
      if (count > 0) dependsOn[dependent].push(prerequisite < count ? idFor(prerequisite) : 'OUTSIDE');
    return dependsOn.map((list, index) => item(idFor(index), { dependsOn: list, source: { file: 'g.md', line: index + 1 } }));
  }),
);

const DURATIONS = [0, 0.1, 0.2, 1 / 3, 0.5, 1, 2, 3, 5, 8];

/** DAGs whose document order is not a topological one, with fractional and missing estimates. */
const dag = fc.integer({ min: 0, max: 25 }).chain((count) =>
  fc
    .record({
      durations: fc.array(fc.option(fc.constantFrom(...DURATIONS), { nil: null, freq: 8 }), { minLength: count, maxLength: count }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: count * 3 }),
      order: fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
    })
    .map(({ durations, edges, order }) => {
      const dependsOn: string[][] = Array.from({ length: count }, () => []);
      for (const [a, b] of edges) {
        const [from, to] = [a % count, b % count].sort((x, y) => x - y);
        if (from !== to) dependsOn[to].push(idFor(from));
      }
      const items = durations.map((duration, index) =>
        item(idFor(index), { dependsOn: dependsOn[index], estimate: duration === null ? null : estimate(duration) }),
      );
      return makeBacklog(
        order.map((index) => items[index]),
        { unit: 'points' },
      );
    }),
);

function listsOf(start: Int32Array, targets: Int32Array): number[][] {
  return Array.from({ length: start.length - 1 }, (_, node) => [...targets.subarray(start[node], start[node + 1])]);
}

function graphlibLists(items: readonly Item[]): { successors: number[][]; predecessors: number[][] } {
  const graph = buildDependencyGraph(items);
  const position = new Map(items.map((entry, index) => [entry.id, index]));
  const positions = (ids: string[] | void) => (ids ?? []).map((id) => position.get(id)!).sort((a, b) => a - b);
  return {
    successors: items.map((entry) => positions(graph.successors(entry.id))),
    predecessors: items.map((entry) => positions(graph.predecessors(entry.id))),
  };
}

/** graphlib's algorithms are typed for its default labels; they never read the labels. */
const plain = (graph: DependencyGraph) => graph as unknown as Graph;

const hasEdge = (adjacency: Adjacency, from: number, to: number) =>
  adjacency.successors.subarray(adjacency.successorStart[from], adjacency.successorStart[from + 1]).includes(to);

describe('dependency graph as index arrays, against graphlib', () => {
  it('holds the same edges, each list ascending in document order', () => {
    fc.assert(
      fc.property(digraph, (items) => {
        const adjacency = compileAdjacency(items);
        expect({
          successors: listsOf(adjacency.successorStart, adjacency.successors),
          predecessors: listsOf(adjacency.predecessorStart, adjacency.predecessors),
        }).toEqual(graphlibLists(items));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the cycles graphlib finds, each with a shortest chain through its first item', () => {
    fc.assert(
      fc.property(digraph, (items) => {
        const graph = buildDependencyGraph(items);
        const position = new Map(items.map((entry, index) => [entry.id, index]));
        const byPosition = (ids: string[]) => ids.map((id) => position.get(id)!).sort((a, b) => a - b);
        const expected = alg
          .findCycles(plain(graph))
          .map(byPosition)
          .sort((a, b) => a[0] - b[0]);
        const cycles = findCycles(makeBacklog(items));
        expect(cycles.map((cycle) => byPosition(cycle.component))).toEqual(expected);

        const adjacency = compileAdjacency(items);
        for (const cycle of cycles) {
          const chain = cycle.members.map((member) => position.get(member.id)!);
          expect(chain[0]).toBe(position.get(cycle.component[0]));
          chain.forEach((node, index) => expect(hasEdge(adjacency, node, chain[(index + 1) % chain.length])).toBe(true));
          // Shortest: one more than the distance from the first item to its nearest prerequisite.
          const first = cycle.component[0];
          const distance = alg.dijkstra(plain(graph), first);
          const nearest = Math.min(...(graph.predecessors(first) ?? []).map((id) => distance[id].distance));
          expect(chain).toHaveLength(nearest + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders every item after its prerequisites exactly when graphlib calls the graph acyclic', () => {
    fc.assert(
      fc.property(digraph, (items) => {
        const graph = buildDependencyGraph(items);
        if (!alg.isAcyclic(plain(graph))) {
          expect(() => compileNetwork(items)).toThrow(CycleError);
          return;
        }
        const network = compileNetwork(items);
        const place = new Int32Array(items.length);
        network.order.forEach((node, index) => {
          place[node] = index;
        });
        expect([...network.order].sort((a, b) => a - b)).toEqual(items.map((_, index) => index));
        for (const edge of graph.edges()) {
          const from = items.findIndex((entry) => entry.id === edge.v);
          const to = items.findIndex((entry) => entry.id === edge.w);
          expect(place[from]).toBeLessThan(place[to]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * CPM by the textbook over graphlib: early dates forward in graphlib's topological order, late
 * dates backward, with the same rounding tolerance; every critical path listed by brute force.
 */
function referenceCpm(backlog: Backlog, limit: number) {
  const items = backlog.items;
  const graph = buildDependencyGraph(items);
  const position = new Map(items.map((entry, index) => [entry.id, index]));
  const inDocumentOrder = (ids: string[] | void) => [...(ids ?? [])].sort((a, b) => position.get(a)! - position.get(b)!);
  // With nothing estimated, each item counts 1.
  const counting = !items.some((entry) => entry.estimate);
  const duration = (id: string) => (counting ? 1 : (graph.node(id).estimate?.expected ?? 0));
  const topological = alg.topsort(plain(graph));

  const earlyStart = new Map<string, number>();
  const earlyFinish = new Map<string, number>();
  for (const id of topological) {
    const start = Math.max(0, ...(graph.predecessors(id) ?? []).map((previous) => earlyFinish.get(previous)!));
    earlyStart.set(id, start);
    earlyFinish.set(id, start + duration(id));
  }
  const length = Math.max(0, ...earlyFinish.values());
  const tolerance = 1e-9 * Math.max(1, length);
  const lateStart = new Map<string, number>();
  const lateFinish = new Map<string, number>();
  for (const id of [...topological].reverse()) {
    const finish = Math.min(length, ...(graph.successors(id) ?? []).map((next) => lateStart.get(next)!));
    const snapped = finish - earlyFinish.get(id)! <= tolerance;
    lateFinish.set(id, snapped ? earlyFinish.get(id)! : finish);
    lateStart.set(id, snapped ? earlyStart.get(id)! : finish - duration(id));
  }
  const totalFloat = (id: string) => lateStart.get(id)! - earlyStart.get(id)!;
  const critical = (id: string) => length > 0 && totalFloat(id) === 0;
  const tight = (from: string, to: string) => earlyStart.get(to)! - earlyFinish.get(from)! <= tolerance;
  const freeFloat = (id: string) => {
    const slack = Math.min(
      length - earlyFinish.get(id)!,
      ...(graph.successors(id) ?? []).map((next) => earlyStart.get(next)! - earlyFinish.get(id)!),
    );
    return slack <= tolerance ? 0 : Math.min(slack, totalFloat(id));
  };

  const criticalNext = (id: string) => inDocumentOrder(graph.successors(id)).filter((next) => critical(next) && tight(id, next));
  const starts = items.filter(
    (entry) =>
      critical(entry.id) && !(graph.predecessors(entry.id) ?? []).some((previous) => critical(previous) && tight(previous, entry.id)),
  );
  const paths: string[][] = [];
  let count = 0;
  const walk = (chain: string[]) => {
    const next = criticalNext(chain.at(-1)!);
    if (next.length === 0) {
      count++;
      if (paths.length < limit) paths.push(chain);
    }
    for (const id of next) walk([...chain, id]);
  };
  for (const start of starts) walk([start.id]);

  return {
    length,
    paths,
    pathCount: count,
    pathsTruncated: count > paths.length,
    items: items.map((entry) => ({
      id: entry.id,
      title: entry.title,
      duration: duration(entry.id),
      earlyStart: earlyStart.get(entry.id),
      earlyFinish: earlyFinish.get(entry.id),
      lateStart: lateStart.get(entry.id),
      lateFinish: lateFinish.get(entry.id),
      totalFloat: totalFloat(entry.id),
      freeFloat: freeFloat(entry.id),
      critical: critical(entry.id),
      done: false,
      dependsOn: inDocumentOrder(graph.predecessors(entry.id)),
    })),
  };
}

describe('CPM over index arrays, against a textbook CPM over graphlib', () => {
  it('gives exactly the same dates, floats, critical flags and critical paths', () => {
    fc.assert(
      fc.property(dag, fc.integer({ min: 1, max: 6 }), (backlog, limit) => {
        const result = criticalPath(backlog, { maxPaths: limit });
        const { length, paths, pathCount, pathsTruncated, items } = result;
        expect({ length, paths, pathCount, pathsTruncated, items }).toEqual(referenceCpm(backlog, limit));
      }),
      { numRuns: 300 },
    );
  });
});
