import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { lint } from '../../src/lint/index.js';
import type { Backlog, Claim, Diagnostic } from '../../src/model/types.js';
import { decodeBytes } from '../../src/read/decode.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

const at = (line: number, column = 1) => ({ file: 'test.md', line, column });
const sourceOf = (text: string) => ({ file: 'test.md', path: 'test.md', ...decodeBytes(new TextEncoder().encode(text), 'test.md') });
const scope = (extra: { sprint?: string; group?: string } = {}) => ({ file: 'test.md', ...extra });

/** Problems as `[rule, line, message]`, the shape every assertion below compares. */
function problemsOf(backlog: Backlog, rules?: Record<string, 'off' | 'warn' | 'error'>) {
  const config = { ...DEFAULT_CONFIG, rules: rules ?? {} };
  return lint(backlog, { config }).problems.map((problem) => [problem.rule, problem.line, problem.message]);
}

describe('rules that surface what reading found', () => {
  const diagnostic = (rule: string, line: number, message: string): Diagnostic => ({ ...at(line), rule, severity: 'warning', message });

  it('reports each diagnostic under the rule of its name, with its fix', () => {
    const fix = { start: 10, end: 12, text: ' ' };
    const backlog = makeBacklog([], {
      diagnostics: [
        { ...diagnostic('table-row-wrapped', 4, 'table row is wrapped onto line 5'), fix },
        diagnostic('missing-estimate', 9, 'A-3 has no estimate'),
        diagnostic('something-internal', 2, 'not a lint rule'),
      ],
    });
    const result = lint(backlog);
    expect(result.problems).toEqual([
      { ...at(4), rule: 'table-row-wrapped', severity: 'warning', message: 'table row is wrapped onto line 5', fix },
      { ...at(9), rule: 'missing-estimate', severity: 'warning', message: 'A-3 has no estimate' },
    ]);
    expect([result.errorCount, result.warningCount]).toEqual([0, 2]);
  });
});

describe('conflicts', () => {
  it('reports estimate and status conflicts at the first disagreeing record, listing every value', () => {
    const backlog = makeBacklog([item('A-1')], {
      conflicts: [
        {
          item: 'A-1',
          field: 'estimate',
          values: [
            { value: '3', source: at(5) },
            { value: '5', source: at(20, 3) },
          ],
        },
        {
          item: 'A-1',
          field: 'status',
          values: [
            { value: 'Done', source: at(6) },
            { value: 'Open', source: { file: 'b.md', line: 2, column: 1 } },
          ],
        },
        {
          item: 'A-1',
          field: 'title',
          values: [
            { value: 'x', source: at(5) },
            { value: 'y', source: at(20) },
          ],
        },
      ],
    });
    expect(problemsOf(backlog)).toEqual([
      ['status-conflict', 2, 'A-1 has different statuses: "Done" (test.md:6), "Open" (line 2)'],
      ['estimate-conflict', 20, 'A-1 is estimated differently: "3" (line 5), "5" (line 20)'],
    ]);
  });
});

describe('unknown-reference and dependency-cycle', () => {
  it('reports each unresolved reference at its item, unless the item is done', () => {
    const backlog = makeBacklog([
      item('A-1', { unresolved: ['Phase 9', 'X-7'], source: { file: 'test.md', line: 7 }, appearances: [at(7, 3)] }),
      item('A-2', { unresolved: ['PR #149'], done: true, source: { file: 'test.md', line: 8 } }),
    ]);
    const problems = lint(backlog).problems;
    expect(problems.map((problem) => [problem.line, problem.column, problem.message])).toEqual([
      [7, 3, 'A-1 depends on "Phase 9", which names no item, group or release'],
      [7, 3, 'A-1 depends on "X-7", which names no item, group or release'],
    ]);
  });

  it('reports a cycle once, at its first item', () => {
    const backlog = makeBacklog([
      item('A-1', { dependsOn: ['A-3'], source: { file: 'test.md', line: 3 } }),
      item('A-2', { dependsOn: ['A-1'], source: { file: 'test.md', line: 4 } }),
      item('A-3', { dependsOn: ['A-2'], source: { file: 'test.md', line: 5 } }),
      item('A-4', { dependsOn: ['A-3'], source: { file: 'test.md', line: 6 } }),
    ]);
    expect(problemsOf(backlog)).toEqual([
      ['dependency-cycle', 3, 'dependency cycle: A-1 (test.md:3) → A-2 (test.md:4) → A-3 (test.md:5) → A-1 (test.md:3)'],
    ]);
  });
});

