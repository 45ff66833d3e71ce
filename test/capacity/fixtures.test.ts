import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capacity } from '../../src/analyze/capacity.js';
import { backlogFromMarkdown } from '../../src/load.js';

function load(name: string) {
  const file = `fixtures/capacity/${name}`;
  return backlogFromMarkdown(readFileSync(file, 'utf8'), file);
}

describe('capacity over markdown fixtures', () => {
  it('sums sprint tables and finds the dependency order problems', () => {
    const result = capacity(load('two-sprints.md'), { capacity: 20 });
    expect(result.sprints.map(({ key, committed, over }) => ({ key, committed, over }))).toEqual([
      { key: '1', committed: 18, over: false },
      { key: '2', committed: 29, over: true },
    ]);
    expect(result.violations.map(({ item, dependsOn, kind }) => [item, dependsOn, kind])).toEqual([
      ['OS-3', 'OS-5', 'earlier-sprint'],
      ['OS-6', 'OS-9', 'unscheduled'],
    ]);
    expect(
      capacity(load('two-sprints.md'), { strict: true }).violations.map(({ item, dependsOn, kind }) => [item, dependsOn, kind]),
    ).toEqual([
      ['OS-2', 'OS-1', 'same-sprint'],
      ['OS-3', 'OS-5', 'earlier-sprint'],
      ['OS-6', 'OS-9', 'unscheduled'],
    ]);
  });

  it('takes the capacity the document states for its sprint', () => {
    const result = capacity(load('stated-capacity.md'));
    expect(result.sprints).toEqual([
      expect.objectContaining({
        key: '3.2',
        committed: 18,
        capacity: 20,
        over: false,
        capacitySource: 'document',
        capacityClaim: expect.objectContaining({ raw: 'Capacity: 20 story points' }),
      }),
    ]);
  });
});
