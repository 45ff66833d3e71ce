import { describe, expect, it } from 'vitest';
import { displayWidth, stripColour, wrapLine, wrapLines } from '../../src/report/wrap-text.js';

describe('displayWidth', () => {
  it('counts an East Asian wide character as two columns and a colour code as none', () => {
    expect(displayWidth('\u001b[31m表\u001b[39mx')).toBe(3);
    expect(displayWidth('Ünïcödé')).toBe(7);
    expect(stripColour('\u001b[1m\u001b[31mA-1\u001b[39m\u001b[22m')).toBe('A-1');
  });
});

describe('wrapLine', () => {
  it('keeps a line whole without a width, or when it fits', () => {
    const line = 'a line much longer than ten columns';
    expect(wrapLine(line, undefined)).toEqual([line]);
    expect(wrapLine('fits', 4)).toEqual(['fits']);
  });

  it('breaks at spaces, each line after the first indented as the first is', () => {
    expect(wrapLine('  one two three four five six', 12)).toEqual(['  one two', '  three four', '  five six']);
  });

  it('indents the following lines by the hanging indent given, wide characters taking two columns', () => {
    expect(wrapLine('1. 日本語の長い文 and more words', 12, '   ')).toEqual(['1.', '   日本語の', '   長い文', '   and more', '   words']);
  });

  it('keeps colour codes where they are: the terminal carries a colour over the break', () => {
    expect(wrapLine('\u001b[33mWarning: a colour that goes on\u001b[39m', 12)).toEqual([
      '\u001b[33mWarning: a',
      'colour that',
      'goes on\u001b[39m',
    ]);
  });

  it('cuts a word wider than a line into pieces', () => {
    expect(wrapLine('see /a/very/long/path/to/a/file.md here', 10)).toEqual(['see', '/a/very/lo', 'ng/path/to', '/a/file.md', 'here']);
  });
});

describe('wrapLines', () => {
  it('wraps every line of a text, and leaves it alone without a width', () => {
    expect(wrapLines('one two three\nfour', 8)).toBe('one two\nthree\nfour');
    expect(wrapLines('one two three\nfour', undefined)).toBe('one two three\nfour');
  });
});