describe('stated-total-mismatch', () => {
  const items = [
    item('S5-01', { estimate: estimate(3), sprint: 'Sprint 5' }),
    item('S5-02', { estimate: estimate(8), sprint: 'Sprint 5' }),
    item('S5-03', { estimate: estimate(5), sprint: 'Sprint 5', done: true }),
    item('S6-01', { estimate: estimate(13), sprint: 'Sprint 6' }),
  ];
  const sprintKeys = (backlog: Backlog) => ({
    ...backlog,
    sprints: backlog.sprints.map((sprint) => ({ ...sprint, key: sprint.name.replace('Sprint ', '') })),
  });
  const withClaims = (claims: Claim[]) => sprintKeys(makeBacklog(items, { claims }));

  it('compares a sprint total with what its items add up to', () => {
    const backlog = withClaims([
      { kind: 'total', scope: scope({ sprint: '5' }), which: 'all', value: 14, unit: 'points', raw: 'Total Points: 14', source: at(10) },
      { kind: 'total', scope: scope({ sprint: '6' }), which: 'all', value: 13, unit: 'points', raw: 'Total Points: 13', source: at(20) },
    ]);
    expect(problemsOf(backlog)).toEqual([
      ['stated-total-mismatch', 10, 'Sprint 5 states "Total Points: 14" but its 3 items add up to 16 points'],
    ]);
  });

  it('leaves done items out of a remaining total and counts items for a count', () => {
    const backlog = withClaims([
      { kind: 'total', scope: scope(), which: 'remaining', value: 20, unit: 'points', raw: 'Total Remaining: 20 points', source: at(2) },
      { kind: 'count', scope: scope(), which: 'remaining', value: 3, raw: '3 stories', source: at(2, 18) },
      { kind: 'count', scope: scope({ sprint: '5' }), which: 'all', value: 3, raw: 'Stories: 3', source: at(11) },
    ]);
    expect(problemsOf(backlog)).toEqual([
      ['stated-total-mismatch', 2, 'The document states "Total Remaining: 20 points" but its 3 remaining items add up to 24 points'],
    ]);
  });

  it('converts days to hours, says how many items could not be counted, and skips what cannot be decided', () => {
    const backlog = makeBacklog(
      [
        item('T-1', { estimate: estimate(2, 'days') }),
        item('T-2', { estimate: estimate(4, 'hours') }),
        item('T-3'),
        item('T-4', { estimate: estimate(5) }),
      ],
      {
        claims: [
          { kind: 'total', scope: scope(), which: 'all', value: 16, unit: 'hours', raw: '16 hours', source: at(1) },
          // Above the sum, but the two items without an estimate in hours could make up the difference.
          { kind: 'total', scope: scope(), which: 'all', value: 30, unit: 'hours', raw: '30 hours', source: at(3) },
          { kind: 'total', scope: scope({ sprint: 'nowhere' }), which: 'all', value: 1, unit: null, raw: '1', source: at(2) },
        ],
      },
    );
    expect(problemsOf(backlog)).toEqual([
      [
        'stated-total-mismatch',
        1,
        'The document states "16 hours" but its 4 items add up to 20 hours (2 of them have no estimate in hours)',
      ],
    ]);
  });
});

