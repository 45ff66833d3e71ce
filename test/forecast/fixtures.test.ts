import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analyze/forecast.js';
import { backlogFromMarkdown } from '../../src/load.js';

function load(name: string) {
  const file = `fixtures/forecast/${name}`;
  return backlogFromMarkdown(readFileSync(file, 'utf8'), file);
}

describe('forecast over markdown fixtures', () => {
  it('counts the remaining work of a table and sets the stated figures beside it', () => {
    // 103 points in all, LH-01 (8) done: 95 remaining.
    const result = forecast(load('drifted-projection.md'), { velocity: { kind: 'fixed', value: 19 } });
    expect(result).toMatchObject({ unit: 'points', remaining: 95, sprints: 5 });
    expect(result.stated.map(({ kind, stated, computed, difference }) => ({ kind, stated, computed, difference }))).toEqual([
      { kind: 'total', stated: 100, computed: 103, difference: 3 },
      { kind: 'projection', stated: 5, computed: 5, difference: 0 },
      { kind: 'projection', stated: 4, computed: 3, difference: -1 },
      { kind: 'projection', stated: 2, computed: 2, difference: 0 },
    ]);
    expect(result.stated[2]).toMatchObject({ velocity: 32, followsFromTotal: 100, source: { line: 23 } });
  });

  it('uses the velocity and team the document states, in days with hours converted', () => {
    // 3 + 5 + 7 + 2 + 12 h + 4 h = 19 days; the chain HB-1 → HB-2 → HB-3 is 15 days, and two
    // people at 6 days each per sprint need 3 sprints for it where 19 / 12 needs 2.
    const result = forecast(load('stated-velocity.md'));
    expect(result).toMatchObject({
      unit: 'days',
      remaining: 19,
      velocity: { kind: 'fixed', value: 12 },
      velocitySource: 'document',
      velocitySprints: 2,
      sprints: 3,
      limitedBy: 'dependencies',
      dependencies: { team: 2, teamSource: 'document', makespan: 15, effectiveWork: 30 },
    });
  });

  it('converts hours at the configured working day', () => {
    // 12 h and 4 h at 4 h a day: 3 + 1 days, so 21 in all.
    expect(forecast(load('stated-velocity.md'), { velocity: { kind: 'fixed', value: 10 }, hoursPerDay: 4 })).toMatchObject({
      remaining: 21,
      velocitySprints: 3,
    });
    expect(forecast(load('stated-velocity.md'), { velocity: { kind: 'fixed', value: 10 } })).toMatchObject({
      remaining: 19,
      velocitySprints: 2,
    });
  });
});
