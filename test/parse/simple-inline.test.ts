import { describe, expect, it } from 'vitest';
import { readSimpleInline } from '../../src/parse/simple-inline.js';

const at = { line: 3, column: 5, offset: 40 };
/** A position `from`–`to` characters into the cell content, which starts at `at`. */
const span = (from: number, to: number) => ({
  start: { line: 3, column: 5 + from, offset: 40 + from },
  end: { line: 3, column: 5 + to, offset: 40 + to },
});

describe('readSimpleInline', () => {
  it('reads plain text as one text node', () => {
    expect(readSimpleInline('Story 12', at, 'table-cell')).toEqual([{ type: 'text', value: 'Story 12', position: span(0, 8) }]);
  });

  it('reads strong, emphasis, code, links and tags with the positions micromark gives', () => {
    expect(readSimpleInline('**US-1** `a\\|b` [doc](x.md)<br>', at, 'table-cell')).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'US-1', position: span(2, 6) }], position: span(0, 8) },
      { type: 'text', value: ' ', position: span(8, 9) },
      { type: 'inlineCode', value: 'a|b', position: span(9, 15) },
      { type: 'text', value: ' ', position: span(15, 16) },
      {
        type: 'link',
        title: null,
        url: 'x.md',
        children: [{ type: 'text', value: 'doc', position: span(17, 20) }],
        position: span(16, 27),
      },
      { type: 'html', value: '<br>', position: span(27, 31) },
    ]);
  });

  it('joins escapes, intraword underscores, lone brackets and unmatched backticks into the text', () => {
    expect(readSimpleInline('a\\|b snake_case [ ] `x < 5 & R&D', at, 'table-cell')).toEqual([
      { type: 'text', value: 'a|b snake_case [ ] `x < 5 & R&D', position: span(0, 32) },
    ]);
  });

  it('leaves to micromark what it does not read exactly', () => {
    for (const value of [
      '***a***',
      '**a *b* c**',
      '** a**',
      '&amp;',
      '<a@b.c>',
      '[a][b]',
      '![i](p.png)',
      '`a\tb`',
      '_a_b',
      'x_y_',
      '<a href="x">',
    ]) {
      expect(readSimpleInline(value, at, 'table-cell')).toBeNull();
    }
  });
});
