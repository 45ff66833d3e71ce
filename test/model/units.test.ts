import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import { dominantUnit } from '../../src/model/units.js';
import type { Unit } from '../../src/model/types.js';
import { estimate } from '../helpers/make-backlog.js';

const of = (...units: (Unit | null)[]) => units.map((unit) => ({ estimate: unit ? estimate(1, unit) : null }));

describe('dominantUnit: the unit most estimates are in', () => {
  it('points against time by the number of items, points on a tie', () => {
    expect(dominantUnit(of('points', 'points', 'days'))).toBe('points');
    expect(dominantUnit(of('points', 'days'))).toBe('points');
    expect(dominantUnit(of('points', 'days', 'hours'))).toBe('days');
    expect(dominantUnit(of(null, null))).toBeNull();
  });

  it('within time, the unit most time estimates use, days on a tie', () => {
    expect(dominantUnit(of('hours', 'hours', 'hours', 'days'))).toBe('hours');
    expect(dominantUnit(of('hours', 'days', 'days'))).toBe('days');
    expect(dominantUnit(of('hours', 'days'))).toBe('days');
    expect(dominantUnit(of('hours', null))).toBe('hours');
    expect(dominantUnit(of('points', 'hours', 'hours', 'days'))).toBe('hours');
  });

  it('a document mostly in hours is in hours', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Task | Estimate |',
        '| --- | --- | --- |',
        '| T-1 | Schema | 4h |',
        '| T-2 | API | 6h |',
        '| T-3 | Migration | 2 days |',
      ].join('\n'),
    );
    expect(backlog.unit).toBe('hours');
    expect(backlog.sprints).toEqual([]);
  });
});
