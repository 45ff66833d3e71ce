import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/analyze/graph.js';
import { ALL_OTHERS } from '../../src/extract/values/references.js';
import { ALL_ABOVE } from '../../src/extract/values/references.js';
import { backlogFromMarkdown } from '../../src/load.js';
import { buildBacklog } from '../../src/model/build-backlog.js';
import type { Backlog } from '../../src/model/types.js';
import { anonymous, extraction, record } from './records.js';

/** `ID ← prerequisites` per item, and what stayed unresolved. */
function edges(backlog: Backlog): string[] {
  return backlog.items.map(
    (item) => `${item.id} ← ${item.dependsOn.join(',') || '-'}${item.unresolved.length ? ` ? ${item.unresolved.join(',')}` : ''}`,
  );
}

const at = (line: number, file = 'plan.md') => ({ file, line, column: 1 });

describe('references by title', () => {
  it('a name resolves to the one item whose title it gives: equal, or all its words in any order', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Title | Estimate | Depends on |',
        '| --- | --- | --- | --- |',
        '| T-1 | Privacy-First Storage | 2d | - |',
        '| T-2 | Auth System | 1d | Storage |',
        '| T-3 | Complete E2E Test Flow | 1d | Auth (Pro check) |',
        '| T-4 | Backend API endpoint | 1d | E2E Complete |',
        '| T-5 | Backend API docs | 1d | Backend API |',
        '| T-6 | **Session Replay** | 1d | session replay |',
        '| T-7 | Polish | 1d | Frontend |',
      ].join('\n'),
    );
    expect(edges(backlog)).toEqual([
      'T-1 ← -',
      'T-2 ← T-1',
      'T-3 ← T-2',
      'T-4 ← T-3',
      // "Backend API" names T-4 and T-5: never the item itself, so T-4.
      'T-5 ← T-4',
      // Its own title: no dependency, and nothing else has it.
      'T-6 ← - ? session replay',
      'T-7 ← - ? Frontend',
    ]);
  });

  it('a name two titles give stays unresolved', () => {
    const backlog = buildBacklog([
      extraction([
        record('A-1', { title: 'Real-time Updates Design' }),
        record('A-2', { title: 'Real-time Updates Implementation' }),
        record('A-3', { title: 'Dashboard', references: ['Real-time Updates'] }),
        record('A-4', { title: 'Dashboard polish', references: ['Real-time Updates Design', 'all'] }),
      ]),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← -', 'A-2 ← -', 'A-3 ← - ? Real-time Updates', 'A-4 ← A-1 ? all']);
  });

  it('prefers the item of the same file, and looks in other files when its own has none', () => {
    const backlog = buildBacklog([
      extraction([record('A-1', { title: 'Storage layer' }), record('A-2', { title: 'Sync', references: ['Storage'] })], 'a.md'),
      extraction(
        [
          record('B-1', { title: 'Storage layer' }),
          record('B-2', { title: 'Sync', references: ['Storage'] }),
          record('B-3', { title: 'Billing', references: ['Sync engine'] }),
        ],
        'b.md',
      ),
      extraction([record('C-1', { title: 'Sync engine' })], 'c.md'),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← -', 'A-2 ← A-1', 'B-1 ← -', 'B-2 ← B-1', 'B-3 ← C-1', 'C-1 ← -']);
  });

  it('one plain word names a title it leads or ends, not one it stands inside; a code names wherever it stands', () => {
    const backlog = buildBacklog([
      extraction([
        record('A-7', { title: 'Basic Logging & Monitoring', successors: ['Monitoring'] }),
        record('B-5', { title: 'Performance Monitoring Setup' }),
        record('B-7', { title: 'Historical Baseline', successors: ['Measurement'] }),
        record('F-1', { title: 'Outcome Measurement Automation' }),
        record('G-1', { title: 'Complete E2E Test Flow' }),
        record('G-2', { title: 'Team Features', references: ['E2E', 'Baseline'] }),
      ]),
    ]);
    expect(edges(backlog)).toEqual(['A-7 ← - ? Monitoring', 'B-5 ← -', 'B-7 ← - ? Measurement', 'F-1 ← -', 'G-1 ← -', 'G-2 ← G-1,B-7']);
  });

  it('work without IDs, named by titles in a weekly plan', () => {
    const entry = (title: string, line: number, references: string[] = []) =>
      anonymous(title, line, { references, container: `list:${line}` });
    const backlog = buildBacklog([
      extraction([
        entry('Activation Funnel Completion', 8),
        entry('Fix Placeholder Tests', 32),
        entry('Session Replay Optimization', 39, ['Activation Funnel']),
        entry('Contract Tests Extension↔MCP', 56, ['Fix Placeholder Tests']),
        entry('Complete E2E Test Flow', 90, ['Fix Placeholder Tests', 'Contract Tests']),
        entry('Advanced Analytics Phase 1', 144, ['Activation Funnel', 'Replay Optimization']),
        entry('Team Features Implementation', 161, ['E2E']),
      ]),
    ]);
    expect(edges(backlog)).toEqual([
      'plan.md:8 ← -',
      'plan.md:32 ← -',
      'plan.md:39 ← plan.md:8',
      'plan.md:56 ← plan.md:32',
      'plan.md:90 ← plan.md:32,plan.md:56',
      'plan.md:144 ← plan.md:8,plan.md:39',
      'plan.md:161 ← plan.md:90',
    ]);
  });

  it('an ID-shaped reference is no title', () => {
    const backlog = buildBacklog([
      extraction([record('A-1', { title: 'Migrate X-7 clients' }), record('A-2', { title: 'Rollout', references: ['X-7'] })]),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← -', 'A-2 ← - ? X-7']);
  });

  it('resolves successors by title too', () => {
    const backlog = buildBacklog([
      extraction([record('A-1', { title: 'Schema', successors: ['Importer'] }), record('A-2', { title: 'CSV Importer' })]),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← -', 'A-2 ← A-1']);
  });
});

describe('short forms of IDs', () => {
  it('a number or suffix resolves to the one ID of the file that ends with it at a boundary', () => {
    const backlog = buildBacklog([
      extraction([
        record('PHASE1-001', { title: 'Enum' }),
        record('PHASE1-002', { title: 'Model', references: ['001'] }),
        record('WP-04', { title: 'Spike' }),
        record('WP-14', { title: 'Linux' }),
        record('TODO-FM04', { title: 'Hook' }),
        record('WP-15', { title: 'Loop', references: ['14', '04', 'FM04', '4', 'M04'] }),
      ]),
    ]);
    // "04" ends WP-04 and TODO-FM04; "4" ends nothing at a boundary; "M04" breaks no boundary.
    expect(edges(backlog)).toEqual([
      'PHASE1-001 ← -',
      'PHASE1-002 ← PHASE1-001',
      'WP-04 ← -',
      'WP-14 ← -',
      'TODO-FM04 ← -',
      'WP-15 ← WP-14,TODO-FM04 ? 04,4,M04',
    ]);
  });

  it('a range of short forms: every item between its ends, when each is defined', () => {
    const backlog = buildBacklog([
      extraction([
        record('PMAT-301'),
        record('PMAT-302'),
        record('PMAT-303'),
        record('PMAT-308', { references: ['301..303'] }),
        record('TODO-FM01'),
        record('TODO-FM02'),
        record('TODO-FM05', { references: ['TODO-FM01 ~ FM02'] }),
        record('TODO-FM06', { references: ['FM01 ~ FM05'] }),
      ]),
    ]);
    expect(edges(backlog)).toEqual([
      'PMAT-301 ← -',
      'PMAT-302 ← -',
      'PMAT-303 ← -',
      'PMAT-308 ← PMAT-301,PMAT-302,PMAT-303',
      'TODO-FM01 ← -',
      'TODO-FM02 ← -',
      'TODO-FM05 ← TODO-FM01,TODO-FM02',
      // FM03 and FM04 are no items: the range is not read.
      'TODO-FM06 ← - ? FM01 ~ FM05',
    ]);
  });

  it('only in the same file', () => {
    const backlog = buildBacklog([
      extraction([record('WP-14', { title: 'Linux' })], 'a.md'),
      extraction([record('T-1', { title: 'Loop', references: ['14'] })], 'b.md'),
    ]);
    expect(edges(backlog)).toEqual(['WP-14 ← -', 'T-1 ← - ? 14']);
  });

  it('reads "Depends on 001" in a table of prefixed IDs', () => {
    const backlog = backlogFromMarkdown(
      [
        '| ID | Task | Duration | Depends on |',
        '| --- | --- | --- | --- |',
        '| PHASE1-001 | Enum | 5 min | - |',
        '| PHASE1-002 | Model | 10 min | 001 |',
      ].join('\n'),
    );
    expect(edges(backlog)).toEqual(['PHASE1-001 ← -', 'PHASE1-002 ← PHASE1-001']);
  });
});

describe('whole-set references', () => {
  it('"all" in a dependency cell: every other work item of the file that does not wait for this one', () => {
    const backlog = buildBacklog([
      extraction([
        record('A-1'),
        record('A-2', { references: [ALL_OTHERS] }),
        record('A-3', { references: ['A-4'] }),
        record('A-4', { references: ['A-2'] }),
        record('A-5'),
      ]),
      extraction([record('B-1')], 'other.md'),
    ]);
    // A-4 waits for A-2, A-3 for A-4: neither can be its prerequisite.
    expect(edges(backlog)).toEqual(['A-1 ← -', 'A-2 ← A-1,A-5', 'A-3 ← A-4', 'A-4 ← A-2', 'A-5 ← -', 'B-1 ← -']);
  });

  it('"all" in a successor cell: every other item waits for this one, but what it waits for', () => {
    const backlog = buildBacklog([
      extraction([
        record('A-1', { successors: [ALL_OTHERS], references: ['A-0'] }),
        record('A-0'),
        record('A-2'),
        record('A-3', { references: [ALL_OTHERS] }),
      ]),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← A-0', 'A-0 ← -', 'A-2 ← A-1', 'A-3 ← A-1,A-0,A-2']);
    expect(findCycles(backlog)).toEqual([]);
  });

  it('two items that each wait for "all" make no cycle', () => {
    const backlog = buildBacklog([
      extraction([record('A-1', { references: [ALL_OTHERS] }), record('A-2'), record('A-3', { references: [ALL_OTHERS] })]),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← A-2,A-3', 'A-2 ← -', 'A-3 ← A-2']);
    expect(findCycles(backlog)).toEqual([]);
  });

  it('"all above" outside a table: the earlier items among the same siblings', () => {
    const heading = (id: string, line: number, references: string[] = []) =>
      record(id, { source: at(line), container: `heading:${line}`, siblings: 'heading:3', references });
    const backlog = buildBacklog([
      extraction([
        heading('US-1', 10),
        record('T-1', { source: at(12), container: 'list:12', siblings: 'list:12' }),
        heading('US-2', 20),
        record('T-2', { source: at(22), container: 'list:22', siblings: 'list:22' }),
        record('T-3', { source: at(23), container: 'list:22', siblings: 'list:22', references: [ALL_ABOVE] }),
        heading('US-3', 30, [ALL_ABOVE, 'T-1']),
        record('N-1', { source: at(40), container: 'line:40', siblings: null, references: [ALL_ABOVE] }),
      ]),
    ]);
    expect(edges(backlog)).toEqual([
      'US-1 ← -',
      'T-1 ← -',
      'US-2 ← -',
      'T-2 ← -',
      'T-3 ← T-2',
      'US-3 ← T-1,US-1,US-2',
      'N-1 ← US-1,T-1,US-2,T-2,T-3,US-3',
    ]);
  });

  it('"all previous stories" under heading items', () => {
    const backlog = backlogFromMarkdown(
      [
        '### US-001: Auth',
        '',
        '**Estimated Effort:** 1d',
        '',
        '### US-002: Icons',
        '',
        '**Estimated Effort:** 1d',
        '',
        '### US-003: Launch',
        '',
        '**Dependencies:** All previous stories complete',
        '**Estimated Effort:** 1d',
      ].join('\n'),
    );
    expect(edges(backlog)).toEqual(['US-001 ← -', 'US-002 ← -', 'US-003 ← US-001,US-002']);
  });
});

describe('group aliases', () => {
  const groups = [
    { id: 'Epic E1', name: 'Epic E1 Foundation', release: null, source: at(1) },
    { id: '2', name: '2 Accounts', release: null, source: at(2) },
  ];

  it('"E1", "E1 complete" and "Epic 2" name the groups "Epic E1" and "2"', () => {
    const backlog = buildBacklog([
      extraction(
        [
          record('US-1', { group: 'Epic E1 Foundation' }),
          record('US-2', { group: 'Epic E1 Foundation' }),
          record('US-3', { group: '2 Accounts', references: ['E1 complete'] }),
          record('US-4', { references: ['E1', 'Epic 2'] }),
          record('US-5', { references: ['Phase 3'] }),
        ],
        'plan.md',
        groups,
      ),
    ]);
    expect(edges(backlog)).toEqual(['US-1 ← -', 'US-2 ← -', 'US-3 ← US-1,US-2', 'US-4 ← US-1,US-2,US-3', 'US-5 ← - ? Phase 3']);
  });

  it('an alias two groups share names neither', () => {
    const backlog = buildBacklog([
      extraction(
        [record('A-1', { group: 'Epic 2 One' }), record('B-1', { group: 'Phase 2 Two' }), record('C-1', { references: ['2'] })],
        'plan.md',
        [
          { id: 'Epic 2', name: 'Epic 2 One', release: null, source: at(1) },
          { id: 'Phase 2', name: 'Phase 2 Two', release: null, source: at(2) },
        ],
      ),
    ]);
    expect(edges(backlog)).toEqual(['A-1 ← -', 'B-1 ← -', 'C-1 ← - ? 2']);
  });
});
