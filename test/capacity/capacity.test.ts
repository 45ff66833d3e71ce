import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/analyze/capacity.js';
import type { Claim, Sprint } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

const at = { file: 'test.md', line: 8, column: 1 };

function sprint(key: string, items: string[], overrides: Partial<Sprint> = {}): Sprint {
  return { name: `Sprint ${key}`, key, items, committed: 0, partial: {}, source: { file: 'test.md', line: 1, column: 1 }, ...overrides };
}

/** Sprint 1: 5 + 8 + 5 + 3 = 21 points; sprint 2: 13 + 13 = 26. */
const items = [
  item('A', { estimate: estimate(5), sprint: 'Sprint 1' }),
  item('B', { estimate: estimate(8), sprint: 'Sprint 1' }),
  item('C', { estimate: estimate(5), sprint: 'Sprint 1' }),
  item('D', { estimate: estimate(3), sprint: 'Sprint 1' }),
  item('E', { estimate: estimate(13), sprint: 'Sprint 2' }),
  item('F', { estimate: estimate(13), sprint: 'Sprint 2' }),
];
const sprints = [sprint('1', ['A', 'B', 'C', 'D']), sprint('2', ['E', 'F'])];

describe('capacity', () => {
  it('sums each sprint against the --capacity figure', () => {
    const result = capacity(makeBacklog(items, { sprints }), { capacity: 21 });
    expect(
      result.sprints.map(({ name, committed, capacity: limit, over, capacitySource }) => ({
        name,
        committed,
        limit,
        over,
        capacitySource,
      })),
    ).toEqual([
      { name: 'Sprint 1', committed: 21, limit: 21, over: false, capacitySource: 'option' },
      { name: 'Sprint 2', committed: 26, limit: 21, over: true, capacitySource: 'option' },
    ]);
  });

  it('takes the config capacity per sprint, by key or by name', () => {
    const result = capacity(makeBacklog(items, { sprints }), { configCapacity: { 'Sprint 1': 20, S2: 30 } });
    expect(result.sprints.map((row) => [row.capacity, row.over, row.capacitySource])).toEqual([
      [20, true, 'config'],
      [30, false, 'config'],
    ]);
  });

  it('prefers the option to the config, and the config to the document', () => {
    const claims: Claim[] = [
      {
        kind: 'capacity',
        scope: { file: 'test.md', sprint: '1' },
        value: 21,
        unit: 'points',
        raw: 'Capacity: 21 story points',
        source: at,
      },
    ];
    const backlog = makeBacklog(items, { sprints, claims });
    expect(capacity(backlog, { capacity: 10 }).sprints[0]).toMatchObject({ capacity: 10, capacitySource: 'option' });
    expect(capacity(backlog, { configCapacity: 25 }).sprints[0]).toMatchObject({ capacity: 25, capacitySource: 'config' });
    expect(capacity(backlog).sprints[0]).toMatchObject({
      capacity: 21,
      over: false,
      capacitySource: 'document',
      capacityClaim: { raw: 'Capacity: 21 story points', source: at },
    });
    expect(capacity(backlog).sprints[1]).toMatchObject({ capacity: null, over: false, capacitySource: null });
  });

  it('applies a file-wide stated capacity to the file’s only sprint', () => {
    const claims: Claim[] = [{ kind: 'capacity', scope: { file: 'test.md' }, value: 20, unit: null, raw: 'Capacity: 20', source: at }];
    const single = makeBacklog(items.slice(0, 4), { sprints: sprints.slice(0, 1), claims });
    expect(capacity(single).sprints[0]).toMatchObject({ committed: 21, capacity: 20, over: true, capacitySource: 'document' });
    const two = makeBacklog(items, { sprints, claims });
    expect(capacity(two).sprints.map((row) => row.capacity)).toEqual([null, null]);
  });

  it('converts a stated capacity in hours to a backlog in days', () => {
    const dayItems = [item('A', { estimate: estimate(2, 'days') }), item('B', { estimate: estimate(12, 'hours') })];
    const claims: Claim[] = [
      { kind: 'capacity', scope: { file: 'test.md', sprint: '1' }, value: 24, unit: 'hours', raw: 'Capacity: 24 hours', source: at },
    ];
    const backlog = makeBacklog(dayItems, { unit: 'days', sprints: [sprint('1', ['A', 'B'])], claims });
    expect(capacity(backlog).sprints[0]).toMatchObject({ committed: 3.5, capacity: 3, over: true });
    expect(capacity(backlog, { hoursPerDay: 6 }).sprints[0]).toMatchObject({ committed: 4, capacity: 4, over: false });
  });

  it('falls back to team size × working days for time estimates', () => {
    const dayItems = [item('A', { estimate: estimate(12, 'days') }), item('B', { estimate: estimate(9, 'days') })];
    const backlog = makeBacklog(dayItems, { unit: 'days', sprints: [sprint('1', ['A', 'B'])] });
    expect(capacity(backlog, { team: 2 }).sprints[0]).toMatchObject({ committed: 21, capacity: 20, over: true, capacitySource: 'team' });
    expect(capacity(backlog, { team: 2, sprintDays: 15 }).sprints[0]).toMatchObject({ capacity: 30, over: false });
    const claims: Claim[] = [{ kind: 'team-size', scope: { file: 'test.md' }, value: 3, raw: 'Team: 3 developers', source: at }];
    expect(capacity({ ...backlog, claims }).sprints[0]).toMatchObject({ capacity: 30, capacitySource: 'team' });
    // Points have no working days.
    expect(capacity(makeBacklog(items, { sprints }), { team: 2 }).sprints[0].capacity).toBeNull();
  });

  it('counts partial commitments in full and flags them with the note', () => {
    const partial = [sprint('1', ['A', 'B'], { partial: { B: 'partly for capture and notifications' } })];
    const result = capacity(makeBacklog(items.slice(0, 2), { sprints: partial }), { capacity: 12 });
    expect(result.sprints[0]).toMatchObject({
      committed: 13,
      over: true,
      partial: [{ item: 'B', note: 'partly for capture and notifications' }],
    });
  });

  it('lists committed items that add nothing, and leaves tasks of estimated stories out', () => {
    const mixed = [
      item('S', { estimate: estimate(5), children: ['S.1'] }),
      item('S.1', { estimate: estimate(3), parent: 'S' }),
      item('X'),
      item('Y', { estimate: estimate(2, 'days') }),
    ];
    const result = capacity(makeBacklog(mixed, { unit: 'points', sprints: [sprint('1', ['S', 'S.1', 'X', 'Y'])] }));
    expect(result.sprints[0]).toMatchObject({ committed: 5, leftOut: { otherUnit: ['Y'], unestimated: ['X'] } });
  });

  it('carries the total the document states for a sprint', () => {
    const claims: Claim[] = [
      {
        kind: 'total',
        scope: { file: 'test.md', sprint: '2' },
        which: 'all',
        value: 23,
        unit: 'points',
        raw: 'Total Points: 23',
        source: at,
      },
    ];
    const result = capacity(makeBacklog(items, { sprints, claims }));
    expect(result.sprints[0].stated).toBeUndefined();
    expect(result.sprints[1]).toMatchObject({ committed: 26, stated: { committed: 23, raw: 'Total Points: 23', source: at } });
  });

  it('is not over for floating-point noise', () => {
    const tenths = [item('A', { estimate: estimate(0.1) }), item('B', { estimate: estimate(0.2) })];
    expect(capacity(makeBacklog(tenths, { sprints: [sprint('1', ['A', 'B'])] }), { capacity: 0.3 }).sprints[0].over).toBe(false);
  });

  it('lists the sprints in the order they run and carries the dependency order', () => {
    const backlog = makeBacklog([item('A', { estimate: estimate(1) }), item('B', { estimate: estimate(1), dependsOn: ['A'] })], {
      sprints: [sprint('2', ['A']), sprint('1', ['B'])],
    });
    const result = capacity(backlog, { capacity: 5 });
    expect(result.sprints.map((row) => row.key)).toEqual(['1', '2']);
    expect(result.violations.map((violation) => violation.message)).toEqual([
      'B in Sprint 1 depends on A, committed to the later Sprint 2',
    ]);
  });

  it('is over exactly when committed exceeds capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 150 }),
        (sizes, limit) => {
          const list = sizes.map((size, index) => item(`I-${index}`, { estimate: estimate(size) }));
          const result = capacity(
            makeBacklog(list, {
              sprints: [
                sprint(
                  '1',
                  list.map((entry) => entry.id),
                ),
              ],
            }),
            { capacity: limit },
          );
          const committed = sizes.reduce((sum, size) => sum + size, 0);
          expect(result.sprints[0].committed).toBe(committed);
          expect(result.sprints[0].over).toBe(committed > limit);
        },
      ),
    );
  });
});
