import { describe, expect, it } from 'vitest';
import { splitLead } from '../../src/extract/evidence/item-lead.js';
import { lint } from '../../src/lint/index.js';
import { backlogFromMarkdown } from '../../src/load.js';

/** [id, title, estimate, done, parent] of every item. */
function items(lines: string[]): (string | number | boolean | null)[][] {
  return backlogFromMarkdown(lines.join('\n')).items.map((item) => [
    item.id,
    item.title,
    item.estimate?.expected ?? null,
    item.done,
    item.parent,
  ]);
}

describe('the lead of a heading, bold line or entry', () => {
  it('sets aside a checkbox, bracketed tags and a type word before the ID', () => {
    expect(splitLead('[X] TODO-F002: Extract the constant ✅')).toMatchObject({ token: 'TODO-F002', box: 'X', separator: ':' });
    expect(splitLead('[Bug] OCDI-301: Fix timeouts')).toMatchObject({ token: 'OCDI-301', type: 'Bug', title: 'Fix timeouts' });
    expect(splitLead('Story US-001: Fix auth')).toMatchObject({ token: 'US-001', type: 'Story', title: 'Fix auth' });
    expect(splitLead('Task 3: Provision the hub')).toMatchObject({ token: 'Task 3', title: 'Provision the hub' });
    expect(splitLead('W0b · 骨架')).toMatchObject({ token: 'W0b', separator: '·', title: '骨架' });
    expect(splitLead('1. Auth System')).toMatchObject({ token: '1', title: 'Auth System' });
  });
});

describe('IDs decided from the whole document', () => {
  it('takes H1 as an ID among A1 … C1 bold items, and P0 in a heading as no ID', () => {
    expect(
      items(['## P0 Foundation', '', '**A1: Schema** (2 hours)', '', '**B1: Pipeline** (1 hour)', '', '**H1: Rules** ✅ (3 hours)']),
    ).toEqual([
      ['A1', 'Schema', 2, false, null],
      ['B1', 'Pipeline', 1, false, null],
      ['H1', 'Rules', 3, true, null],
    ]);
  });

  it('takes H1 as an ID in a table column of A1 … C1', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Feature | Hours | Depends On |',
        '| --- | --- | --- | --- |',
        '| A1 | Schema | 2 | - |',
        '| B1 | Pipeline | 1 | A1 |',
        '| H1 | Rules | 3 | B1 |',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.dependsOn])).toEqual([
      ['A1', []],
      ['B1', ['A1']],
      ['H1', ['B1']],
    ]);
  });

  it('takes a sub-item W0b among W0, W1 headings, and not alone', () => {
    expect(items(['### W0b · Schema (0.5d)', '### W0 · Kernel (1d)', '### W1 · Replay (2d)']).map((row) => row[0])).toEqual([
      'W0b',
      'W0',
      'W1',
    ]);
    expect(items(['### W0b · Schema (0.5d)'])).toEqual([]);
  });

  it('reads headings with tags, checkboxes and type words, but never a stage as an item', () => {
    expect(
      items([
        '## Phase-1 verification checklist',
        '### [Bug] OCDI-301: Fix timeouts (3 pts)',
        '### ✅ [Chore] OCDI-303: Clean up (2 pts)',
        '### [X] TODO-F2: Extract constant',
        '### [ ] TODO-F3: Split module',
        '### Story US-001: Fix auth (1d)',
      ]),
    ).toEqual([
      ['OCDI-301', 'Fix timeouts', 3, false, null],
      ['OCDI-303', 'Clean up', 2, true, null],
      ['TODO-F2', 'Extract constant', null, true, null],
      ['TODO-F3', 'Split module', null, false, null],
      ['US-001', 'Fix auth', 1, false, null],
    ]);
  });

  it('reads a numbered heading as the section of the table row it restates, and any other numbered heading as a chapter', () => {
    const backlog = backlogFromMarkdown(
      [
        '| # | Block | Hours | Depends |',
        '| --- | --- | --- | --- |',
        '| 1 | Auth System | 24 | — |',
        '| 2 | Storage | 20 | 1 |',
        '',
        '## 1. Auth System',
        '**Priority:** P1',
        '',
        '## 3. Background',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.priority, item.appearances.length])).toEqual([
      ['1', 'P1', 2],
      ['2', null, 1],
    ]);
  });
});

