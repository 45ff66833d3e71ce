import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown, backlogFromSources } from '../../src/load.js';
import { lint } from '../../src/lint/index.js';
import type { Backlog } from '../../src/model/types.js';
import { itemRows } from '../helpers/item-rows.js';
import { sumExpected, workItems } from '../../src/model/totals.js';
import { decodeBytes } from '../../src/read/decode.js';

const estimateProblems = (backlog: Backlog) =>
  lint(backlog)
    .problems.filter((problem) => /estimate/.test(problem.rule))
    .map((problem) => [problem.rule, problem.line, problem.message]);

function load(name: string): Backlog {
  const file = `fixtures/lists/${name}`;
  return backlogFromSources([{ file, path: file, ...decodeBytes(readFileSync(file), file) }]);
}

describe('plain bullets under a sprint heading (finding 1)', () => {
  const backlog = backlogFromMarkdown(
    [
      '## Sprint 3',
      '',
      '- OTR-21 Search filters — 8 pts',
      '- OTR-22 Saved searches — 5 pts (depends on OTR-21)',
      '- OTR-23',
      '- OTR-24 partly, the API only',
      '',
      '## Later',
      '',
      '| ID | Title | Pts |',
      '|---|---|---|',
      '| OTR-23 | Export | 3 |',
      '| OTR-24 | Import | 2 |',
    ].join('\n'),
  );

  it('reads an entry with its own estimate as an item of the sprint, with its dependencies', () => {
    expect(itemRows(backlog).slice(0, 2)).toEqual([
      'OTR-21 | Search filters | 8 points | Sprint 3 | - | - | open | -',
      'OTR-22 | Saved searches | 5 points | Sprint 3 | OTR-21 | - | open | -',
    ]);
  });

  it('keeps a bare ID, or an ID with a note, a commitment of an item defined elsewhere', () => {
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items, sprint.committed, sprint.partial])).toEqual([
      ['Sprint 3', ['OTR-21', 'OTR-22', 'OTR-23', 'OTR-24'], 18, { 'OTR-24': 'partly, the API only' }],
    ]);
    expect(backlog.items.find((item) => item.id === 'OTR-24')?.title).toBe('Import');
  });
});

describe('ID-led entries in a list of items (finding 2)', () => {
  it('reads a titled entry without estimate as an item when its siblings are items', () => {
    const backlog = backlogFromMarkdown(
      ['# Roadmap', '', '- **RM-1** Alpha (TBD)', '- **RM-2** Beta (3d)', '- **RM-3** Gamma', '1. US-3 Export'].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'RM-1 | Alpha | - | - | - | - | open | -',
      'RM-2 | Beta | 3 days | - | - | - | open | -',
      'RM-3 | Gamma | - | - | - | - | open | -',
      'US-3 | Export | - | - | - | - | open | -',
    ]);
  });

  it('leaves lists without items as prose, however their entries start', () => {
    const prose = backlogFromMarkdown(
      ['# Notes', '', '- RM-1 Alpha is the first milestone', '- RM-2 Beta follows', '', 'Text.', '', '- [ ] RM-3 Gamma (2d)'].join('\n'),
    );
    expect(prose.items.map((item) => item.id)).toEqual(['RM-3']);
    const mentions = backlogFromMarkdown(
      ['- [ ] US-1 Login (3d)', '- US-1 is blocked by legal', '- AION-1 through AION-4', '- See US-2 for details'].join('\n'),
    );
    expect(mentions.items.map((item) => item.id)).toEqual(['US-1']);
  });

  it('reads a titled entry as an item when entries nested below it are its tasks', () => {
    const backlog = backlogFromMarkdown(['- RM-1 Alpha', '  - [ ] T-1 Build (2d)', '  - [ ] T-2 Test (1d)'].join('\n'));
    expect(itemRows(backlog)).toEqual([
      'RM-1 | Alpha | - | - | - | - | open | -',
      'T-1 | Build | 2 days | - | - | - | open | RM-1',
      'T-2 | Test | 1 days | - | - | - | open | RM-1',
    ]);
  });
});

