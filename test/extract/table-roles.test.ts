import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { itemRows } from '../helpers/item-rows.js';

const table = (header: string, rows: string[]) => {
  const columns = header.split('|').length;
  return [`| ${header} |`, `|${'---|'.repeat(columns)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
};

const doc = (...parts: string[]) => parts.join('\n\n');
const rules = (backlog: Backlog) => backlog.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.rule}`);

describe('column roles from content as well as header words', () => {
  it('takes a "Scope" or "Feature" column of distinct phrases as the title, not as one-item groups', () => {
    const backlog = backlogFromMarkdown(
      table('Ticket | Scope | Estimate', [
        'PM-1 | Generator and manifest scaffolding | 1.5 days',
        'PM-2 | Llama family recipe and contract | 2 days',
        'PM-3 | Coverage matrix CI gate | 0.5 day',
      ]),
    );
    expect(itemRows(backlog)).toEqual([
      'PM-1 | Generator and manifest scaffolding | 1.5 days | - | - | - | open | -',
      'PM-2 | Llama family recipe and contract | 2 days | - | - | - | open | -',
      'PM-3 | Coverage matrix CI gate | 0.5 days | - | - | - | open | -',
    ]);
    expect(backlog.groups).toEqual([]);
    expect(backlog.items.map((item) => item.group)).toEqual([null, null, null]);
  });

  it('keeps a column that repeats its values as the group', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Feature | Title | SP', ['A-1 | Billing | Invoice PDF | 3', 'A-2 | Billing | Refunds | 5', 'A-3 | Search | Facets | 2']),
    );
    expect(backlog.items.map((item) => [item.id, item.title, item.group])).toEqual([
      ['A-1', 'Invoice PDF', 'Billing'],
      ['A-2', 'Refunds', 'Billing'],
      ['A-3', 'Facets', 'Search'],
    ]);
  });

  it('takes no title from a column that repeats its values: the sections below give it', () => {
    const backlog = backlogFromMarkdown(
      doc(
        table('ID | Severity | Hours', ['TD-1 | 🔴 Critical | 16', 'TD-2 | 🔴 Critical | 3', 'TD-3 | 🟢 Low | 2']),
        '## TD-1: SPA anti-pattern on a single route',
        '## TD-2: Hard-coded fallback secret',
        '## TD-3: Missing pagination',
      ),
    );
    expect(itemRows(backlog)).toEqual([
      'TD-1 | SPA anti-pattern on a single route | 16 hours | - | - | - | open | -',
      'TD-2 | Hard-coded fallback secret | 3 hours | - | - | - | open | -',
      'TD-3 | Missing pagination | 2 hours | - | - | - | open | -',
    ]);
  });

  it('reads a header matched by one loose word over sentences as notes, not as an estimate', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Title | Planner → implementer handoff point', [
        'T-1 | Command surface | Start once this plan is approved by the team',
        'T-2 | Install carry-forward | Start after the first commit; depends on T-1',
      ]),
    );
    expect(itemRows(backlog)).toEqual([
      'T-1 | Command surface | - | - | - | - | open | -',
      'T-2 | Install carry-forward | - | - | T-1 | - | open | -',
    ]);
    expect(rules(backlog)).toEqual([]);
  });

  it('reads a header that is only a unit word as the estimate in that unit', () => {
    const japanese = backlogFromMarkdown(
      table('タスクID | タスク名 | 時間 | 依存', ['UF-001 | 構成分析 | 30分 | なし', 'UF-002 | Storage拡張 | 1.5時間 | UF-001']),
    );
    expect(itemRows(japanese)).toEqual([
      'UF-001 | 構成分析 | 0.5 hours | - | - | - | open | -',
      'UF-002 | Storage拡張 | 1.5 hours | - | UF-001 | - | open | -',
    ]);
    const german = backlogFromMarkdown(table('ID | Aufgabe | Tage', ['K-1 | Böden schleifen | 2', 'K-2 | Küche ausstatten | 0,5']));
    expect(itemRows(german)).toEqual([
      'K-1 | Böden schleifen | 2 days | - | - | - | open | -',
      'K-2 | Küche ausstatten | 0.5 days | - | - | - | open | -',
    ]);
  });

  it('does not take a week or day column counted along the rows as an estimate', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | Day | SP', ['W-1 | Kickoff | 1 | 2', 'W-2 | Design | 1 | 3', 'W-3 | Build | 2 | 5', 'W-4 | Ship | 3 | 1']),
    );
    expect(backlog.items.map((item) => item.estimate?.expected)).toEqual([2, 3, 5, 1]);
    expect(backlog.unit).toBe('points');
  });
});

describe('sprint cells', () => {
  it('keep a span of sprints as one sprint, and say when a cell names none', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Категория | Оценка (ч) | Спринт', [
        'TD-01 | Архитектура | 16 | 1-2',
        'TD-02 | Код | 3 | 1',
        'TD-03 | Код | 2 | 2 или 3',
        'TD-04 | API | 1 | —',
      ]),
    );
    expect(backlog.items.map((item) => [item.id, item.sprint])).toEqual([
      ['TD-01', 'Sprint 1-2'],
      ['TD-02', 'Sprint 1'],
      ['TD-03', null],
      ['TD-04', null],
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.key, sprint.name])).toEqual([
      ['1', 'Sprint 1'],
      ['1-2', 'Sprint 1-2'],
    ]);
    expect(backlog.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.rule, diagnostic.message])).toEqual([
      [5, 'unparsable-sprint', 'TD-03: "2 или 3" does not name a sprint'],
    ]);
  });
});

describe('row lines', () => {
  it('are each row’s own line when rows above were skipped', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Title | SP', [
        'Later | Nice to have | ',
        '— | Section | ',
        'A-1 | Login | 3',
        'A-2 | Logout | 1',
        'A-1 | Login again | 3',
      ]),
    );
    expect(backlog.items.map((item) => [item.id, item.source.line])).toEqual([
      ['A-1', 5],
      ['A-2', 6],
    ]);
    expect(rules(backlog)).toEqual(['7 duplicate-id']);
  });
});
