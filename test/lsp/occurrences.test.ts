import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown, backlogFromSources, sourceFromText } from '../../src/load.js';
import { FileLines, IdMatcher, occurrenceAt, occurrencesIn } from '../../src/lsp/occurrences.js';

/** Each ID the language server reads in the text, as `line:start-end ID`. */
function found(markdown: string, file = 'plan.md'): string[] {
  const backlog = backlogFromMarkdown(markdown, file);
  const lines = new FileLines(markdown.split('\n'), file);
  return occurrencesIn(lines, new IdMatcher(backlog.items)).map(
    (occurrence) => `${occurrence.line}:${occurrence.start}-${occurrence.end} ${occurrence.id}`,
  );
}

describe('IDs in the text', () => {
  it('reads IDs in rows, dependency cells, lists and prose, without their markup', () => {
    const markdown = [
      '| ID | Story | Points | Depends on |',
      '|----|-------|-------:|------------|',
      '| **AB-1** | Login | 3 | None |',
      '| AB-2 | Export | 5 | `AB-1` |',
      '',
      'AB-2 waits for [AB-1], see AB-1.',
    ].join('\n');
    expect(found(markdown)).toEqual(['2:4-8 AB-1', '3:2-6 AB-2', '3:23-27 AB-1', '5:0-4 AB-2', '5:16-20 AB-1', '5:27-31 AB-1']);
  });

  it('takes bare numbers and letters as IDs only in ID and dependency columns, or where the item is read from', () => {
    const markdown = [
      '| # | Task | Days | Depends on |',
      '|---|------|-----:|------------|',
      '| 1 | Survey | 2 | - |',
      '| 2 | Design | 1 | 1 |',
      '',
      'Step 1 takes 2 days.',
    ].join('\n');
    expect(found(markdown)).toEqual(['2:2-3 1', '3:2-3 2', '3:19-20 1']);
  });

  it('reads the IDs inside a range written with hyphens, and IDs of two words', () => {
    const markdown = [
      '### Story 1.1: Sign-up (3 points)',
      '### Story 1.2: Profile (2 points)',
      '',
      '| ID | Title | Points | Depends on |',
      '|----|-------|--------|------------|',
      '| HB-11 | Quay | 2 | None |',
      '| HB-12 | Gate | 3 | None |',
      '| HB-13 | Yard | 1 | HB-11-HB-12 |',
      '',
      'Story 1.2 follows story 1.1.',
    ].join('\n');
    expect(found(markdown)).toEqual([
      '0:4-13 Story 1.1',
      '1:4-13 Story 1.2',
      '5:2-7 HB-11',
      '6:2-7 HB-12',
      '7:2-7 HB-13',
      '7:21-26 HB-11',
      '7:27-32 HB-12',
      '9:0-9 Story 1.2',
      '9:18-27 Story 1.1',
    ]);
  });

  it("reads a file's own bare numbers as the model qualifies them when files share them", () => {
    const table = (title: string) => `| # | Task | Days |\n|---|---|---|\n| 1 | ${title} | 2 |\n`;
    const backlog = backlogFromSources([sourceFromText(table('Survey'), 'sprint-1.md'), sourceFromText(table('Build'), 'sprint-2.md')]);
    const matcher = new IdMatcher(backlog.items);
    const lines = new FileLines(table('Build').split('\n'), 'sprint-2.md');
    expect(occurrenceAt(lines, matcher, 2, 2)).toEqual({ line: 2, start: 2, end: 3, id: 'sprint-2:1' });
  });

  it('finds the ID under the cursor or just before it, and nothing elsewhere', () => {
    const markdown = '| ID | Story | Points |\n|---|---|---|\n| KS-1 | Login | 3 |\n';
    const matcher = new IdMatcher(backlogFromMarkdown(markdown).items);
    const lines = new FileLines(markdown.split('\n'), 'backlog.md');
    expect(occurrenceAt(lines, matcher, 2, 2)?.id).toBe('KS-1');
    expect(occurrenceAt(lines, matcher, 2, 6)?.id).toBe('KS-1');
    expect(occurrenceAt(lines, matcher, 2, 10)).toBeNull();
    expect(occurrenceAt(lines, matcher, 0, 2)).toBeNull();
    expect(occurrenceAt(lines, matcher, 9, 0)).toBeNull();
  });
});
