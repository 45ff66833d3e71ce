import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, fileState, run, workspace } from './harness.js';

const EPICS = 600;
const ROWS = 1_300;

/**
 * About 53 MB: 600 epics, each a heading, a line of prose and a table of 1,300 chained items,
 * with three problems planted far into the file. Returns the text and the lines of the plants.
 */
function fiftyMegabytes(): { text: string; lines: { unknown: number; conflict: number; first: number; wrapped: number } } {
  const parts: string[] = ['# Warehouse platform backlog\n\n'];
  const lines = { unknown: 0, conflict: 0, first: 0, wrapped: 0 };
  let line = 3;
  const push = (text: string) => {
    parts.push(text);
    line += text.split('\n').length - 1;
  };
  for (let epic = 1; epic <= EPICS; epic++) {
    push(`## Epic ${epic}: Area ${epic}\n\nWork for area ${epic}, in the order the team plans to take it.\n\n`);
    push('| ID | Task | Points | Depends on |\n|----|------|--------|------------|\n');
    for (let row = 1; row <= ROWS; row++) {
      const id = `E${epic}-${row}`;
      let dependsOn = row > 1 ? `E${epic}-${row - 1}` : epic > 1 ? `E${epic - 1}-${ROWS}` : '-';
      if (id === 'E300-7') {
        dependsOn += ', E9999-1';
        lines.unknown = line;
      }
      if (id === 'E12-34') lines.first = line;
      const title = `Build piece ${row} of area ${epic} with care`;
      if (id === 'E599-2') {
        lines.wrapped = line;
        push(`| ${id} | ${title} |\n${(row % 5) + 1} | ${dependsOn} |\n`);
      } else push(`| ${id} | ${title} | ${(row % 5) + 1} | ${dependsOn} |\n`);
    }
    if (epic === 450) {
      lines.conflict = line;
      push('| E12-34 | Build piece 34 of area 12 again | 1 | - |\n');
    }
    push('\n');
  }
  return { text: parts.join(''), lines };
}

describe('a 50 MB file', () => {
  it('is linted to the end, with every planted problem at its line and nothing written', () => {
    const { text, lines } = fiftyMegabytes();
    const dir = workspace();
    const file = path.join(dir, 'huge.md');
    writeFileSync(file, text);
    expect(statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    const before = fileState(file);

    const lint = run(['lint', '-f', 'json', 'huge.md'], dir, 100_000);
    expect([lint.code, lint.stderr]).toEqual([1, '']);
    expect(JSON.parse(lint.stdout)).toEqual({
      problems: [
        {
          file: 'huge.md',
          line: lines.unknown,
          column: 1,
          rule: 'unknown-reference',
          severity: 'warning',
          message: 'E300-7 depends on "E9999-1", which names no item, group or release',
          fixable: false,
        },
        {
          file: 'huge.md',
          line: lines.conflict,
          column: 1,
          rule: 'estimate-conflict',
          severity: 'error',
          message: `E12-34 is estimated differently: "5" (line ${lines.first}), "1" (line ${lines.conflict})`,
          fixable: false,
        },
        {
          file: 'huge.md',
          line: lines.wrapped,
          column: 1,
          rule: 'table-row-wrapped',
          severity: 'warning',
          message: `table row is wrapped onto line ${lines.wrapped + 1}; it was read as one row (run with --fix to join the lines)`,
          fixable: true,
        },
      ],
      errorCount: 1,
      warningCount: 2,
      schemaVersion: 1,
    });
    expectUnchanged(file, before);
  }, 120_000);
});
