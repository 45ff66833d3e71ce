import { describe, expect, it } from 'vitest';
import { run, runUntilFirstLine, table, workspace } from './harness.js';

const ITEMS = 5_000;

/**
 * A chain of 5,000 items, none estimated, and one ID given twice: every command writes far more
 * than a pipe holds (64 KB), and lint finds an error besides its warnings.
 */
function bigBacklog(): string {
  const rows = Array.from({ length: ITEMS }, (_, index) => [
    `B-${index + 1}`,
    `Task number ${index + 1}`,
    '',
    index === 0 ? '-' : `B-${index}`,
  ]);
  return `# Big\n\n${table(['ID', 'Task', 'Points', 'Depends on'], [...rows, ['B-1', 'Again', '2', '-']])}`;
}

describe('stdout closed early (`backlog … | head -1`)', () => {
  const dir = workspace({ 'big.md': bigBacklog() });

  for (const [name, args, firstLine, code] of [
    ['show', ['show', '-f', 'json', 'big.md'], '{', 0],
    ['show as a table', ['show', 'big.md'], /^┌─+┬/, 0],
    ['lint', ['lint', 'big.md'], 'big.md', 1],
    ['lint as json', ['lint', '-f', 'json', 'big.md'], '{', 1],
    ['critical-path', ['critical-path', 'big.md'], /^┌─+┬/, 0],
    ['critical-path as json', ['critical-path', '-f', 'json', 'big.md'], '{', 0],
  ] as const) {
    it(`${name}: ends quietly with its own exit code, no EPIPE trace`, async () => {
      const result = await runUntilFirstLine([...args], dir);
      expect(result.stderr).toBe('');
      if (typeof firstLine === 'string') expect(result.firstLine).toBe(firstLine);
      else expect(result.firstLine).toMatch(firstLine);
      expect(result.code).toBe(code);
    }, 60_000);
  }

  it('read to the end, the same commands write far more than a pipe holds', () => {
    const lint = run(['lint', '-f', 'json', 'big.md'], dir);
    expect([lint.code, lint.stderr]).toEqual([1, '']);
    expect([JSON.parse(lint.stdout).errorCount, JSON.parse(lint.stdout).warningCount]).toEqual([1, ITEMS - 1]);
    // Tables hold a line per item as well: 5,000 lines of well over 50 characters.
    for (const args of [
      ['show', '-f', 'json', 'big.md'],
      ['lint', 'big.md'],
      ['critical-path', '-f', 'json', 'big.md'],
    ]) {
      expect(run(args, dir).stdout.length).toBeGreaterThan(256 * 1024);
    }
  }, 60_000);
});
