import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, fileState, itemsOf, run, table, workspace } from './harness.js';

describe('documents with nothing, or almost nothing, to read', () => {
  it('an empty file: no items, no problems, nothing written', () => {
    const dir = workspace({ 'empty.md': '' });
    const before = fileState(path.join(dir, 'empty.md'));

    const show = run(['show', '-f', 'json', 'empty.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(JSON.parse(show.stdout)).toMatchObject({
      unit: null,
      items: [],
      sprints: [],
      groups: [],
      files: [{ file: 'empty.md', items: 0 }],
    });

    expect(run(['lint', 'empty.md'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(run(['lint', '--fix', 'empty.md'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });

    const cpm = run(['critical-path', '-f', 'json', 'empty.md'], dir);
    expect([cpm.code, cpm.stderr]).toEqual([0, '']);
    expect(JSON.parse(cpm.stdout)).toMatchObject({ unit: null, length: 0, paths: [], items: [] });

    const cpmTable = run(['critical-path', 'empty.md'], dir);
    expect([cpmTable.code, cpmTable.stderr]).toEqual([0, '']);
    expect(cpmTable.stdout).toContain('Critical path: no items to schedule.');
    expectUnchanged(path.join(dir, 'empty.md'), before);
  });

  it('a file of only a header row, with and without its delimiter row', () => {
    const dir = workspace({
      'header.md': '| ID | Task | Points | Depends on |\n',
      'delimited.md': '| ID | Task | Points | Depends on |\n|----|------|--------|------------|\n',
    });
    for (const file of ['header.md', 'delimited.md']) {
      const before = fileState(path.join(dir, file));
      const show = run(['show', '-f', 'json', file], dir);
      expect([show.code, show.stderr]).toEqual([0, '']);
      expect(JSON.parse(show.stdout)).toMatchObject({ items: [], files: [{ file, items: 0 }] });
      expect(run(['lint', '--fix', file], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
      const cpm = run(['critical-path', '-f', 'json', file], dir);
      expect([cpm.code, cpm.stderr, JSON.parse(cpm.stdout).length]).toEqual([0, '', 0]);
      expectUnchanged(path.join(dir, file), before);
    }
  });

  it('a table with 1,000 columns: every cell kept by its column, a short row reported at its line', () => {
    const notes = (count: number) => Array.from({ length: count }, (_, index) => `n${index + 1}`);
    const header = ['ID', 'Task', 'Points', 'Depends on', ...Array.from({ length: 996 }, (_, index) => `Note ${index + 1}`)];
    const text = `# Wide\n\n${table(header, [
      ['W-1', 'First', '2', '-', ...notes(996)],
      ['W-2', 'Second', '3', 'W-1', ...notes(996)],
      ['W-3', 'Third', '5', 'W-2', ...notes(995)],
    ])}`;
    const dir = workspace({ 'wide.md': text });

    const show = run(['show', '-f', 'json', 'wide.md'], dir);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(itemsOf(show.stdout)).toEqual([
      { id: 'W-1', title: 'First', expected: 2, dependsOn: [], line: 5 },
      { id: 'W-2', title: 'Second', expected: 3, dependsOn: ['W-1'], line: 6 },
      { id: 'W-3', title: 'Third', expected: 5, dependsOn: ['W-2'], line: 7 },
    ]);
    const fields = (JSON.parse(show.stdout) as { items: { fields: Record<string, string> }[] }).items.map((item) => item.fields);
    expect(Object.keys(fields[0])).toHaveLength(1000);
    expect([fields[0]['Note 1'], fields[0]['Note 996'], fields[2]['Note 995']]).toEqual(['n1', 'n996', 'n995']);

    const lint = run(['lint', '-f', 'json', 'wide.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([0, '']);
    expect(JSON.parse(lint.stdout).problems).toEqual([
      {
        file: 'wide.md',
        line: 7,
        column: 1,
        rule: 'table-column-count',
        severity: 'warning',
        message: 'table row has 999 cells but the header has 1000',
        fixable: false,
      },
    ]);

    const cpm = run(['critical-path', '-f', 'json', 'wide.md'], dir);
    expect([cpm.code, cpm.stderr]).toEqual([0, '']);
    expect(JSON.parse(cpm.stdout)).toMatchObject({ unit: 'points', length: 10, paths: [['W-1', 'W-2', 'W-3']] });
  });
});