describe('missing and unparsable estimates among estimated siblings (finding 3)', () => {
  it('fires for list entries whose list carries estimates', () => {
    const backlog = backlogFromMarkdown(
      ['# Roadmap', '', '- **RM-1** Alpha (TBD)', '- **RM-2** Beta (3d)', '- **RM-3** Gamma', '- **RM-4** Delta (4 cups)'].join('\n'),
    );
    expect(estimateProblems(backlog)).toEqual([
      ['missing-estimate', 3, 'RM-1 has no estimate'],
      ['missing-estimate', 5, 'RM-3 has no estimate'],
      ['unparsable-estimate', 6, 'RM-4: "4 cups" is not an estimate'],
    ]);
  });

  it('fires for heading items whose level carries estimates, from the title or a metadata line', () => {
    const backlog = backlogFromMarkdown(
      ['## US-1: Search (3 SP)', '', '## US-2: Filter', '', '**Estimate:** 2 SP', '', '## US-3: Sort', '', '## US-4: Export (2 cups)'].join(
        '\n',
      ),
    );
    expect(estimateProblems(backlog)).toEqual([
      ['missing-estimate', 7, 'US-3 has no estimate'],
      ['unparsable-estimate', 9, 'US-4: "2 cups" is not an estimate'],
    ]);
  });

  it('stays silent where no sibling is estimated, and for the tasks of an estimated story', () => {
    expect(
      estimateProblems(backlogFromMarkdown(['## US-1: Search', '## US-2: Filter', '- [ ] T-1 Build', '- [ ] T-2 Test'].join('\n'))),
    ).toEqual([]);
    expect(estimateProblems(backlogFromMarkdown(['## US-1: Search (3 SP)', '- [ ] T-1 Build (1d)', '- [ ] T-2 Test'].join('\n')))).toEqual(
      [],
    );
  });
});

describe('a bracketed ID in a heading (finding 4)', () => {
  it('reads "### [FEAT-3] Dark mode (5 pts)" as "### FEAT-3 Dark mode (5 pts)"', () => {
    const backlog = backlogFromMarkdown(
      ['### [FEAT-3] Dark mode (5 pts)', 'Blocked by: FEAT-1', '', '### [FEAT-1] Theme tokens (3 pts)'].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'FEAT-3 | Dark mode | 5 points | - | FEAT-1 | - | open | -',
      'FEAT-1 | Theme tokens | 3 points | - | - | - | open | -',
    ]);
  });
});

describe('acceptance criteria and Definition of Done (finding 5)', () => {
  it('reads no items from a criteria checklist under a heading or a label', () => {
    const backlog = backlogFromMarkdown(
      [
        '## US-1: Password reset',
        '',
        '### Acceptance criteria',
        '- [ ] AC-1 Reset link expires (24h)',
        '- [ ] AC-2 Max 5 requests per hour',
        '',
        '## US-2: Login (2d)',
        '',
        '**Definition of Done:**',
        '',
        '- [ ] DOD-1 Reviewed (1h)',
        '',
        'Tasks:',
        '',
        '- [ ] T-1 Form (1d)',
        '',
        '## US-3: Logout (1d)',
        '',
        '#### Akzeptanzkriterien',
        '- [ ] AK-1 Session endet (1h)',
        '',
        '## US-4: Profile (1d)',
        '',
        '**Acceptance Criteria**',
        '- [ ] AC-9 Avatar shows (1h)',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => item.id)).toEqual(['US-1', 'US-2', 'T-1', 'US-3', 'US-4']);
  });
});

describe('nested checklists (finding 6)', () => {
  it('reads nested entries as children of the entry above, so totals count the parent once', () => {
    const backlog = backlogFromMarkdown(
      ['- [ ] A-1 Email digests (3d)', '  - [ ] A-1.1 Template (1d)', '  - [x] A-1.2 Scheduler (2d)', '- [ ] A-2 Push (2d)'].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.parent])).toEqual([
      ['A-1', null],
      ['A-1.1', 'A-1'],
      ['A-1.2', 'A-1'],
      ['A-2', null],
    ]);
    expect(sumExpected(workItems(backlog), 'days')).toBe(5);
  });

  it('applies metadata nested under an entry to that entry', () => {
    const backlog = backlogFromMarkdown(
      ['# X', '', '- [ ] A-1 Email digests', '  - Estimate: 3d', '  - Depends on: A-0', '- [ ] A-0 Setup (1d)'].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'A-1 | Email digests | 3 days | - | A-0 | - | open | -',
      'A-0 | Setup | 1 days | - | - | - | open | -',
    ]);
  });
});

describe('done marks in titles (finding 7)', () => {
  it('reads ✅, [DONE], (Done) and a struck-through title as done, and leaves them out of the title', () => {
    const backlog = backlogFromMarkdown(
      [
        '# S',
        '## US-12: Guest checkout ✅',
        'Points: 3',
        '## ~~US-15: Pay~~',
        'Points: 5',
        '## US-16: Refunds [DONE]',
        'Points: 2',
        '## US-17: Vouchers (Done)',
        'Points: 1',
        '## US-18: Gift cards',
        'Points: 1',
        '',
        '- [ ] A-1 Export (3 SP) ✅',
        '- ~~A-2 Import (1 SP)~~',
        '- [ ] A-3 Sync (2 SP)',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.title, item.done])).toEqual([
      ['US-12', 'Guest checkout', true],
      ['US-15', 'Pay', true],
      ['US-16', 'Refunds', true],
      ['US-17', 'Vouchers', true],
      ['US-18', 'Gift cards', false],
      ['A-1', 'Export', true],
      ['A-2', 'Import', true],
      ['A-3', 'Sync', false],
    ]);
  });
});

