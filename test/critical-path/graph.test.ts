import { describe, expect, it } from 'vitest';
import { buildDependencyGraph, CycleError, findCycles, formatCycle } from '../../src/analyze/graph.js';
import { item, makeBacklog } from '../helpers/make-backlog.js';

const at = (line: number) => ({ file: 'plan.md', line });

describe('buildDependencyGraph', () => {
  it('draws an edge from each prerequisite to its dependent, once, and leaves out items not given', () => {
    const graph = buildDependencyGraph([item('A'), item('B', { dependsOn: ['A', 'A'] }), item('C', { dependsOn: ['A', 'B', 'OUTSIDE'] })]);
    expect(graph.nodes().sort()).toEqual(['A', 'B', 'C']);
    expect(
      graph
        .edges()
        .map((edge) => `${edge.v}->${edge.w}`)
        .sort(),
    ).toEqual(['A->B', 'A->C', 'B->C']);
    expect(graph.node('B').id).toBe('B');
  });
});

describe('findCycles', () => {
  it('finds nothing in an acyclic backlog', () => {
    expect(findCycles(makeBacklog([item('A'), item('B', { dependsOn: ['A'] })]))).toEqual([]);
  });

  it('reports a self-dependency as a cycle of one', () => {
    const cycles = findCycles(makeBacklog([item('A'), item('B', { dependsOn: ['B'], source: at(7) })]));
    expect(cycles).toEqual([{ members: [{ id: 'B', source: at(7) }], component: ['B'] }]);
    expect(formatCycle(cycles[0])).toBe('B (plan.md:7) → B (plan.md:7)');
  });

  it('lists each cycle in dependency order from its first item in the document, with sources', () => {
    const backlog = makeBacklog([
      item('X'),
      item('C', { dependsOn: ['B'], source: at(3) }),
      item('A', { dependsOn: ['C'], source: at(4) }),
      item('B', { dependsOn: ['A'], source: at(5) }),
      item('P', { dependsOn: ['Q'], source: at(6) }),
      item('Q', { dependsOn: ['P', 'X'], source: at(7) }),
    ]);
    const cycles = findCycles(backlog);
    expect(cycles.map((cycle) => cycle.members.map((member) => member.id))).toEqual([
      ['C', 'A', 'B'],
      ['P', 'Q'],
    ]);
    expect(cycles.map(formatCycle)).toEqual([
      'C (plan.md:3) → A (plan.md:4) → B (plan.md:5) → C (plan.md:3)',
      'P (plan.md:6) → Q (plan.md:7) → P (plan.md:6)',
    ]);
  });

  it('gives the shortest chain through a tangle and names every item tangled with it', () => {
    // A → B → C → D → A and C → A: one component of four, shortest chain through A is A, B, C.
    const backlog = makeBacklog([
      item('A', { dependsOn: ['D', 'C'] }),
      item('B', { dependsOn: ['A'] }),
      item('C', { dependsOn: ['B'] }),
      item('D', { dependsOn: ['C'] }),
    ]);
    const [cycle, ...rest] = findCycles(backlog);
    expect(rest).toEqual([]);
    expect(cycle.members.map((member) => member.id)).toEqual(['A', 'B', 'C']);
    expect(cycle.component).toEqual(['A', 'B', 'C', 'D']);
  });

  it('walks a 10,000-item cycle without overflowing the stack', () => {
    const count = 10_000;
    const items = Array.from({ length: count }, (_, index) => item(`T${index}`, { dependsOn: [`T${(index + count - 1) % count}`] }));
    const cycles = findCycles(makeBacklog(items));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].members).toHaveLength(count);
    expect(cycles[0].members[0].id).toBe('T0');
    expect(cycles[0].members[count - 1].id).toBe(`T${count - 1}`);
  });

  it('orders numeric-looking IDs by the document, not by number', () => {
    const backlog = makeBacklog([item('10', { dependsOn: ['2'] }), item('2', { dependsOn: ['10'] })]);
    expect(findCycles(backlog)[0].members.map((member) => member.id)).toEqual(['10', '2']);
  });

  it('carries the cycles on CycleError with a one-line message', () => {
    const cycles = findCycles(makeBacklog([item('A', { dependsOn: ['A'], source: at(2) })]));
    const error = new CycleError(cycles);
    expect(error.cycles).toBe(cycles);
    expect(error.message).toBe('dependency cycle: A (plan.md:2) → A (plan.md:2)');
  });
});
