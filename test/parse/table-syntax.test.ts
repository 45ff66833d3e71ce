import { describe, expect, it } from 'vitest';
import { findTables } from '../../src/parse/find-tables.js';
import { classifyRowLine, headerCellCount, readDelimiterRow, rowCells } from '../../src/parse/table-syntax.js';

describe('headerCellCount', () => {
  it('counts cells as micromark does, outer pipes optional and escaped pipes kept', () => {
    expect(headerCellCount('| a | b |')).toBe(2);
    expect(headerCellCount('a | b')).toBe(2);
    expect(headerCellCount('a')).toBe(1);
    expect(headerCellCount('| a \\| b |')).toBe(1);
    expect(headerCellCount('| `a|b` |')).toBe(2);
    expect(headerCellCount('a||')).toBe(2);
    expect(headerCellCount('| |')).toBe(1);
  });

  it('refuses a line that is one pipe', () => {
    expect(headerCellCount('|')).toBeNull();
    expect(headerCellCount('|  ')).toBeNull();
  });
});

describe('readDelimiterRow', () => {
  it('reads each column alignment', () => {
    expect(readDelimiterRow('| :-- | :-: | --: | --- |')).toEqual(['left', 'center', 'right', null]);
    expect(readDelimiterRow('-|:-')).toEqual([null, 'left']);
    expect(readDelimiterRow('   |-|')).toEqual([null]);
  });

  it('refuses what is a thematic break, a list item, indented code or not a delimiter at all', () => {
    expect(readDelimiterRow('---')).toBeNull();
    expect(readDelimiterRow('- | -')).toBeNull();
    expect(readDelimiterRow('    |-|')).toBeNull();
    expect(readDelimiterRow('|-||-|')).toBeNull();
    expect(readDelimiterRow('| a |')).toBeNull();
    expect(readDelimiterRow(':|')).toBeNull();
  });
});

describe('rowCells', () => {
  it('spans each cell from its pipe to the next, with the content trimmed', () => {
    expect(rowCells('| a | b |', 0)).toEqual([
      { start: 0, end: 4, content: { start: 2, end: 3 } },
      { start: 4, end: 9, content: { start: 6, end: 7 } },
    ]);
  });

  it('keeps empty cells, and lets a last pipe with nothing after it close the cell before', () => {
    expect(rowCells('a||', 0)).toEqual([
      { start: 0, end: 1, content: { start: 0, end: 1 } },
      { start: 1, end: 3 },
    ]);
    expect(rowCells('||', 0)).toEqual([{ start: 0, end: 2 }]);
  });

  it('keeps escaped pipes in the content and splits at pipes inside backticks, as GFM does', () => {
    expect(rowCells('| a\\|b | `c|d` |', 0).map((cell) => cell.content)).toEqual([
      { start: 2, end: 6 },
      { start: 9, end: 11 },
      { start: 12, end: 14 },
    ]);
  });

  it('starts after the indent', () => {
    expect(rowCells('  | x |', 2)).toEqual([{ start: 2, end: 7, content: { start: 4, end: 5 } }]);
  });
});

describe('classifyRowLine', () => {
  it('continues a table on any line that starts no other block', () => {
    for (const line of ['| a |', 'a', '#tag | x', '-x', '=', '*x*', '```a`b', '  | indented |']) expect(classifyRowLine(line)).toBe('row');
  });

  it('ends it at a blank line, a heading, quote, list item, fence, thematic break or indented code', () => {
    for (const line of ['', '  ', '# H', '> q', '- item', '2. item', '1.', '*', '```', '~~~ js', '***', '    code'])
      expect(classifyRowLine(line)).toBe('end');
  });

  it('leaves HTML and an indent with a tab to micromark', () => {
    expect(classifyRowLine('<div>')).toBe('unsure');
    expect(classifyRowLine('\t| a |')).toBe('unsure');
  });
});

describe('findTables', () => {
  const lines = (text: string) => text.split('\n');

  it('finds top-level tables with their extent and alignment', () => {
    expect(findTables(lines('# T\n| a |\n|:-:|\n| 1 |\n\nText\n\n| b | c |\n|---|---|\n- list'))).toEqual([
      { header: 1, end: 4, align: ['center'] },
      { header: 7, end: 9, align: [null, null] },
    ]);
  });

  it('skips tables in fenced code and front matter, under a paragraph line, and with mismatched delimiters', () => {
    expect(findTables(lines('```\n\n| a |\n|---|\n```'))).toEqual([]);
    expect(findTables(lines('---\n\n| a |\n|---|\n\n---'))).toEqual([]);
    expect(findTables(lines('Intro\n| a |\n|---|'))).toEqual([]);
    expect(findTables(lines('| a | b |\n|---|'))).toEqual([]);
  });

  it('gives the document to micromark when the first line opens front matter that never closes', () => {
    expect(findTables(lines('---\n\n| a |\n|---|'))).toBeNull();
  });
});
