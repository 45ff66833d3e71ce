import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';

const table = (header: string, rows: string[]) => {
  const columns = header.split('|').length;
  return [`| ${header} |`, `|${'---|'.repeat(columns)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
};

const rules = (backlog: Backlog) => backlog.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.rule}`);

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
