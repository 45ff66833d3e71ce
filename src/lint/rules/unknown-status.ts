import { LEXICON, lexiconFor, withLexicon, type Lexicon } from '../../extract/lexicon/lexicon.js';
import type { Config } from '../../config/types.js';
import { configOfFile } from '../file-config.js';
import { groupBy } from '../../model/group-by.js';
import { isDoneStatus, statusMeaning, statusWords } from '../../model/status.js';
import type { Rule } from '../types.js';

/** So many items share a status word before it is the document's own vocabulary, not a one-off note. */
const MIN_ITEMS = 3;

/** Whether the reader knows what a status word means: done, cancelled, or work still open. */
function known(words: string): boolean {
  return (
    !/\p{L}/u.test(words) ||
    isDoneStatus(words) ||
    statusMeaning(words) === 'cancelled' ||
    LEXICON.is('openStatus', words) ||
    LEXICON.is('boardColumn', words) ||
    LEXICON.startsWith('openStatus', words) > 0
  );
}

export const unknownStatus: Rule = {
  name: 'unknown-status',
  description: 'Several items share a status word the reader does not know as done or open, so they all count as work left.',
  tags: ['status'],
  defaultSeverity: 'warning',
  check(context, report) {
    // A word the item's file's config declares (vocabulary: { openStatus: [Backburner] }) is known there.
    const lexicons = new Map<Config, Lexicon>();
    const lexiconOf = (file: string) => {
      const config = configOfFile(context, file);
      let lexicon = lexicons.get(config);
      if (!lexicon) lexicons.set(config, (lexicon = lexiconFor(config.vocabulary)));
      return lexicon;
    };
    const unknown = context.backlog.items.filter(
      (item) => item.status && !item.done && !withLexicon(lexiconOf(item.source.file), () => known(statusWords(item.status!))),
    );
    const byWord = groupBy(unknown, (item) => statusWords(item.status!).toLowerCase());
    for (const items of byWord.values()) {
      if (items.length < MIN_ITEMS) continue;
      const word = statusWords(items[0].status!);
      report({
        ...items[0].source,
        message: `"${word}" is the status of ${items.length} items but no word the reader knows as done or open, so they count as work left; if it means done, declare it in the config (vocabulary: { done: [${word}] })`,
      });
    }
  },
};
