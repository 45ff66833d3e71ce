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
  /** The concepts' words as a regular-expression alternation, longest first, for patterns that embed them (flags `iu`). */
  source(...concepts: [Concept, ...Concept[]]): string;
  /**
   * The same alternation, each word standing whole: a word of a spaced script where no letter or
   * digit touches it, a word of a run-on script (Chinese, Japanese) anywhere.
   */
  bounded(...concepts: [Concept, ...Concept[]]): string;
  /** The alternation with every letter matching either case, for patterns that match case elsewhere (no `i` flag). */
  caseless(...concepts: [Concept, ...Concept[]]): string;
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

/** A letter as a class of its cases ("a" → "[aA]"; "i" also the Turkish dotless and dotted forms). */
function eitherCase(char: string): string {
  if (char === 'i') return '[iIİı]';
  const upper = char.toUpperCase();
  return upper !== char && [...upper].length === 1 ? `[${char}${upper}]` : char;
}

/**
 * One word as a pattern: spaces and hyphens match either, an underscore or nothing; a final `*`
 * any letters; an "i" also the Turkish dotless and dotted forms, so that a pattern matches the
 * text as written as well as folded.
 */
function wordPattern(word: string, caseless = false): string {
  const stem = word.endsWith('*') && word.length > 1;
  const body = fold(stem ? word.slice(0, -1) : word).trim();
  const pattern = body
    .split(/[\s-]+/)
    .map((part) => [...part].map((char) => (caseless || char === 'i' ? eitherCase(escape(char)) : escape(char))).join(''))
    .join(String.raw`[\s_\-]?`);
  return stem ? `${pattern}\\p{L}*` : pattern;
}

interface Compiled {
  words: string[];
  alternation: string;
  bounded: string;
  whole: RegExp;
  start: RegExp;
  contains: RegExp;
  /** The alternation with every letter in either case, made when first asked for. */
  caseless?: string;
  /** The words, longest first, for `caseless`. */
  unique: string[];
}

function compile(words: readonly string[]): Compiled {
  // Longest first, so that "story points" wins over "story" in an alternation.
  const unique = [...new Set(words.map((word) => word.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const spaced = unique.filter((word) => !RUN_ON.test(word)).map((word) => wordPattern(word));
  const runOn = unique.filter((word) => RUN_ON.test(word)).map((word) => wordPattern(word));
  const alternation = [...spaced, ...runOn].join('|') || '(?!)';
  const whole = `(?<![\\p{L}\\p{N}])(?:${spaced.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`;
  const bounded = runOn.length > 0 ? `${whole}|${runOn.join('|')}` : whole;
  return {
    words: unique.map(fold),
    unique,
    alternation,
    bounded,
    whole: new RegExp(`^(?:${alternation})$`, 'u'),
    start: new RegExp(`^\\s*(?:(?:${spaced.join('|') || '(?!)'})(?![\\p{L}\\p{N}])|${runOn.join('|') || '(?!)'})`, 'u'),
    contains: new RegExp(bounded, 'u'),
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
  const compiled = new Map<string, Compiled>();
  const get = (...concepts: Concept[]): Compiled => {
    const name = concepts.join(' ');
    let entry = compiled.get(name);
    if (!entry) {
      entry = compile(concepts.flatMap((concept) => [...allWords(VOCABULARY[concept]), ...(extra[concept] ?? [])]));
      compiled.set(name, entry);
    }
    return entry;
  };
  const lexicon: Lexicon = {
    is: (concept, text) => get(concept).whole.test(trimmed(text)),
    startsWith: (concept, text) => get(concept).start.exec(fold(text))?.[0].length ?? 0,
    contains: (concept, text) => get(concept).contains.test(fold(text)),
    source: (...concepts) => get(...concepts).alternation,
    bounded: (...concepts) => `(?:${get(...concepts).bounded})`,
    caseless: (...concepts) => {
      const entry = get(...concepts);
      entry.caseless ??= entry.unique.map((word) => wordPattern(word, true)).join('|') || '(?!)';
      return entry.caseless;
    },
    words: (concept) => get(concept).words,
  };
  cache.set(key, lexicon);
  return lexicon;
}

/** The built-in vocabulary alone. */
const BUILT_IN = lexiconFor();

/**
 * The active lexicon: the built-in vocabulary, or while `withLexicon` runs, the one it was given
 * (the built-in vocabulary plus the config's words). Readers deep below the document reader (an
 * estimate's unit, a status word, a header's role) consult the vocabulary in almost every
 * function; handing the config's lexicon down through each of them would thread it through
 * nearly every signature of the extract stage and the model. Reading is synchronous, so a binding
 * set for the duration of one synchronous call is exactly what that call sees: ESM exports are
 * live bindings, so every module that imports `LEXICON` reads the active one.
 */
export let LEXICON: Lexicon = BUILT_IN;

/**
 * Runs `read` with `lexicon` active, and restores the one active before, also when `read`
 * throws. `read` must be synchronous: an `await` inside would let other work run with it.
 */
export function withLexicon<T>(lexicon: Lexicon, read: () => T): T {
  const outer = LEXICON;
  LEXICON = lexicon;
  try {
    return read();
  } finally {
    LEXICON = outer;
  }
}

/**
 * A value built from the active lexicon's words (a pattern that embeds them), built once per
 * lexicon: `const PATTERN = perLexicon((lexicon) => new RegExp(lexicon.source('done'), 'iu'))`,
 * then `PATTERN()` where it is used.
 */
export function perLexicon<T>(build: (lexicon: Lexicon) => T): () => T {
  const built = new WeakMap<Lexicon, T>();
  return () => {
    const lexicon = LEXICON;
    let value = built.get(lexicon);
    if (value === undefined) {
      value = build(lexicon);
      built.set(lexicon, value);
    }
    return value;
  };
}
