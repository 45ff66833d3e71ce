import { Graph } from '@dagrejs/graphlib';
import type { Backlog, Item } from '../model/types.js';

/** Edges run from prerequisite to dependent, the direction work flows; node labels are the items. */
export type DependencyGraph = Graph<unknown, Item, unknown>;

/**
 * The dependency graph over `items`. A dependency on an item outside `items` is left out, so a
 * part of the backlog (one sprint, one group) is a network of its own.
 */
export function buildDependencyGraph(items: readonly Item[]): DependencyGraph {
  const graph: DependencyGraph = new Graph({ directed: true });
  for (const item of items) graph.setNode(item.id, item);
  for (const item of items) {
    for (const prerequisite of item.dependsOn) {
      if (graph.hasNode(prerequisite)) graph.setEdge(prerequisite, item.id);
    }
  }
  return graph;
}

/**
 * Each item's successors as indexes into `items`, ascending, so that every walk over the graph
 * visits items in document order. (graphlib lists nodes in object-key order, which puts
 * numeric-looking IDs first.)
 */
export function successorIndexes(graph: DependencyGraph, items: readonly Item[]): number[][] {
  const index = new Map(items.map((item, position) => [item.id, position]));
  return items.map((item) => {
    const successors: number[] = [];
    for (const id of graph.successors(item.id) ?? []) {
      const position = index.get(id);
      if (position !== undefined) successors.push(position);
    }
    return successors.sort((a, b) => a - b);
  });
}

export interface CycleMember {
  id: string;
  source: { file: string; line: number };
}

export interface DependencyCycle {
  /**
   * The shortest closed chain through the tangle's first item (in document order), prerequisite
   * first: each member must finish before the next one starts, and the last before the first.
   * A self-dependency is a chain of one.
   */
  members: CycleMember[];
  /** Every item tangled with the chain (its strongly connected component), in document order. */
  component: string[];
}

/** Every dependency cycle among the backlog's items, in document order of their first members. */
export function findCycles(backlog: Backlog): DependencyCycle[] {
  return cyclesIn(buildDependencyGraph(backlog.items), backlog.items);
}

/** The cycles of a graph built from `items`. Linear in items and edges, and never recursive. */
export function cyclesIn(graph: DependencyGraph, items: readonly Item[]): DependencyCycle[] {
  const successors = successorIndexes(graph, items);
  const found: { first: number; cycle: DependencyCycle }[] = [];
  for (const component of stronglyConnectedComponents(successors)) {
    const first = component[0]!;
    if (component.length === 1 && !successors[first]!.includes(first)) continue;
    const chain = shortestCycleThrough(first, successors, new Set(component));
    found.push({
      first,
      cycle: {
        members: chain.map((position) => ({ id: items[position]!.id, source: items[position]!.source })),
        component: component.map((position) => items[position]!.id),
      },
    });
  }
  return found.sort((a, b) => a.first - b.first).map((entry) => entry.cycle);
}

/** One line for a message: `A (a.md:3) → B (a.md:9) → A (a.md:3)`. */
export function formatCycle(cycle: DependencyCycle): string {
  const members = cycle.members.map((member) => `${member.id} (${member.source.file}:${member.source.line})`);
  return [...members, members[0]].join(' → ');
}

/** A computation that needs an acyclic graph met cycles. */
export class CycleError extends Error {
  constructor(readonly cycles: DependencyCycle[]) {
    super(`dependency cycle: ${cycles.map(formatCycle).join('; ')}`);
    this.name = 'CycleError';
  }
}

/**
 * Tarjan's algorithm with an explicit stack (a recursive one overflows on a long chain). Each
 * component comes back sorted ascending.
 */
function stronglyConnectedComponents(successors: readonly number[][]): number[][] {
  const count = successors.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const walkNode = new Int32Array(count);
  const walkEdge = new Int32Array(count);
  const components: number[][] = [];
  let counter = 0;

  const enter = (node: number): void => {
    order[node] = counter;
    low[node] = counter;
    counter++;
    stack.push(node);
    onStack[node] = 1;
  };

  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    walkNode[0] = root;
    walkEdge[0] = 0;
    enter(root);
    while (depth >= 0) {
      const node = walkNode[depth]!;
      const edges = successors[node]!;
      if (walkEdge[depth]! < edges.length) {
        const next = edges[walkEdge[depth]!++]!;
        if (order[next] === -1) {
          enter(next);
          depth++;
          walkNode[depth] = next;
          walkEdge[depth] = 0;
        } else if (onStack[next]) {
          low[node] = Math.min(low[node]!, order[next]!);
        }
        continue;
      }
      if (low[node] === order[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component.sort((a, b) => a - b));
      }
      depth--;
      if (depth >= 0) {
        const parent = walkNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
    }
  }
  return components;
}

/** Breadth-first from `start` inside its component, so the chain reported is a shortest one. */
function shortestCycleThrough(start: number, successors: readonly number[][], component: ReadonlySet<number>): number[] {
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of successors[node]!) {
      if (next === start) return chainTo(node);
      if (!component.has(next) || parent.has(next)) continue;
      parent.set(next, node);
      queue.push(next);
    }
  }
  throw new Error(`item ${start} is in no cycle`);

  function chainTo(last: number): number[] {
    const chain: number[] = [];
    for (let node = last; node !== -1; node = parent.get(node)!) chain.push(node);
    return chain.reverse();
  }
}
