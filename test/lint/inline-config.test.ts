import { describe, expect, it } from 'vitest';
import { parseInlineConfig } from '../../src/lint/inline-config.js';

const disabledLines = (text: string, rule: string) =>
  text.split('\n').flatMap((_, index) => (parseInlineConfig(text).isDisabled(rule, index + 1) ? [index + 1] : []));

describe('parseInlineConfig', () => {
  it('switches named rules off from the disable comment up to the enable comment', () => {
    const text = ['a', '<!-- backlog-disable missing-estimate -->', 'b', 'c', '<!-- backlog-enable missing-estimate -->', 'd'].join('\n');
    expect(disabledLines(text, 'missing-estimate')).toEqual([2, 3, 4]);
    expect(disabledLines(text, 'duplicate-id')).toEqual([]);
  });

  it('switches every rule off when no rule is named, and lets a named enable carve one out', () => {
    const text = ['<!-- backlog-disable -->', 'a', '<!-- backlog-enable duplicate-id -->', 'b', '<!-- backlog-enable -->', 'c'].join('\n');
    expect(disabledLines(text, 'missing-estimate')).toEqual([1, 2, 3, 4]);
    expect(disabledLines(text, 'duplicate-id')).toEqual([1, 2]);
  });

  it('disables the next line only, for the named rules or for all', () => {
    const text = [
      '<!-- backlog-disable-next-line missing-estimate, duplicate-id -->',
      'a',
      'b',
      '<!-- backlog-disable-next-line -->',
      'c',
    ].join('\n');
    expect(disabledLines(text, 'missing-estimate')).toEqual([2, 5]);
    expect(disabledLines(text, 'duplicate-id')).toEqual([2, 5]);
    expect(disabledLines(text, 'encoding')).toEqual([5]);
  });

  it('ignores comments inside fenced code, which are examples', () => {
    const text = ['```md', '<!-- backlog-disable -->', '```', 'a'].join('\n');
    expect(disabledLines(text, 'encoding')).toEqual([]);
  });

  it('reads a disable comment at the end of a table row as covering that row', () => {
    const text = '| A-1 | x | <!-- backlog-disable-next-line encoding --> <!-- backlog-disable unknown-reference -->\n| A-2 |';
    expect(disabledLines(text, 'unknown-reference')).toEqual([1, 2]);
    expect(disabledLines(text, 'encoding')).toEqual([2]);
  });
});
