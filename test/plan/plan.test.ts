import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/analyze/plan.js';
import { UsageError } from '../../src/errors.js';
import type { Sprint } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

function sprint(key: string, items: string[]): Sprint {
  return { name: `Sprint ${key}`, key, items, committed: 0, partial: {}, source: { file: 'test.md', line: 1, column: 1 } };
}

const ids = (result: ReturnType<typeof plan>) => result.sprints.map((planned) => planned.items.map((entry) => entry.id));

describe('plan', () => {
  it('fills sprints greedily in priority order', () => {
    const items = [
      item('WONT', { estimate: estimate(5), priority: "Won't Have" }),
      item('MUST', { estimate: estimate(8), priority: 'Must Have' }),
      item('P0', { estimate: estimate(5), priority: 'Critical' }),
      item('SMALL', { estimate: estimate(2), priority: 'Could Have' }),
    ];
    const result = plan(makeBacklog(items), { capacity: 10 });
    // P0 (5) then MUST (8) does not fit; SMALL (2) does; WONT (5) no longer fits.
    expect(ids(result)).toEqual([['P0', 'SMALL'], ['MUST'], ['WONT']]);
    expect(result.sprints.map((planned) => planned.load)).toEqual([7, 8, 5]);
    expect(result.sprints.map((planned) => planned.name)).toEqual(['Sprint 1', 'Sprint 2', 'Sprint 3']);
  });

  it('puts an item no earlier than the sprint after its prerequisites', () => {
    const items = [
      item('A', { estimate: estimate(2) }),
      item('B', { estimate: estimate(2), dependsOn: ['A'], priority: 'P0' }),
      item('C', { estimate: estimate(2) }),
    ];
    expect(ids(plan(makeBacklog(items), { capacity: 10 }))).toEqual([['A', 'C'], ['B']]);
    expect(ids(plan(makeBacklog(items), { capacity: 10, sameSprint: true }))).toEqual([['A', 'B', 'C']]);
    // With room for two, B (P0) takes the place C would have had.
    expect(ids(plan(makeBacklog(items), { capacity: 4, sameSprint: true }))).toEqual([['A', 'B'], ['C']]);
  });

  it('plans only unscheduled work that is not done, after the existing sprints', () => {
    const items = [
      item('IN-4', { estimate: estimate(3), sprint: 'Sprint 4' }),
      item('IN-8', { estimate: estimate(3), sprint: 'Sprint 8' }),
      item('DONE', { estimate: estimate(3), done: true }),
      item('NEXT', { estimate: estimate(3), dependsOn: ['IN-8', 'DONE'] }),
    ];
    const result = plan(makeBacklog(items, { sprints: [sprint('4', ['IN-4']), sprint('8', ['IN-8'])] }), { capacity: 5 });
    expect(result.sprints).toEqual([
      { name: 'Sprint 9', items: [{ id: 'NEXT', title: 'Item NEXT', size: 3, priority: null }], load: 3, over: false },
    ]);
  });

  it('names planned sprints after named ones plainly', () => {
    const items = [item('A', { estimate: estimate(1), sprint: 'Alpha' }), item('B', { estimate: estimate(1) })];
    expect(plan(makeBacklog(items), { capacity: 5 }).sprints[0].name).toBe('Planned sprint 1');
  });

  it('gives an item bigger than the capacity a sprint of its own, with a warning', () => {
    const items = [
      item('SMALL', { estimate: estimate(3), priority: 'P1' }),
      item('HUGE', { estimate: estimate(13), priority: 'P0' }),
      item('TINY', { estimate: estimate(1), priority: 'P2' }),
    ];
    const result = plan(makeBacklog(items), { capacity: 8 });
    expect(ids(result)).toEqual([['HUGE'], ['SMALL', 'TINY']]);
    expect(result.sprints[0].over).toBe(true);
    expect(result.warnings).toEqual([
      {
        item: 'HUGE',
        kind: 'oversized',
        message: 'HUGE (13 points) is bigger than the capacity of 8 points: it gets Sprint 1 to itself; consider splitting it',
      },
    ]);
  });

  it('plans unestimated items without weight and says so', () => {
    const items = [item('A', { estimate: estimate(5) }), item('B')];
    const result = plan(makeBacklog(items), { capacity: 5 });
    expect(ids(result)).toEqual([['A', 'B']]);
    expect(result.warnings).toEqual([{ item: 'B', kind: 'unsized', message: 'B has no estimate: planned without weight' }]);
  });

  it('leaves out items caught in a cycle, and what waits on them', () => {
    const items = [
      item('A', { estimate: estimate(1), dependsOn: ['B'] }),
      item('B', { estimate: estimate(1), dependsOn: ['A'] }),
      item('C', { estimate: estimate(1), dependsOn: ['A'] }),
      item('D', { estimate: estimate(1) }),
    ];
    const result = plan(makeBacklog(items), { capacity: 5 });
    expect(ids(result)).toEqual([['D']]);
    expect(result.warnings.map((warning) => [warning.item, warning.kind])).toEqual([
      ['A', 'blocked'],
      ['B', 'blocked'],
      ['C', 'blocked'],
    ]);
  });

  it('never places an item that depends on itself, or one in a cycle through scheduled work', () => {
    const items = [
      item('SELF', { estimate: estimate(1), dependsOn: ['SELF'] }),
      item('AFTER', { estimate: estimate(1), dependsOn: ['SELF'] }),
      item('LOOP', { estimate: estimate(1), dependsOn: ['DONE-IN-SPRINT'] }),
      item('DONE-IN-SPRINT', { estimate: estimate(1), dependsOn: ['LOOP'], sprint: 'Sprint 1' }),
      item('FREE', { estimate: estimate(1), dependsOn: ['DONE-IN-SPRINT'] }),
    ];
    const result = plan(makeBacklog(items, { sprints: [sprint('1', ['DONE-IN-SPRINT'])] }), { capacity: 5 });
    expect(ids(result)).toEqual([['FREE']]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'SELF was not planned: it depends on itself',
      'AFTER was not planned: it waits on work caught in a dependency cycle',
      'LOOP was not planned: it is caught in a dependency cycle: LOOP (test.md:1) → DONE-IN-SPRINT (test.md:1) → LOOP (test.md:1)',
    ]);
  });

  it('refuses a capacity of zero', () => {
    expect(() => plan(makeBacklog([]), { capacity: 0 })).toThrow(UsageError);
  });

  it('schedules every prerequisite no later than its dependent, and keeps within capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.array(fc.nat(), { maxLength: 3 }), fc.constantFrom('P0', 'P1', 'P2', null)), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.integer({ min: 1, max: 15 }),
        fc.boolean(),
        (shape, limit, sameSprint) => {
          const items = shape.map(([size, links, priority], index) =>
            item(`I-${index}`, {
              estimate: estimate(size),
              priority,
              dependsOn: index === 0 ? [] : links.map((link) => `I-${link % index}`),
            }),
          );
          const result = plan(makeBacklog(items), { capacity: limit, sameSprint });
          const where = new Map<string, [number, number]>();
          result.sprints.forEach((planned, sprintIndex) =>
            planned.items.forEach((entry, position) => where.set(entry.id, [sprintIndex, position])),
          );
          expect(where.size).toBe(items.length);
          for (const entry of items) {
            const [sprintIndex, position] = where.get(entry.id)!;
            for (const prerequisite of entry.dependsOn) {
              const [before, beforePosition] = where.get(prerequisite)!;
              if (sameSprint) expect(before < sprintIndex || (before === sprintIndex && beforePosition < position)).toBe(true);
              else expect(before).toBeLessThan(sprintIndex);
            }
          }
          for (const planned of result.sprints) {
            if (planned.over) expect(planned.items).toHaveLength(1);
            else expect(planned.load).toBeLessThanOrEqual(limit);
          }
        },
      ),
    );
  });
});
