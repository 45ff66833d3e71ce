import { VOCABULARY, type Concept, type Words } from './vocabulary.js';

/**
 * Matchers built from the vocabulary: whether a text is one of a concept's words, starts with
 * one, or contains one. Text is folded first (case, the Turkish dotted and dotless i), keeping
 * its length, so a match's length is the length in the original text.
 */
export interface Lexicon {
  /** The whole text (markup and surrounding punctuation ignored) is one of the concept's words. */
  is(concept: Concept, text: string): boolean;
  /** The length of the concept's word the text starts with (after leading spaces), or 0. */
  startsWith(concept: Concept, text: string): number;
  /** One of the concept's words stands in the text. */
  contains(concept: Concept, text: string): boolean;
  /** The concept's words as a regular-expression alternation, for patterns that embed them (flags `iu`, folded text). */
  source(concept: Concept): string;
  /** Every word of a concept, folded. */
  words(concept: Concept): readonly string[];
}

/** Additional words per concept, as the config gives them. */
export type ExtraWords = Partial<Record<Concept, readonly string[]>>;

/** Lower case that keeps every character's position: "İ" and "ı" fold to "i", curly apostrophes to straight ones. */
export function fold(text: string): string {
  return text
    .replace(/\u0130/g, 'i')
    .toLowerCase()
    .replace(/\u0131/g, 'i')
    .replace(/[’‘]/g, "'");
}

/** Scripts written without spaces between words: their words are found anywhere in a text. */
const RUN_ON = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One word as a pattern: spaces and hyphens match either, an underscore or nothing; a final `*` any letters. */
function wordPattern(word: string): string {
  const stem = word.endsWith('*') && word.length > 1;
  const body = fold(stem ? word.slice(0, -1) : word).trim();
  const pattern = body
    .split(/[\s-]+/)
    .map((part) => escape(part))
    .join(String.raw`[\s_\-]?`);
  return stem ? `${pattern}\\p{L}*` : pattern;
}

interface Compiled {
  words: string[];
  alternation: string;
  whole: RegExp;
  start: RegExp;
  contains: RegExp;
}

function compile(words: readonly string[]): Compiled {
  // Longest first, so that "story points" wins over "story" in an alternation.
  const unique = [...new Set(words.map((word) => word.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const spaced = unique.filter((word) => !RUN_ON.test(word)).map(wordPattern);
  const runOn = unique.filter((word) => RUN_ON.test(word)).map(wordPattern);
  const alternation = [...spaced, ...runOn].join('|') || '(?!)';
  const bounded = `(?<![\\p{L}\\p{N}])(?:${spaced.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`;
  const contains = runOn.length > 0 ? `${bounded}|${runOn.join('|')}` : bounded;
  return {
    words: unique.map(fold),
    alternation,
    whole: new RegExp(`^(?:${alternation})$`, 'u'),
    start: new RegExp(`^\\s*(?:(?:${spaced.join('|') || '(?!)'})(?![\\p{L}\\p{N}])|${runOn.join('|') || '(?!)'})`, 'u'),
    contains: new RegExp(contains, 'u'),
  };
}

/** Markup and punctuation around a value: "**Done**", "`todo`", "Done.", "(done)", "[x]". */
function trimmed(text: string): string {
  let value = fold(text)
    .replace(/[*_`~]/g, '')
    .replace(/^[\s"'“”«»]+|[\s"'“”«».,;:：!?]+$/gu, '')
    .replace(/\s+/g, ' ');
  for (let wrapped = WRAPPED.exec(value); wrapped; wrapped = WRAPPED.exec(value)) value = wrapped[1].trim();
  return value;
}

/** A value wrapped as a whole in brackets or parentheses. */
const WRAPPED = /^[([{（]([^()[\]{}（）]*)[)\]}）]$/u;

function allWords(words: Words): string[] {
  return Object.values(words).flatMap((list) => [...(list ?? [])]);
}

const cache = new Map<string, Lexicon>();

/** The lexicon of the built-in vocabulary plus the config's words; one per distinct set of extra words. */
export function lexiconFor(extra: ExtraWords = {}): Lexicon {
  const key = JSON.stringify(extra);
  const known = cache.get(key);
  if (known) return known;
  const compiled = new Map<Concept, Compiled>();
  const get = (concept: Concept): Compiled => {
    let entry = compiled.get(concept);
    if (!entry) {
      entry = compile([...allWords(VOCABULARY[concept]), ...(extra[concept] ?? [])]);
      compiled.set(concept, entry);
    }
    return entry;
  };
  const lexicon: Lexicon = {
    is: (concept, text) => get(concept).whole.test(trimmed(text)),
    startsWith: (concept, text) => get(concept).start.exec(fold(text))?.[0].length ?? 0,
    contains: (concept, text) => get(concept).contains.test(fold(text)),
    source: (concept) => get(concept).alternation,
    words: (concept) => get(concept).words,
  };
  cache.set(key, lexicon);
  return lexicon;
}

/** The built-in vocabulary alone: for readers that have no config at hand. */
export const LEXICON = lexiconFor();
