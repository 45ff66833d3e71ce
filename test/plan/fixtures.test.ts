import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plan } from '../../src/analyze/plan.js';
import { backlogFromMarkdown } from '../../src/load.js';

const file = 'fixtures/plan/unscheduled.md';
const backlog = () => backlogFromMarkdown(readFileSync(file, 'utf8'), file);
const layout = (result: ReturnType<typeof plan>) =>
  result.sprints.map((sprint) => [sprint.name, sprint.load, sprint.items.map((item) => item.id)]);

describe('plan over a markdown fixture', () => {
  it('plans the unscheduled stories after sprint 1 by priority, dependencies and capacity', () => {
    const result = plan(backlog(), { capacity: 20 });
    expect(layout(result)).toEqual([
      ['Sprint 2', 16, ['CM-4', 'CM-3', 'CM-8']],
      ['Sprint 3', 18, ['CM-6', 'CM-5']],
      ['Sprint 4', 21, ['CM-7']],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'CM-7 (21 points) is bigger than the capacity of 20 points: it gets Sprint 4 to itself; consider splitting it',
    ]);
  });

  it('lets dependents share a sprint when asked', () => {
    expect(layout(plan(backlog(), { capacity: 20, sameSprint: true }))).toEqual([
      ['Sprint 2', 18, ['CM-4', 'CM-3', 'CM-5']],
      ['Sprint 3', 16, ['CM-6', 'CM-8']],
      ['Sprint 4', 21, ['CM-7']],
    ]);
  });
});