describe('stated-critical-path-mismatch', () => {
  const items = [
    item('A-1', { estimate: estimate(3) }),
    item('A-2', { estimate: estimate(5), dependsOn: ['A-1'] }),
    item('A-3', { estimate: estimate(8) }),
    item('A-4', { estimate: estimate(2), dependsOn: ['A-3'] }),
  ];
  const claim = (chain: string[], length: number | null): Claim => ({
    kind: 'critical-path',
    scope: scope(),
    chain,
    length,
    unit: 'points',
    raw: chain.join(' → '),
    source: at(30),
  });

  it('reports links that are not dependencies and a length the chain does not add up to', () => {
    const backlog = makeBacklog(items, { claims: [claim(['A-1', 'a‑2', 'A-3', 'A-4'], 20)] });
    expect(problemsOf(backlog)).toEqual([
      ['stated-critical-path-mismatch', 30, 'the stated critical path links A-2 → A-3, but A-3 does not depend on A-2'],
      ['stated-critical-path-mismatch', 30, 'the stated critical path states a length of 20 points, but its 4 items add up to 18 points'],
      [
        'stated-critical-path-mismatch',
        30,
        'the stated critical path is 20 points, but the computed critical path is 10 points: A-3 → A-4',
      ],
    ]);
  });

  it('accepts a chain of dependencies that is as long as the computed critical path', () => {
    const backlog = makeBacklog(items, { claims: [claim(['A-3', 'A-4'], 10), claim(['A-3', 'A-4'], null)] });
    expect(problemsOf(backlog)).toEqual([]);
  });

  it("compares with the computed path only a file's single stated critical path: several are about parts of it", () => {
    const backlog = makeBacklog(items, { claims: [claim(['A-1', 'A-2'], 8), claim(['A-3', 'A-4'], 10)] });
    expect(problemsOf(backlog)).toEqual([]);
  });

  it('names chain entries that are no item', () => {
    const backlog = makeBacklog(items, { claims: [claim(['A-1', 'Z-9'], null)] });
    expect(problemsOf(backlog)).toEqual([['stated-critical-path-mismatch', 30, 'the stated critical path names Z-9, which is no item']]);
  });
});

describe('stated-forecast-mismatch', () => {
  const items = [
    item('A-1', { estimate: estimate(100) }),
    item('A-2', { estimate: estimate(103) }),
    item('A-3', { estimate: estimate(7), done: true }),
  ];
  const projection = (velocity: number, sprints: number, line: number): Claim => ({
    kind: 'projection',
    scope: scope(),
    velocity,
    sprints,
    raw: `${velocity} pts/sprint | ${sprints}`,
    source: at(line),
  });

  it('checks ceil(remaining ÷ velocity) and says when the figure follows from the stated total', () => {
    const backlog = makeBacklog(items, {
      claims: [
        { kind: 'total', scope: scope(), which: 'remaining', value: 200, unit: 'points', raw: '200 story points', source: at(3) },
        projection(25, 8, 40),
        projection(30, 7, 41),
        projection(40, 7, 42),
      ],
    });
    expect(problemsOf(backlog, { 'stated-total-mismatch': 'off' })).toEqual([
      [
        'stated-forecast-mismatch',
        40,
        'the projection at 25 points per sprint states 8 sprints, but the 203 points remaining need 9 (8 follows from the stated total of 200)',
      ],
      ['stated-forecast-mismatch', 42, 'the projection at 40 points per sprint states 7 sprints, but the 203 points remaining need 6'],
    ]);
  });
});

describe('documents read together', () => {
  it("checks each document's projection in its own unit, whatever unit most items share", () => {
    const points = [item('P-1', { estimate: estimate(30), source: { file: 'plan.md', line: 3 } })];
    const days = ['D-1', 'D-2', 'D-3'].map((id) => item(id, { estimate: estimate(2, 'days'), source: { file: 'other.md', line: 1 } }));
    const projection: Claim = {
      kind: 'projection',
      scope: { file: 'plan.md' },
      velocity: 20,
      sprints: 1,
      raw: '20 | 1',
      source: { file: 'plan.md', line: 9, column: 1 },
    };
    const backlog = makeBacklog([...points, ...days], { claims: [projection], unit: 'days' });
    expect(lint(backlog).problems.map((problem) => [problem.file, problem.message])).toEqual([
      ['plan.md', 'the projection at 20 points per sprint states 1 sprint, but the 30 points remaining need 2'],
    ]);
  });
});