describe('board columns and dependency notes with a colon (finding 8)', () => {
  it('gives items under a status-named heading that status', () => {
    const backlog = backlogFromMarkdown(
      [
        '## Doing',
        '- [ ] KB-2 Search (3 pts)',
        '## Done',
        '- [ ] KB-1 CSV export (2 pts) #backend',
        '## Done criteria',
        '- [ ] KB-3 Docs (1 pts)',
      ].join('\n'),
    );
    expect(backlog.items.map((item) => [item.id, item.status, item.done])).toEqual([
      ['KB-2', 'Doing', false],
      ['KB-1', 'Done', true],
      ['KB-3', null, false],
    ]);
  });

  it('reads "— blocked by: A-2", "(deps: A-1)" and dependency words in other languages, but not a title that says "after"', () => {
    const backlog = backlogFromMarkdown(
      [
        '- [ ] A-1 x (1d)',
        '- [ ] A-2 y (1d) (deps: A-1)',
        '- [ ] A-3 z (1d) — blocked by: A-2',
        '- [ ] A-4 w (1d) — depende de A-1',
        '- [ ] A-5 Redirect after login (1d)',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'A-1 | x | 1 days | - | - | - | open | -',
      'A-2 | y | 1 days | - | A-1 | - | open | -',
      'A-3 | z | 1 days | - | A-2 | - | open | -',
      'A-4 | w | 1 days | - | A-1 | - | open | -',
      'A-5 | Redirect after login | 1 days | - | - | - | open | -',
    ]);
  });
});

describe('a section outside the sprint', () => {
  it('commits nothing of what it lists to the sprint above', () => {
    const backlog = backlogFromMarkdown(
      [
        '# Sprint 2',
        '',
        '## Historias comprometidas',
        '',
        '1. **HU-05** Registro (5 pts)',
        '',
        '## Fuera del sprint',
        '',
        '- **HU-09** Notificaciones (5 pts) — bloqueada por HU-05',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'HU-05 | Registro | 5 points | Sprint 2 | - | - | open | -',
      'HU-09 | Notificaciones | 5 points | - | HU-05 | - | open | -',
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.committed])).toEqual([['Sprint 2', 5]]);
  });
});

describe('sprint sections of plain bullets (sprint-bullets.md)', () => {
  const backlog = load('sprint-bullets.md');

  it('reads each estimated bullet as an item of its sprint and each bare ID as a commitment', () => {
    expect(itemRows(backlog)).toEqual([
      'HRN-11 | Route planner | 8 points | Sprint 7 | - | - | open | -',
      'HRN-12 | Saved routes | 5 points | Sprint 7 | HRN-11 | - | open | -',
      'HRN-13 | Offline maps | 13 points | Sprint 8 | HRN-11 | - | open | -',
      'HRN-16 | Turn-by-turn voice | - | Sprint 8 | - | - | open | -',
      'HRN-14 | Share a route | 3 points | Sprint 7 | - | - | open | -',
      'HRN-15 | Route export | 2 points | Sprint 7 | - | - | open | -',
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items, sprint.committed, sprint.partial])).toEqual([
      ['Sprint 7', ['HRN-11', 'HRN-12', 'HRN-14', 'HRN-15'], 18, { 'HRN-15': 'partly, the API only' }],
      ['Sprint 8', ['HRN-13', 'HRN-16'], 13, {}],
    ]);
    expect(estimateProblems(backlog)).toEqual([['missing-estimate', 15, 'HRN-16 has no estimate but is committed to Sprint 8']]);
  });
});

describe('a board of status columns (board-columns.md)', () => {
  const backlog = load('board-columns.md');

  it('reads column statuses, nested tasks as children, no acceptance criteria, and the item without estimate', () => {
    expect(itemRows(backlog)).toEqual([
      'BRD-7 | Refund by card | 3 days | - | - | To do | open | -',
      'BRD-7.1 | Gateway call | 1 days | - | - | To do | open | BRD-7',
      'BRD-7.2 | Refund e-mail | 2 days | - | - | To do | done | BRD-7',
      'BRD-8 | Partial refunds | 2 days | - | BRD-7 | To do | open | -',
      'BRD-9 | Refund report | - | - | - | To do | open | -',
      'BRD-5 | Invoice numbering | 1 days | - | - | In progress | open | -',
      'BRD-3 | Invoice PDF | 2 days | - | - | Done | done | -',
      'BRD-4 | Invoice e-mail | 1 days | - | - | Done | done | -',
      'BRD-2 | Tax table | 1 days | - | - | Done | done | -',
    ]);
    expect(sumExpected(workItems(backlog), 'days')).toBe(3 + 2 + 1 + 2 + 1 + 1);
    expect(estimateProblems(backlog)).toEqual([['missing-estimate', 9, 'BRD-9 has no estimate']]);
  });
});
