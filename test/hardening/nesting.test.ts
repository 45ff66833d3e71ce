import { describe, expect, it } from 'vitest';
import { run, table, workspace } from './harness.js';

const DEPTH = 1_000;

/** Items D-1 … D-1000, each estimated, so the sprint list below only commits them. */
function itemTable(count: number): string {
  return table(
    ['ID', 'Task', 'Points'],
    Array.from({ length: count }, (_, index) => [`D-${index + 1}`, `Level ${index + 1}`, '1']),
  );
}

function sprintOf(stdout: string): { name: string; items: string[]; committed: number }[] {
  return (JSON.parse(stdout) as { sprints: { name: string; items: string[]; committed: number }[] }).sprints.map(
    ({ name, items, committed }) => ({ name, items, committed }),
  );
}

describe('lists nested 1,000 levels deep', () => {
  it('one marker per line, each indented under the one before', () => {
    const list = Array.from({ length: DEPTH }, (_, index) => `${'  '.repeat(index)}- D-${index + 1}`).join('\n');
    const dir = workspace({ 'deep.md': `# Deep\n\n${itemTable(DEPTH)}\n## Sprint 1\n\n${list}\n` });

    // A megabyte of indentation; the markdown parser takes about half a minute over it (see README, Robustness).
    const show = run(['show', '-f', 'json', 'deep.md'], dir, 100_000);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(sprintOf(show.stdout)).toEqual([
      { name: 'Sprint 1', items: Array.from({ length: DEPTH }, (_, index) => `D-${index + 1}`), committed: DEPTH },
    ]);
  }, 120_000);

  it('every marker on one line', () => {
    const dir = workspace({ 'deep.md': `# Deep\n\n${itemTable(1)}\n## Sprint 1\n\n${'- '.repeat(DEPTH)}D-1\n` });
    const show = run(['show', '-f', 'json', 'deep.md'], dir, 30_000);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(sprintOf(show.stdout)).toEqual([{ name: 'Sprint 1', items: ['D-1'], committed: 1 }]);
    expect(run(['lint', 'deep.md'], dir, 30_000)).toEqual({ code: 0, stdout: '', stderr: '' });
    const cpm = run(['critical-path', '-f', 'json', 'deep.md'], dir, 30_000);
    expect([cpm.code, cpm.stderr, JSON.parse(cpm.stdout).length]).toEqual([0, '', 1]);
  }, 60_000);

  it('block quotes nested 1,000 deep around a table', () => {
    const quote = '> '.repeat(DEPTH);
    const text = `# Quoted\n\n${itemTable(2)
      .trimEnd()
      .split('\n')
      .map((line) => quote + line)
      .join('\n')}\n`;
    const dir = workspace({ 'quoted.md': text });
    const show = run(['show', '-f', 'json', 'quoted.md'], dir, 30_000);
    expect([show.code, show.stderr]).toEqual([0, '']);
    expect(JSON.parse(show.stdout).items.map((item: { id: string; source: { line: number } }) => [item.id, item.source.line])).toEqual([
      ['D-1', 5],
      ['D-2', 6],
    ]);
  }, 60_000);
});
