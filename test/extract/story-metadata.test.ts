import { describe, expect, it } from 'vitest';
import { readKeyValues } from '../../src/extract/roles/key-values.js';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { itemRows } from '../helpers/item-rows.js';

const claims = (backlog: Backlog) =>
  backlog.claims.map((claim) => [
    claim.kind,
    'value' in claim ? claim.value : null,
    'unit' in claim ? claim.unit : null,
    claim.scope.sprint ?? '-',
  ]);

describe('a key/value table under a story heading is its metadata (finding 1)', () => {
  it('reads the estimate, dependency and status rows as **Key**: value lines would be', () => {
    const backlog = backlogFromMarkdown(
      [
        '### US-0: Index',
        '',
        '**Estimate**: 2 SP',
        '',
        '### US-1: Search',
        '',
        '| Field | Value |',
        '|---|---|',
        '| Estimate | 5 SP |',
        '| Depends on | US-0 |',
        '| Status | Done |',
        '',
        '### US-2: Filter',
        '',
        '| Property | Value |',
        '|---|---|',
        '| Story Points | 3 |',
        '| Blocked by | US-1 |',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'US-0 | Index | 2 points | - | - | - | open | -',
      'US-1 | Search | 5 points | - | US-0 | Done | done | -',
      'US-2 | Filter | 3 points | - | US-1 | - | open | -',
    ]);
    expect(backlog.items.find((item) => item.id === 'US-1')?.done).toBe(true);
  });

  it('keeps a stated capacity in such a table a claim, and a table of tasks or status counts no metadata', () => {
    const backlog = backlogFromMarkdown(
      [
        '## Sprint 4',
        '',
        '### US-1: Search',
        '',
        '| Field | Value |',
        '|---|---|',
        '| Estimate | 5 SP |',
        '| Capacity | 20 |',
        '',
        '### US-2: Filter',
        '',
        '| Task | Hours |',
        '|---|---|',
        '| Write the query | 4 |',
        '| Review | 2 |',
        '',
        '### US-3: Sort',
        '',
        '| Status | Subtasks |',
        '|---|---|',
        '| Done | 3 |',
        '| In progress | 2 |',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'US-1 | Search | 5 points | Sprint 4 | - | - | open | -',
      'US-2 | Filter | - | Sprint 4 | - | - | open | -',
      'US-3 | Sort | - | Sprint 4 | - | - | open | -',
    ]);
    expect(backlog.items.find((item) => item.id === 'US-2')?.fields).toEqual({});
    expect(backlog.items.find((item) => item.id === 'US-3')?.fields).toEqual({});
    expect(claims(backlog)).toEqual([['capacity', 20, null, '4']]);
  });

  it('reads a key/value table outside any story as before: figures only', () => {
    const backlog = backlogFromMarkdown(
      [
        '## Sprint 4',
        '',
        '| Field | Value |',
        '|---|---|',
        '| Capacity | 20 |',
        '| Estimate | 5 SP |',
        '',
        '- [ ] US-1 Search (3 SP)',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual(['US-1 | Search | 3 points | Sprint 4 | - | - | open | -']);
    expect(claims(backlog)).toEqual([['capacity', 20, null, '4']]);
  });
});

describe('a dependency label followed by a list of IDs (finding 2)', () => {
  it('reads the listed IDs as the story’s dependencies, not as items or sprint members', () => {
    const backlog = backlogFromMarkdown(
      [
        '## Sprint 2',
        '',
        '### US-1: Search (3 SP)',
        '### US-2: Filter (2 SP)',
        '### US-3: Sort (5 SP)',
        '',
        'Depends on:',
        '- US-1',
        '- US-2 (API first)',
        '',
        '### US-4: Export (1 SP)',
        '',
        '**Blocked by:**',
        '',
        '- US-3: the sort order decides the export order',
        '',
        '### US-5: Share (1 SP)',
        '',
        'Dependencies:',
        '1. US-4 Export',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'US-1 | Search | 3 points | Sprint 2 | - | - | open | -',
      'US-2 | Filter | 2 points | Sprint 2 | - | - | open | -',
      'US-3 | Sort | 5 points | Sprint 2 | US-1,US-2 | - | open | -',
      'US-4 | Export | 1 points | Sprint 2 | US-3 | - | open | -',
      'US-5 | Share | 1 points | Sprint 2 | US-4 | - | open | -',
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.key, sprint.items])).toEqual([['2', ['US-1', 'US-2', 'US-3', 'US-4', 'US-5']]]);
  });

  it('leaves a label whose list is prose, or that stands outside a story, as it was', () => {
    const backlog = backlogFromMarkdown(
      [
        '### US-1: Search (3 SP)',
        '',
        'Depends on:',
        '- the payments API going live',
        '- US-9 being merged',
        '',
        '## Sprint 2',
        '',
        'Dependencies:',
        '- US-1',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual(['US-1 | Search | 3 points | - | - | - | open | -']);
  });

  it('does not read a nested list under the label as a flat list of dependencies', () => {
    const backlog = backlogFromMarkdown(
      ['### US-1: Search (3 SP)', '### US-2: Sort (3 SP)', '', 'Depends on:', '- US-1', '  - US-7 Index rebuild (2 SP)'].join('\n'),
    );
    expect(backlog.items.find((item) => item.id === 'US-2')?.dependsOn).toEqual([]);
  });
});

describe('key lines with "=" or a spaced dash (finding 3)', () => {
  it('reads known metadata keys set off by "=", "-", "–" or "—"', () => {
    expect(readKeyValues('Estimate = 3d')).toEqual([{ key: 'Estimate', value: '3d' }]);
    expect(readKeyValues('**Estimate** - 3d')).toEqual([{ key: 'Estimate', value: '3d' }]);
    expect(readKeyValues('Story Points – 5 | Status — In progress')).toEqual([
      { key: 'Story Points', value: '5' },
      { key: 'Status', value: 'In progress' },
    ]);
    expect(readKeyValues('Depends on - US-1, US-2')).toEqual([{ key: 'Depends on', value: 'US-1, US-2' }]);
  });

  it('leaves prose with dashes, unknown keys and non-figures after an estimate key alone', () => {
    expect(readKeyValues('Search – the first cut of the index')).toEqual([]);
    expect(readKeyValues('Owner - Ana')).toEqual([]);
    expect(readKeyValues('Points - see the sizing notes below')).toEqual([]);
    expect(readKeyValues('Done – 3 items moved to the next sprint')).toEqual([]);
    expect(readKeyValues('x = y')).toEqual([]);
  });

  it('gives the story under whose heading they stand its estimate, status and dependencies', () => {
    const backlog = backlogFromMarkdown(
      [
        '### T-1: Schema',
        '',
        'Estimate = 3d',
        '',
        '### T-2: Import',
        '',
        '- Estimate – 2d',
        '- Depends on - T-1',
        '- Status - Done',
        '',
        'Search – the first cut of the index',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'T-1 | Schema | 3 days | - | - | - | open | -',
      'T-2 | Import | 2 days | - | T-1 | Done | done | -',
    ]);
    expect(backlog.items.find((item) => item.id === 'T-2')?.fields).toEqual({ Estimate: '2d', 'Depends on': 'T-1', Status: 'Done' });
  });
});

describe('the front matter of a sprint file (finding 4)', () => {
  it('puts the items the file lists in that sprint and reads its capacity and velocity as claims', () => {
    const backlog = backlogFromMarkdown(
      [
        '---',
        'sprint: 12',
        'capacity: 34 pts',
        'velocity: 30',
        'team: 4',
        '---',
        '',
        '# Payments',
        '',
        '| ID | Story | SP | Depends on |',
        '|----|-------|----|------------|',
        '| PAY-40 | Refund flow | 8 | |',
        '| PAY-41 | Partial refunds | 5 | PAY-40 |',
        '',
        '## Out of sprint',
        '',
        '- [ ] PAY-50 Dispute dashboard (8 pts)',
      ].join('\n'),
    );
    expect(itemRows(backlog)).toEqual([
      'PAY-40 | Refund flow | 8 points | Sprint 12 | - | - | open | -',
      'PAY-41 | Partial refunds | 5 points | Sprint 12 | PAY-40 | - | open | -',
      'PAY-50 | Dispute dashboard | 8 points | - | - | - | open | -',
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.key, sprint.items, sprint.committed])).toEqual([['12', ['PAY-40', 'PAY-41'], 13]]);
    expect(claims(backlog)).toEqual([
      ['capacity', 34, 'points', '12'],
      ['velocity', 30, null, '12'],
    ]);
    // Each claim points at the front-matter line that states it.
    expect(backlog.claims.map((claim) => claim.source.line)).toEqual([3, 4]);
  });

  it('reads the same figures as a sprint heading with Capacity and Velocity lines would', () => {
    const figures = (backlog: Backlog) => claims(backlog).map(([kind, value, , sprint]) => [kind, value, sprint]);
    const fromFrontMatter = backlogFromMarkdown(
      ['---', 'sprint: Sprint 3', 'capacity: 20', 'velocity: 18', '---', '- [ ] A-1 x (8 pts)'].join('\n'),
    );
    const fromHeading = backlogFromMarkdown(['## Sprint 3', '', 'Capacity: 20', 'Velocity: 18', '', '- [ ] A-1 x (8 pts)'].join('\n'));
    expect(figures(fromFrontMatter)).toEqual(figures(fromHeading));
    expect(itemRows(fromFrontMatter)).toEqual(itemRows(fromHeading));
  });

  it('keeps reading front matter without a sprint as nothing, and a story file as its story', () => {
    expect(backlogFromMarkdown(['---', 'capacity: 20', '---', '- [ ] A-1 x (8 pts)'].join('\n')).claims).toEqual([]);
    const story = backlogFromMarkdown(['---', 'id: PAY-2', 'points: 5', 'sprint: 3', 'capacity: 9', '---', '', '# Refunds'].join('\n'));
    expect(itemRows(story)).toEqual(['PAY-2 | Refunds | 5 points | Sprint 3 | - | - | open | -']);
    expect(story.claims).toEqual([]);
  });
});
