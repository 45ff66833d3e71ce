import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';

const table = (header: string, rows: string[]) => {
  const columns = header.split('|').length;
  return [`| ${header} |`, `|${'---|'.repeat(columns)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
};

const rules = (backlog: Backlog) => backlog.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.rule}`);

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