describe('sections read ahead', () => {
  it('makes an epic with its own estimate over unestimated tasks the item, and its tasks its breakdown', () => {
    expect(
      items([
        '## Epic 1: Audit',
        '**Estimated Effort:** 3d',
        '**Dependencies:** None',
        '#### Task 1.1: Inventory',
        '**Description:** list every file',
        '## Epic 2: Publish',
        '**Estimated Effort:** 1d',
        '**Dependencies:** Epic 1',
        '#### Task 2.1: Deploy',
      ]),
    ).toEqual([
      ['Epic 1', 'Audit', 3, false, null],
      ['Task 1.1', 'Inventory', null, false, 'Epic 1'],
      ['Epic 2', 'Publish', 1, false, null],
      ['Task 2.1', 'Deploy', null, false, 'Epic 2'],
    ]);
  });

  it('keeps an epic over estimated stories their group', () => {
    const backlog = backlogFromMarkdown(
      ['## Epic E1: Foundation', '**Estimated Effort:** 1 sprint', '### Story US-001: Auth', '**Estimated Effort:** 0.5d'].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.group])).toEqual([['US-001', 'Epic E1 Foundation']]);
  });
});

describe('weeks of a weekly plan', () => {
  it('are time boxes like sprints, unless the document calls its part a sprint', () => {
    const weekly = backlogFromMarkdown(
      ['## Week 1 (Nov 11-15) - Foundation', '- [ ] **Funnel** (6h)', '## Week 2', '- [ ] **Replay** (4h)'].join('\n'),
    );
    expect(weekly.sprints.map((sprint) => [sprint.key, sprint.name, sprint.items.length])).toEqual([
      ['week-1', 'Week 1 (Nov 11-15) - Foundation', 1],
      ['week-2', 'Week 2', 1],
    ]);
    const inSprint = backlogFromMarkdown(
      ['# 4-Week Sprint', '## Week 1', '- [ ] AB-1 Funnel (6h)', '## Week 2', '- [ ] AB-2 Replay (4h)'].join('\n'),
    );
    expect(inSprint.sprints).toEqual([]);
  });

  it('take the items a numbered line lists, joined by arrows, slashes or pluses, with notes in full-width parentheses, and no ID from prose', () => {
    const backlog = backlogFromMarkdown(
      [
        '| WP | Task | Effort |',
        '| --- | --- | --- |',
        ...[1, 2, 3, 4].map((n) => `| WP-0${n} | Task ${n} | 2h |`),
        '',
        '1. Week 1: WP-03（最小工数）→ WP-01 / 04 スパイク',
        '2. Week 2: WP-02 + a long prose remark about US-7 planning',
      ].join('\n'),
    );
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items])).toEqual([
      ['Week 1', ['WP-01', 'WP-03', 'WP-04']],
      ['Week 2', ['WP-02']],
    ]);
  });
});

describe('dependencies stated in a notes column', () => {
  it('take numbers that end the IDs, "all above", and not "parallel with"', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Task | Duration | Notes |',
        '| --- | --- | --- | --- |',
        '| PH-001 | Enum | 5 min | |',
        '| PH-002 | Model | 10 min | Parallel with 001 |',
        '| PH-003 | Extend | 10 min | Depends on 001, 002 |',
        '| PH-004 | Wire | 5 min | Depends on all above |',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.dependsOn])).toEqual([
      ['PH-001', []],
      ['PH-002', []],
      ['PH-003', ['PH-001', 'PH-002']],
      ['PH-004', ['PH-001', 'PH-002', 'PH-003']],
    ]);
  });
});

describe('done in a note at the end of a heading', () => {
  it('reads "already done" in any language, not a note that only mentions the work', () => {
    expect(
      items([
        '### W0 · 骨架（已在本轮完成，V0 只需保持）',
        '### W1 · 重放（未完成）',
        '### W2 · Hooks (already done)',
        '### W3 · Rewrite (complete rewrite of the parser)',
      ]).map((row) => [row[0], row[1], row[3]]),
    ).toEqual([
      ['W0', '骨架', true],
      ['W1', '重放（未完成）', false],
      ['W2', 'Hooks', true],
      ['W3', 'Rewrite (complete rewrite of the parser)', false],
    ]);
  });
});

