import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import { buildBacklog } from '../../src/model/build-backlog.js';
import { statusMeaning } from '../../src/model/status.js';
import { extraction, record } from './records.js';

/** The status conflicts of one item written with these two statuses, in two tables. */
function conflicts(first: string, second: string): string[][] {
  const backlog = buildBacklog([
    extraction([
      record('US-1', { status: first, container: 'table:1', source: { file: 'plan.md', line: 3, column: 1 } }),
      record('US-1', { status: second, container: 'table:9', source: { file: 'plan.md', line: 11, column: 1 } }),
    ]),
  ]);
  return backlog.conflicts.filter((conflict) => conflict.field === 'status').map((conflict) => conflict.values.map((entry) => entry.value));
}

describe('status conflicts compare what a status means', () => {
  it('reads done, cancelled and open through marks, notes and dates', () => {
    expect(
      [
        '✅ COMPLETE (2026-05-26)',
        '✅ DONE',
        'Done (PR #12)',
        '完了（ADR-004）',
        '✅ İPTAL EDİLDİ',
        "Won't fix",
        'Cancelled - duplicate',
        'In progress',
        '⬜',
        'Todo',
      ].map((status) => statusMeaning(status)),
    ).toEqual(['done', 'done', 'done', 'done', 'cancelled', 'cancelled', 'cancelled', 'open', 'open', 'open']);
  });

  it('two ways of writing one state are no conflict', () => {
    expect(conflicts('✅ COMPLETE (2026-05-26)', '✅ DONE')).toEqual([]);
    expect(conflicts('**Done**', 'done')).toEqual([]);
    expect(conflicts('In progress (since May)', 'in progress 2026-05-01')).toEqual([]);
    expect(conflicts('⬜', 'Not started')).toEqual([]);
  });

  it('done against open, or done against cancelled, is', () => {
    expect(conflicts('Done', 'In progress')).toEqual([['Done', 'In progress']]);
    expect(conflicts('✅ Done', 'Cancelled')).toEqual([['✅ Done', 'Cancelled']]);
  });

  it('two open statuses that say different things are', () => {
    expect(conflicts('In progress', 'Blocked')).toEqual([['In progress', 'Blocked']]);
  });

  it('a story section and a sprint table that agree in meaning', () => {
    const backlog = backlogFromMarkdown(
      [
        '## Sprint 1: Foundation',
        '',
        '| ID | Title | Effort | Status |',
        '| --- | --- | --- | --- |',
        '| US-001 | Auth | 0.5d | ✅ DONE |',
        '| US-002 | Icons | 1d | In progress |',
        '',
        '## Stories',
        '',
        '### US-001: Auth',
        '',
        '**Status:** ✅ COMPLETE (2026-05-26)',
        '',
        '### US-002: Icons',
        '',
        '**Status:** Done',
      ].join('\n'),
    );
    expect(backlog.conflicts.filter((conflict) => conflict.field === 'status').map((conflict) => conflict.item)).toEqual(['US-002']);
  });
});
