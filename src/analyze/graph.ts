import { Graph } from '@dagrejs/graphlib';
import { titledLabel } from '../model/item-label.js';
import type { Backlog, Item } from '../model/types.js';
import { compileAdjacency, type Adjacency } from './adjacency.js';

/** Edges run from prerequisite to dependent, the direction work flows; node labels are the items. */
export type DependencyGraph = Graph<unknown, Item, unknown>;

/**
 * The dependency graph over `items` as a graphlib graph, for library users who want one. A
 * dependency on an item outside `items` is left out, so a part of the backlog (one sprint, one
 * group) is a network of its own. The analyses themselves walk the same edges as index arrays
 * (`compileAdjacency`): a graphlib graph costs about twenty times as much to build.
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

export interface CycleMember {
  id: string;
  source: { file: string; line: number };
  /** The item's title, when the document gives it no ID: messages name it by title and place. */
  title?: string;
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
  return cyclesIn(compileAdjacency(backlog.items), backlog.items);
}

/** The cycles among `items`, given their adjacency. Linear in items and edges, and never recursive. */
export function cyclesIn(adjacency: Adjacency, items: readonly Item[]): DependencyCycle[] {
  const componentOf = new Int32Array(items.length).fill(-1);
  const components = tangledComponents(adjacency, componentOf);
  const search = new BreadthFirstSearch(adjacency, componentOf);
  return components
    .map((component) => ({ first: component[0], component }))
    .sort((a, b) => a.first - b.first)
    .map(({ first, component }) => ({
      members: search.shortestCycleThrough(first).map((position) => cycleMember(items[position])),
      component: component.map((position) => items[position].id),
    }));
}

function cycleMember(item: Item): CycleMember {
  const member: CycleMember = { id: item.id, source: item.source };
  if (item.anonymous) member.title = item.title;
  return member;
}

/** One line for a message: `A (a.md:3) → B (a.md:9) → A (a.md:3)`; work without an ID by its title. */
export function formatCycle(cycle: DependencyCycle): string {
  const members = cycle.members.map((member) =>
    member.title === undefined
      ? `${member.id} (${member.source.file}:${member.source.line})`
      : titledLabel(member.title, `${member.source.file}:${member.source.line}`),
  );
  return [...members, members[0]].join(' → ');
}

/** A computation that needs an acyclic graph met cycles. */
export class CycleError extends Error {
  constructor(readonly cycles: DependencyCycle[]) {
    super(`dependency cycle: ${cycles.map(formatCycle).join('; ')}`);
    this.name = 'CycleError';
  }
}

function dependsOnItself({ successorStart, successors }: Adjacency, node: number): boolean {
  for (let edge = successorStart[node]; edge < successorStart[node + 1]; edge++) if (successors[edge] === node) return true;
  return false;
}

/**
 * Tarjan's algorithm with an explicit stack (a recursive one overflows on a long chain). Answers
 * the components that hold a cycle (several items, or one that depends on itself), each sorted
 * ascending, and numbers their members in `componentOf` by their place in the answer. An acyclic
 * backlog allocates nothing per item.
 */
function tangledComponents(adjacency: Adjacency, componentOf: Int32Array): number[][] {
  const { successorStart, successors } = adjacency;
  const count = componentOf.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const walkNode = new Int32Array(count);
  // The next edge to follow from each node on the walk, as an index into `successors`.
  const walkEdge = new Int32Array(count);
  const components: number[][] = [];
  let counter = 0;

  const enter = (node: number, depth: number): void => {
    order[node] = counter;
    low[node] = counter;
    counter++;
    stack.push(node);
    onStack[node] = 1;
    walkNode[depth] = node;
    walkEdge[depth] = successorStart[node]!;
  };

  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    enter(root, depth);
    while (depth >= 0) {
      const node = walkNode[depth];
      if (walkEdge[depth] < successorStart[node + 1]) {
        const next = successors[walkEdge[depth]++];
        if (order[next] === -1) {
          depth++;
          enter(next, depth);
        } else if (onStack[next]) {
          low[node] = Math.min(low[node], order[next]);
        }
        continue;
      }
      if (low[node] === order[node]) {
        // The component is the stack down to `node`: one item alone when `node` is on top.
        if (stack[stack.length - 1] === node && !dependsOnItself(adjacency, node)) {
          stack.pop();
          onStack[node] = 0;
        } else {
          const component: number[] = [];
          let member: number;
          do {
            member = stack.pop()!;
            onStack[member] = 0;
            componentOf[member] = components.length;
            component.push(member);
          } while (member !== node);
          components.push(component.sort((a, b) => a - b));
        }
      }
      depth--;
      if (depth >= 0) {
        const parent = walkNode[depth];
        low[parent] = Math.min(low[parent], low[node]);
      }
    }
  }
  return components;
}

/**
 * Breadth-first searches confined to one strongly connected component each. The arrays are
 * shared by every search and only the nodes a search reached are reset after it, so that many
 * small cycles cost their own size, not the backlog's each.
 */
class BreadthFirstSearch {
  private readonly parent: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly adjacency: Adjacency,
    private readonly componentOf: Int32Array,
  ) {
    this.parent = new Int32Array(componentOf.length).fill(UNREACHED);
    this.queue = new Int32Array(componentOf.length);
  }

  /** The shortest closed chain from `start` back to itself, `start` first. */
  shortestCycleThrough(start: number): number[] {
    const { parent, queue, componentOf } = this;
    const { successorStart, successors } = this.adjacency;
    parent[start] = NO_PARENT;
    queue[0] = start;
    let tail = 1;
    let last = -1;
    for (let head = 0; head < tail && last === -1; head++) {
      const node = queue[head];
      for (let edge = successorStart[node]; edge < successorStart[node + 1]; edge++) {
        const next = successors[edge];
        if (next === start) {
          last = node;
          break;
        }
        if (componentOf[next] !== componentOf[start] || parent[next] !== UNREACHED) continue;
        parent[next] = node;
        queue[tail++] = next;
      }
    }
    if (last === -1) throw new Error(`item ${start} is in no cycle`);
    const chain: number[] = [];
    for (let node = last; node !== NO_PARENT; node = parent[node]!) chain.push(node);
    for (let index = 0; index < tail; index++) parent[queue[index]] = UNREACHED;
    return chain.reverse();
  }
}

const UNREACHED = -2;
const NO_PARENT = -1;
