import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedDocuments } from '../helpers/shared-docs.js';
import { micromarkTree } from '../../src/parse/micromark-tree.js';
import { parseMarkdown, parseMarkdownWithMicromark, readMarkdown } from '../../src/parse/parse-markdown.js';
import { ROWS_PER_PIECE } from '../../src/parse/table-node.js';
import { prepareText } from '../../src/parse/prepare-text.js';
import { markdownDocument, tableText } from './markdown-arbitrary.js';

vi.mock('../../src/parse/micromark-tree.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/parse/micromark-tree.js')>();
  return { ...original, micromarkTree: vi.fn(original.micromarkTree) };
});

const micromarkCalls = vi.mocked(micromarkTree);
afterEach(() => micromarkCalls.mockClear());

/** The texts micromark was asked to read with its table extension on. */
const textsReadWithTables = () => micromarkCalls.mock.calls.filter(([, syntax]) => syntax.tables).map(([text]) => text);

/** The tree as plain data: what deep equality should compare (no prototypes, no undefined fields). */
const plain = (tree: Root): unknown => JSON.parse(JSON.stringify(tree));

/** Compares the two readings; afterwards the recorded micromark calls are those of `parseMarkdown`. */
function expectSameTree(text: string): void {
  const expected = plain(parseMarkdownWithMicromark(text));
  micromarkCalls.mockClear();
  expect(plain(parseMarkdown(text))).toEqual(expected);
}

const seeds = sharedDocuments('seeds');
const dev = sharedDocuments('corpus/dev');
const documents = [
  ...(seeds.present ? readdirSync(seeds.dir).map((name) => join(seeds.dir, name)) : []),
  ...(dev.present
    ? readdirSync(dev.dir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(dev.dir, name))
    : []),
];

