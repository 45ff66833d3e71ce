import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';

const estimates = (markdown: string) =>
  backlogFromMarkdown(markdown).items.map((item) => [item.id, item.estimate?.expected ?? null, item.estimate?.unit ?? null]);

describe('a unit stated in weeks or minutes counts at its factor', () => {
  it('in a table header: each bare number in an "Estimate (weeks)" column is five days', () => {
    const table = [
      '| ID | Title | Estimate (weeks) | Est. (min) |',
      '|---|---|---|---|',
      '| T-1 | Login | 2 | |',
      '| T-2 | Export | 1.5 | |',
      '| T-3 | Audit | 3d | |',
    ];
    expect(estimates(table.join('\n'))).toEqual([
      ['T-1', 10, 'days'],
      ['T-2', 7.5, 'days'],
      ['T-3', 3, 'days'],
    ]);
    const minutes = ['| ID | Title | Est. (min) |', '|---|---|---|', '| T-1 | Login | 90 |', '| T-2 | Export | 30 + 15 |'];
    expect(estimates(minutes.join('\n'))).toEqual([
      ['T-1', 1.5, 'hours'],
      ['T-2', 0.75, 'hours'],
    ]);
  });

  it('in a metadata key: "**Estimate (weeks)**: 2" is ten days', () => {
    const stories = ['## US-1: Login', '', '**Estimate (weeks)**: 2', '', '## US-2: Export', '', '**Estimate**: 3d'];
    expect(estimates(stories.join('\n'))).toEqual([
      ['US-1', 10, 'days'],
      ['US-2', 3, 'days'],
    ]);
  });

  it('in stated capacities, totals and critical-path lengths', () => {
    const backlog = backlogFromMarkdown(
      [
        '## Sprint 1',
        '',
        'Capacity: 2 weeks',
        '',
        '| ID | Est |',
        '|---|---|',
        '| A-1 | 3d |',
        '| A-2 | 4d |',
        '',
        'Total: 1.4 weeks',
        '',
        'Critical path: A-1 → A-2 (90 min)',
      ].join('\n'),
    );
    expect(
      backlog.claims.map((claim) => [
        claim.kind,
        'value' in claim ? claim.value : claim.kind === 'critical-path' ? claim.length : null,
        'unit' in claim ? claim.unit : null,
      ]),
    ).toEqual([
      ['capacity', 10, 'days'],
      ['total', 7, 'days'],
      ['critical-path', 1.5, 'hours'],
    ]);
  });
});

describe('a stated critical path after the last story', () => {
  it('is the document’s claim, not the story’s metadata', () => {
    const backlog = backlogFromMarkdown(
      ['## US-1: Login (3d)', '', '## US-2: Export (2d)', '', 'Depends on: US-1', '', '**Critical path:** US-1 → US-2 (5 days)'].join('\n'),
    );
    expect(backlog.claims).toMatchObject([{ kind: 'critical-path', chain: ['US-1', 'US-2'], length: 5, unit: 'days' }]);
    expect(backlog.items.find((item) => item.id === 'US-2')?.fields).not.toHaveProperty('Critical path');
  });
});