describe('runner', () => {
  const backlog = makeBacklog([item('A-1', { unresolved: ['Nope'], source: { file: 'test.md', line: 4 } })], {
    diagnostics: [
      { ...at(9), rule: 'encoding', severity: 'error', message: 'bad bytes' },
      { ...at(3), rule: 'missing-estimate', severity: 'warning', message: 'A-0 has no estimate' },
    ],
  });

  it('sorts by file, line and column, and applies severities from the config', () => {
    const result = lint(backlog, { config: { ...DEFAULT_CONFIG, rules: { 'missing-estimate': 'error', encoding: 'off' } } });
    expect(result.problems.map((problem) => [problem.line, problem.rule, problem.severity])).toEqual([
      [3, 'missing-estimate', 'error'],
      [4, 'unknown-reference', 'warning'],
    ]);
    expect([result.errorCount, result.warningCount]).toEqual([1, 1]);
  });

  it('drops problems that inline comments switch off', () => {
    const text = ['# x', '<!-- backlog-disable-next-line missing-estimate -->', '', '| A-1 |', '', '', '', '', 'bad'].join('\n');
    const result = lint(backlog, { sources: [sourceOf(text)] });
    expect(result.problems.map((problem) => problem.rule)).toEqual(['unknown-reference', 'encoding']);
    const disabled = text.replace('-next-line missing-estimate', ' encoding unknown-reference');
    expect(lint(backlog, { sources: [sourceOf(disabled)] }).problems.map((problem) => problem.rule)).toEqual(['missing-estimate']);
  });
});

describe('sprint-over-capacity', () => {
  const items = [
    item('A-1', { estimate: estimate(8), sprint: '1' }),
    item('A-2', { estimate: estimate(5), sprint: '1' }),
    item('B-1', { estimate: estimate(3), sprint: '2' }),
  ];
  const capacity = (value: number, sprint?: string): Claim => ({
    kind: 'capacity',
    scope: scope(sprint ? { sprint } : {}),
    value,
    unit: 'points',
    raw: `Capacity: ${value}`,
    source: at(2),
  });
  const run = (claims: Claim[], configured: number | Record<string, number> | null) =>
    lint(makeBacklog(items, { claims }), { config: { ...DEFAULT_CONFIG, capacity: configured } }).problems.map(
      (problem) => problem.message,
    );

  it('takes the config first (per sprint or one figure), then the capacity the document states', () => {
    expect(run([capacity(20, '1')], { '1': 10 })).toEqual([
      'Sprint 1 commits 13 points, over its capacity of 10 points (set in the config)',
    ]);
    expect(run([capacity(12, '1')], null)).toEqual(['Sprint 1 commits 13 points, over its capacity of 12 points ("Capacity: 12", line 2)']);
    expect(run([capacity(12, '1')], 20)).toEqual([]);
    expect(run([], 2)).toEqual([
      'Sprint 1 commits 13 points, over its capacity of 2 points (set in the config)',
      'Sprint 2 commits 3 points, over its capacity of 2 points (set in the config)',
    ]);
    expect(run([], null)).toEqual([]);
  });

  it('does not count a capacity guessed from the team size', () => {
    const inDays = items.map((entry) => ({ ...entry, estimate: estimate(8, 'days') }));
    const team: Claim = { kind: 'team-size', scope: scope(), value: 1, raw: 'Team: 1', source: at(1) };
    expect(lint(makeBacklog(inDays, { claims: [team] })).problems).toEqual([]);
  });

  it('applies a file-wide capacity only to a file that plans one sprint', () => {
    expect(run([capacity(10)], null)).toEqual([]);
    const single = makeBacklog(items.slice(0, 2), { claims: [capacity(10)] });
    expect(lint(single).problems.map((problem) => problem.message)).toEqual([
      'Sprint 1 commits 13 points, over its capacity of 10 points ("Capacity: 10", line 2)',
    ]);
  });
});
