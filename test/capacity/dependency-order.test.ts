import { describe, expect, it } from 'vitest';
import { dependencyOrderViolations } from '../../src/analyze/dependency-order.js';
import type { Sprint } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

function sprint(key: string, items: string[], name = `Sprint ${key}`): Sprint {
  return { name, key, items, committed: 0, partial: {}, source: { file: 'test.md', line: 1, column: 1 } };
}

describe('dependencyOrderViolations', () => {
  it('flags an item committed to a sprint before its prerequisite’s', () => {
    const backlog = makeBacklog(
      [item('A', { source: { file: 'plan.md', line: 7 } }), item('B', { dependsOn: ['A'], source: { file: 'plan.md', line: 9 } })],
      {
        sprints: [sprint('5', ['A']), sprint('4', ['B'])],
      },
    );
    expect(dependencyOrderViolations(backlog)).toEqual([
      {
        item: 'B',
        dependsOn: 'A',
        kind: 'earlier-sprint',
        message: 'B in Sprint 4 depends on A, committed to the later Sprint 5',
        source: { file: 'plan.md', line: 9 },
      },
    ]);
  });

  it('accepts the right order and, unless strict, the same sprint', () => {
    const backlog = makeBacklog([item('A'), item('B', { dependsOn: ['A'] }), item('C', { dependsOn: ['B'] })], {
      sprints: [sprint('1', ['A', 'B']), sprint('2', ['C'])],
    });
    expect(dependencyOrderViolations(backlog)).toEqual([]);
    expect(dependencyOrderViolations(backlog, { strict: true })).toEqual([
      expect.objectContaining({
        item: 'B',
        dependsOn: 'A',
        kind: 'same-sprint',
        message: 'B in Sprint 1 depends on A, committed to the same sprint',
      }),
    ]);
  });

  it('flags a dependency on work no sprint holds, unless it is done', () => {
    const backlog = makeBacklog([item('A'), item('DONE', { done: true }), item('B', { dependsOn: ['A', 'DONE'] })], {
      sprints: [sprint('1', ['B'])],
    });
    expect(dependencyOrderViolations(backlog)).toEqual([
      expect.objectContaining({
        item: 'B',
        dependsOn: 'A',
        kind: 'unscheduled',
        message: 'B in Sprint 1 depends on A, which no sprint holds and is not done',
      }),
    ]);
  });

  it('orders sprints by numeric key, not by where they are written', () => {
    const backlog = makeBacklog([item('A'), item('B', { dependsOn: ['A'] })], { sprints: [sprint('1.10', ['B']), sprint('1.9', ['A'])] });
    expect(dependencyOrderViolations(backlog)).toEqual([]);
  });

  it('uses document order for named sprints', () => {
    const backlog = makeBacklog([item('A'), item('B', { dependsOn: ['A'] })], {
      sprints: [sprint('beta', ['B'], 'Beta'), sprint('alpha', ['A'], 'Alpha')],
    });
    expect(dependencyOrderViolations(backlog).map((violation) => violation.message)).toEqual([
      'B in Beta depends on A, committed to the later Alpha',
    ]);
  });

  it('lets a partial commitment start in its first sprint and finish in its last', () => {
    const backlog = makeBacklog([item('A', { estimate: estimate(5) }), item('B', { dependsOn: ['A'] })], {
      sprints: [sprint('1', ['A']), sprint('2', ['A', 'B']), sprint('3', ['B'])],
    });
    expect(dependencyOrderViolations(backlog)).toEqual([]);
    expect(dependencyOrderViolations(backlog, { strict: true }).map((violation) => violation.kind)).toEqual(['same-sprint']);
  });

  it('ignores done dependents and self-references', () => {
    const backlog = makeBacklog([item('A'), item('B', { dependsOn: ['A'], done: true }), item('C', { dependsOn: ['C'] })], {
      sprints: [sprint('2', ['A']), sprint('1', ['B', 'C'])],
    });
    expect(dependencyOrderViolations(backlog, { strict: true })).toEqual([]);
  });
});
