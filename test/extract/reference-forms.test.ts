import { describe, expect, it } from 'vitest';
import { ALL_OTHERS } from '../../src/extract/values/references.js';
import { ALL_ABOVE, parseReferences } from '../../src/extract/values/references.js';

describe('references as documents write them', () => {
  it('drops notes in ASCII and full-width parentheses', () => {
    expect(parseReferences('W3（embed.text 能力）、W2')).toEqual(['W3', 'W2']);
    expect(parseReferences('E12-03 (S4)')).toEqual(['E12-03']);
  });

  it('expands ranges written with a tilde, an abbreviated end, or bare numbers', () => {
    expect(parseReferences('W0~W3')).toEqual(['W0', 'W1', 'W2', 'W3']);
    expect(parseReferences('TODO-FM01 ~ FM03')).toEqual(['TODO-FM01', 'TODO-FM02', 'TODO-FM03']);
    expect(parseReferences('PMAT-301..303')).toEqual(['PMAT-301', 'PMAT-302', 'PMAT-303']);
    expect(parseReferences('301..303')).toEqual(['301', '302', '303']);
  });

  it('gives a bare number the prefix of the ID before it, and plural item words to each number', () => {
    expect(parseReferences('WP-13, 14')).toEqual(['WP-13', 'WP-14']);
    expect(parseReferences('WP-09, 10, 11')).toEqual(['WP-09', 'WP-10', 'WP-11']);
    expect(parseReferences('Epics 1–3')).toEqual(['Epic 1', 'Epic 2', 'Epic 3']);
    expect(parseReferences('Steps 1-2')).toEqual(['Step 1', 'Step 2']);
    expect(parseReferences('Milestone 9 Epics 1–3 (API stable)')).toEqual(['Milestone 9']);
  });

  it('splits at a slash only between IDs', () => {
    expect(parseReferences('WP-01 / 04')).toEqual(['WP-01', 'WP-04']);
    expect(parseReferences('stdlib/core.kleis')).toEqual(['stdlib/core.kleis']);
  });

  it('reads none, all above and all in other languages', () => {
    expect(parseReferences('なし')).toEqual([]);
    expect(parseReferences('keine (parallel zu WP-02…08 möglich)')).toEqual([]);
    expect(parseReferences('All previous stories complete')).toEqual([ALL_ABOVE]);
    expect(parseReferences('ALL')).toEqual([ALL_OTHERS]);
    expect(parseReferences('E1 complete')).toEqual(['E1']);
  });
});