describe('a table of work and what else it says', () => {
  const table = [
    '| ID | Feature | Hours | Blocks |',
    '| --- | --- | --- | --- |',
    '| C1 | Recommender core | 2 | C2, Safety |',
    '| C2 | Ranking | 3 | Operator review |',
    '| C3 | Feedback | 4 | |',
    '',
    '- 6 hours (C2-C3)',
  ].join('\n');

  it('takes only IDs from a blocks column: the rest says what the work enables', () => {
    const backlog = backlogFromMarkdown(table);
    expect(backlog.items.map((item) => [item.id, item.dependsOn, item.unresolved])).toEqual([
      ['C1', [], []],
      ['C2', ['C1'], []],
      ['C3', [], []],
    ]);
  });

  it('checks a figure stated for the items a parenthesis lists', () => {
    const problems = lint(backlogFromMarkdown(table)).problems.filter((problem) => problem.rule === 'stated-total-mismatch');
    expect(problems.map((problem) => problem.line)).toEqual([7]);
    expect(problems[0].message).toContain('7');
  });
});

describe('what the sentence before a table says', () => {
  it('gives its figures the unit it names', () => {
    const backlog = backlogFromMarkdown(
      [
        'PERT-style ranges in implementation days:',
        '',
        '| ID | Slice | Optimistic | Most likely | Pessimistic |',
        '| --- | --- | ---: | ---: | ---: |',
        '| T-1 | Surface | 0.5 | 1.0 | 1.5 |',
        '| T-2 | Provision | 1.0 | 1.5 | 2.5 |',
      ].join('\n'),
    );
    expect(backlog.unit).toBe('days');
    expect(backlog.items.map((item) => item.estimate?.expected)).toEqual([1, 1.5833333333333333]);
  });

  it('starts a dependency with "Start after", not with a hedged "may run after"', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Task | Notes |',
        '| --- | --- | --- |',
        '| T-1 | A | Start once approved |',
        '| T-2 | B | Start after T-1 commit |',
        '| T-3 | C | Start after T-2 commit; may run after T-1 if reviewers prefer |',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => item.dependsOn)).toEqual([[], ['T-1'], ['T-2']]);
  });
});

describe('estimates restated where the work is scheduled', () => {
  it("conflict with the item's own when they differ, and not in code or on the item's own line", () => {
    const doc = [
      '| ID | Task | Time |',
      '| --- | --- | --- |',
      '| UF-1 | Parser (UF-1 (2h) in the old plan) | 2時間 |',
      '| UF-2 | View | 1.5時間 |',
      '',
      '| Day | Tasks |',
      '| --- | --- |',
      '| Day 1 | UF-1 (2時間) + UF-2 (1時間) |',
      '',
      '```',
      'UF-2 (3h)',
      '```',
    ].join('\n');
    const problems = lint(backlogFromMarkdown(doc)).problems.filter((problem) => problem.rule === 'estimate-conflict');
    expect(problems.map((problem) => [problem.line, problem.message])).toEqual([
      [8, 'UF-2 is estimated differently: "1.5時間" (line 4), "1時間" (line 8)'],
    ]);
  });
});

describe('a label that names a sprint among its words', () => {
  it('commits the list below it to that sprint, unless the list is left out of it', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Title | SP |',
        '| --- | --- | --- |',
        '| LMS-1 | A | 3 |',
        '| LMS-2 | B | 5 |',
        '| LMS-3 | C | 2 |',
        '',
        'Committed Sprint 1 scope:',
        '- LMS-1 Enrollment',
        '',
        'Expected unlock for Sprint 2:',
        '- LMS-2 Grading',
        '',
        'Not in Sprint 2:',
        '- LMS-3 Reports',
      ].join('\n'),
    );
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items])).toEqual([
      ['Sprint 1', ['LMS-1']],
      ['Sprint 2', ['LMS-2']],
    ]);
  });
});
