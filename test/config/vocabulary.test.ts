import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { LEXICON, lexiconFor, withLexicon } from '../../src/extract/lexicon/lexicon.js';
import { CONCEPTS } from '../../src/extract/lexicon/vocabulary.js';
import { backlogFromMarkdown, backlogFromSources, sourceFromText } from '../../src/load.js';
import { configError } from '../helpers/config-error.js';

const error = configError;

const BOARD = `| ID | Titel | Status |
| --- | --- | --- |
| LIV-1 | Versand | Geliefert |
| LIV-2 | Rechnung | In Arbeit |
`;

describe('vocabulary in the config', () => {
  it('reads a mapping of concepts to words', () => {
    expect(parseConfig({ vocabulary: { done: ['Geliefert'], dependsOn: ['wartet auf', 'Liefer*'] } }, 'c.yaml').vocabulary).toEqual({
      done: ['Geliefert'],
      dependsOn: ['wartet auf', 'Liefer*'],
    });
    expect(parseConfig({}, 'c.yaml').vocabulary).toEqual({});
  });

  it('names the key of every mistake on one line', () => {
    const unknown = error({ vocabulary: { finished: ['Geliefert'] } });
    expect(unknown).toMatch(/^\.backlogrc\.yaml: vocabulary\.finished: unknown concept \(known: id, title, estimate, .*\bdone\b.*\)$/);
    expect(unknown).not.toContain('\n');
    expect(error({ vocabulary: ['done'] })).toBe(
      '.backlogrc.yaml: vocabulary: expected a mapping of concepts to lists of words, e.g. done: [Geliefert]',
    );
    expect(error({ vocabulary: { done: 'Geliefert' } })).toBe('.backlogrc.yaml: vocabulary.done: expected a list of strings');
    expect(error({ vocabulary: { done: ['Geliefert', 3] } })).toBe('.backlogrc.yaml: vocabulary.done: expected a list of strings');
    expect(error({ vocabulary: { done: ['Geliefert', ' '] } })).toBe(
      '.backlogrc.yaml: vocabulary.done[1]: expected a word, got an empty string',
    );
  });

  it('knows every concept of the vocabulary', () => {
    for (const concept of CONCEPTS) expect(error({ vocabulary: { [concept]: ['x-word'] } }), concept).toBeNull();
  });

  it('makes a status done for that load only: "Geliefert" under done: [Geliefert]', () => {
    const config = parseConfig({ vocabulary: { done: ['Geliefert'] } }, 'c.yaml');
    const withWords = backlogFromMarkdown(BOARD, 'board.md', config);
    expect(withWords.items.map((item) => [item.id, item.status, item.done])).toEqual([
      ['LIV-1', 'Geliefert', true],
      ['LIV-2', 'In Arbeit', false],
    ]);
    const without = backlogFromMarkdown(BOARD, 'board.md');
    expect(without.items.map((item) => [item.id, item.done])).toEqual([
      ['LIV-1', false],
      ['LIV-2', false],
    ]);
    expect(LEXICON.is('done', 'Geliefert')).toBe(false);
  });

  it("reads each file's statuses with its own config's words when files have different configs", () => {
    const shop = parseConfig({ vocabulary: { done: ['Geliefert'] } }, 'shop/.backlogrc.yaml');
    const sources = [sourceFromText(BOARD, 'shop/board.md'), sourceFromText(BOARD.replace(/LIV-/g, 'ALT-'), 'other/board.md')];
    const backlog = backlogFromSources(sources, (source) => (source.file.startsWith('shop/') ? shop : parseConfig({}, 'c.yaml')));
    expect(backlog.items.map((item) => [item.id, item.done])).toEqual([
      ['LIV-1', true],
      ['LIV-2', false],
      ['ALT-1', false],
      ['ALT-2', false],
    ]);
  });

  it('reaches the extraction too: a header word, a dependency phrase, a stem', () => {
    const text = `| Vorgang | Titel | Zeitbedarf | Voraussetzung |
| --- | --- | --- | --- |
| LIV-1 | Versand | 3d | |
| LIV-2 | Rechnung | 2d | wartet auf LIV-1 |
`;
    const config = parseConfig({ vocabulary: { id: ['Vorgang'], estimate: ['Zeitbedarf'], dependencyPhrase: ['wartet auf'] } }, 'c.yaml');
    const items = backlogFromMarkdown(text, 'plan.md', config).items;
    expect(items.map((item) => [item.id, item.estimate?.expected, item.dependsOn])).toEqual([
      ['LIV-1', 3, []],
      ['LIV-2', 2, ['LIV-1']],
    ]);
    expect(backlogFromMarkdown(text, 'plan.md').items.every((item) => item.estimate === null)).toBe(true);
  });

  it('sets the active lexicon for one call and restores it, also when the call throws', () => {
    const lexicon = lexiconFor({ done: ['Geliefert'] });
    expect(lexiconFor({ done: ['Geliefert'] })).toBe(lexicon);
    expect(withLexicon(lexicon, () => LEXICON.is('done', 'geliefert'))).toBe(true);
    expect(() =>
      withLexicon(lexicon, () => {
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(LEXICON.is('done', 'Geliefert')).toBe(false);
    expect(withLexicon(lexicon, () => withLexicon(lexiconFor(), () => LEXICON.is('done', 'Geliefert')))).toBe(false);
  });
});
