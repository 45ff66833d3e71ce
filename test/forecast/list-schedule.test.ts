import { describe, expect, it } from 'vitest';
import { listSchedule, priorityTopologicalOrder } from '../../src/analyze/list-schedule.js';
import { priorityRanker } from '../../src/analyze/priority.js';
import { estimate, item } from '../helpers/make-backlog.js';

describe('priorityTopologicalOrder', () => {
  it('puts prerequisites first, then priority, then document order', () => {
    const items = [
      item('LOW', { priority: 'Low' }),
      item('AFTER', { priority: 'Critical', dependsOn: ['LOW'] }),
      item('HIGH', { priority: 'High' }),
      item('NONE'),
      item('HIGH-2', { priority: 'High' }),
    ];
    const { order, blocked } = priorityTopologicalOrder(items, priorityRanker(items));
    expect(order.map((index) => items[index].id)).toEqual(['HIGH', 'HIGH-2', 'LOW', 'AFTER', 'NONE']);
    expect(blocked).toEqual([]);
  });

  it('lists the items a cycle holds back', () => {
    const items = [item('A', { dependsOn: ['C'] }), item('B', { dependsOn: ['A'] }), item('C', { dependsOn: ['B'] }), item('D')];
    expect(priorityTopologicalOrder(items, () => 0)).toEqual({ order: [3], blocked: ['A', 'B', 'C'] });
  });
});

describe('listSchedule', () => {
  it('gives each free person the first ready item of the list', () => {
    // Two people. L1 and S start at 0; S ends at 1 and its person takes L2 (ends 11).
    const items = [item('L1', { priority: 'P0' }), item('S', { priority: 'P1' }), item('L2', { priority: 'P2' })];
    expect(listSchedule(items, [10, 1, 10], 2, priorityRanker(items))).toEqual({ makespan: 11, blocked: [] });
  });

  it('waits for prerequisites', () => {
    const items = [item('A'), item('B', { dependsOn: ['A'] }), item('C')];
    // One person: everything in a row. Three: B still waits for A.
    expect(listSchedule(items, [4, 4, 4], 1, () => 0).makespan).toBe(12);
    expect(listSchedule(items, [4, 4, 4], 3, () => 0).makespan).toBe(8);
  });

  it('ignores dependencies on items outside the list (done, or not work)', () => {
    const items = [item('A', { dependsOn: ['GONE'], estimate: estimate(3) })];
    expect(listSchedule(items, [3], 2, () => 0).makespan).toBe(3);
  });

  it('frees every item that ends at one moment before anyone picks again', () => {
    // The list is A, B, Y, Z, X. A and B end together at 2 and free X, Y and Z: both people take
    // the first two of the list (Y, Z), and X waits until 3. Handing A's person the first item
    // A alone freed would have started X at 2.
    const items = [
      item('A', { priority: 'P0' }),
      item('B', { priority: 'P0' }),
      item('X', { priority: 'P3', dependsOn: ['A'] }),
      item('Y', { priority: 'P1', dependsOn: ['B'] }),
      item('Z', { priority: 'P1', dependsOn: ['B'] }),
    ];
    expect(listSchedule(items, [2, 2, 10, 1, 1], 2, priorityRanker(items)).makespan).toBe(13);
  });
});