describe('parseMarkdown builds the tree micromark builds', () => {
  it.each(documents)('%s, as written and as prepared for extraction', (path) => {
    const text = readFileSync(path, 'utf8');
    expectSameTree(text);
    expectSameTree(prepareText(text, path).text);
    expectSameTree(text.replace(/\r?\n/g, '\r\n'));
  });

  it('on random documents of tables, headings, lists, quotes, fences and HTML', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        expectSameTree(text);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('on random tables between blank lines', () => {
    fc.assert(
      fc.property(fc.array(tableText, { minLength: 1, maxLength: 4 }), (tables) => {
        const text = `# Backlog\n\n${tables.join('\n\n')}\n`;
        expectSameTree(text);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('on a table of 3,000 rows with inline syntax in its cells', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, index) => `| S-${index} | **Story** ${index} with \`a\\|b\` | ${index % 8} | S-${index - 1}, [x](#y) |`,
    );
    expectSameTree(`# Epic\n\n| ID | Title | Points | Depends on |\n| --- | :-- | --: | :-: |\n${rows.join('\n')}\n\nAfter.\n`);
    expect(micromarkCalls).not.toHaveBeenCalled();
  }, 60_000);
});

describe('parseMarkdown reads top-level tables by their lines', () => {
  const backlog = [
    '# Sprint 1',
    '',
    '| ID | Title | Est |',
    '|:---|-------|--:|',
    '| A-1 | Login `a\\|b` | 3 |',
    '| A-2 | **Logout** | 2 | extra |',
    '',
    '## Notes',
    '| ID | Depends on |',
    '| -- | -- |',
    '| A-2 | A-1 |',
    '- a list ends the table',
  ].join('\n');

  it('never hands a table row to micromark', () => {
    const tree = parseMarkdown(backlog);
    expect(textsReadWithTables()).toEqual([]);
    const readByMicromark = micromarkCalls.mock.calls.map(([text]) => text).join('\n');
    expect(readByMicromark).not.toContain('A-1 |');
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'table', 'heading', 'table', 'list']);
  });

  it('gives cells, rows and the table the positions and alignment of mdast-util-gfm-table', () => {
    const table = parseMarkdown(backlog).children[1];
    expect(table).toMatchObject({
      type: 'table',
      align: ['left', null, 'right'],
      position: { start: { line: 3, column: 1, offset: 12 }, end: { line: 6, column: 33, offset: 111 } },
    });
    if (table.type !== 'table') throw new Error('expected a table');
    const row = table.children[1];
    expect(row.position).toEqual({ start: { line: 5, column: 1, offset: 52 }, end: { line: 5, column: 27, offset: 78 } });
    expect(row.children.map((cell) => [cell.position?.start.column, cell.position?.end.column])).toEqual([
      [1, 7],
      [7, 22],
      [22, 27],
    ]);
    expect(row.children[1].children).toEqual([
      { type: 'text', value: 'Login ', position: { start: { line: 5, column: 9, offset: 60 }, end: { line: 5, column: 15, offset: 66 } } },
      {
        type: 'inlineCode',
        value: 'a|b',
        position: { start: { line: 5, column: 15, offset: 66 }, end: { line: 5, column: 21, offset: 72 } },
      },
    ]);
    expect(table.children[2].children).toHaveLength(4);
  });
});

describe('a big table', () => {
  const rows = 2 * ROWS_PER_PIECE + 500;
  const body = Array.from({ length: rows }, (_, index) =>
    index % 7 === 0
      ? `| B-${index} | *needs* <https://example.com> &amp; more | ${index % 13} |`
      : `| B-${index} | plain title ${index} | ${index % 13} |`,
  );
  const text = ['# Big', '', '| ID | Title | Est |', '| -- | -- | --: |', ...body, '', 'After the table.'].join('\n');

  it('comes in pieces: the table with its first rows, then the next rows, each piece read in full', () => {
    const pieces = readMarkdown(text, (read) => [...read]);
    expect(pieces.map((piece) => [piece.type, 'children' in piece ? piece.children.length : 0])).toEqual([
      ['heading', 1],
      ['table', ROWS_PER_PIECE + 1],
      ['tableRows', ROWS_PER_PIECE],
      ['tableRows', 500],
      ['paragraph', 1],
    ]);
    // The last row (2,499 = 7 × 357) is one micromark reads: its cell is filled before the piece comes.
    const lastRow = pieces[3].type === 'tableRows' ? pieces[3].children[499] : null;
    expect(lastRow?.children[1].children.map((node) => node.type)).toEqual(['emphasis', 'text', 'link', 'text']);
  });

  it('makes, its pieces joined, the tree micromark builds', () => {
    expectSameTree(text);
  }, 30_000);

  it('is read again whole by micromark when a batch of cells does not read as expected', () => {
    micromarkCalls.mockImplementationOnce(
      (batch) => ({ type: 'root', children: [{ type: 'thematicBreak' }], position: undefined, batch }) as never,
    );
    const consumed: string[][] = [];
    const tree = readMarkdown(text, (pieces) => {
      const types: string[] = [];
      consumed.push(types);
      for (const piece of pieces) types.push(piece.type);
      return types;
    });
    expect(consumed).toHaveLength(2);
    expect(tree).toEqual(['heading', 'table', 'paragraph']);
  }, 30_000);
});

describe('parseMarkdown reads headings and paragraphs by their lines', () => {
  const stories = [
    '# Stories',
    '',
    '### BL-1: Sign in with `SSO`',
    '',
    '**Points**: 5',
    '**Status**: In *progress*',
    '**Depends on**: BL-2, [BL-3](#bl-3)',
    '',
    '### BL-2: Audit log',
    'Plain paragraph right under the heading.',
  ].join('\r\n');

  it('builds the heading-per-story style without micromark', () => {
    expectSameTree(stories);
    expect(micromarkCalls).not.toHaveBeenCalled();
    const paragraph = parseMarkdown(stories).children[2];
    expect(paragraph.type === 'paragraph' && paragraph.children.map((node) => node.type)).toEqual([
      'strong',
      'text',
      'strong',
      'text',
      'emphasis',
      'text',
      'strong',
      'text',
      'link',
    ]);
  });

  it('hands a segment to micromark when one of its lines could mean more than a paragraph line', () => {
    const surprises = [
      'Title\n=====\n',
      'Intro\n- item\n',
      'Trailing  \nbreak\n',
      'A `code\nspan` over lines\n',
      '    indented code\n',
      '# Closed #\n',
      '<div>\n',
    ];
    for (const text of surprises) {
      expectSameTree(text);
      expect(micromarkCalls.mock.calls.map(([read]) => read)).toEqual([text]);
    }
  });
});

describe('parseMarkdown leaves to micromark what lines alone cannot settle', () => {
  it('cells with inline syntax past the simple forms, read in one batch with each cell a paragraph', () => {
    const text = '| a | b |\n|---|---|\n| ***both*** | &amp; |\n| [x][y] | <a@b.c> |\n| plain | **simple** |\n';
    expectSameTree(text);
    expect(micromarkCalls.mock.calls).toEqual([
      ['\u00A0***both***\n\n\u00A0&amp;\n\n\u00A0[x][y]\n\n\u00A0<a@b.c>', { tables: false, frontmatter: false }],
    ]);
  });

  it('a table right under a paragraph line, in a list item or in a quote', () => {
    for (const text of [
      'Intro line\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      '- item\n\n  | a |\n  |---|\n  | 1 |\n',
      '> | a |\n> |---|\n> | 1 |\n',
    ]) {
      expectSameTree(text);
      expect(textsReadWithTables().some((read) => read.includes('| 1 |'))).toBe(true);
    }
  });

  it('a table whose rows run into HTML or an indent with a tab', () => {
    for (const text of ['| a |\n|---|\n| 1 |\n<div>x</div>\n', '| a |\n|---|\n\t| 1 |\n']) {
      expectSameTree(text);
      expect(textsReadWithTables()).toHaveLength(1);
    }
  });

  it('the rest of the document once a header turns out to sit in an HTML block', () => {
    const text = '<!--\n\n| hidden |\n|---|\n\n-->\n\n| shown |\n|---|\n| 1 |\n';
    expectSameTree(text);
    expect(textsReadWithTables()).toEqual([text]);
  });

  it('whole documents with a link definition, a lone carriage return or a byte order mark', () => {
    for (const text of ['[x]: http://a.b\n\n| [x] |\n|---|\n', '| a |\r|---|\n| 1 |\n', '\uFEFF| a |\n|---|\n']) {
      expectSameTree(text);
      expect(textsReadWithTables()).toEqual([text]);
    }
  });
});
