import { cleanId, configuredId, expandRange, idKey, looksLikeId, looksLikeNonLatinId } from './ids.js';
import { LEXICON, perLexicon } from '../lexicon/lexicon.js';
import type { Concept } from '../lexicon/vocabulary.js';

/**
 * A dependency or successor cell that names the whole set: "ALL", "everything", "alle", "все",
 * "全部". In a dependency cell the item waits for every other item of its file; in a successor
 * cell every other item waits for it. The model expands it, skipping what would close a cycle.
 */
export const ALL_OTHERS = '\u0000all-others';

export const ALL_ABOVE = '\u0000all-above';

const ARROWS = String.raw`[→⟶➔➜⇒]|->|=>`;

/**
 * What separates references in a cell. An arrow chain ("PAY-101 → PAY-102") in a dependency
 * cell lists what must come first, so its arrows separate as commas do. A slash separates only
 * IDs ("WP-01 / 04"): "stdlib/core.kleis" is one name.
 */
const SEPARATOR = perLexicon(
  (lexicon) => new RegExp(String.raw`\s*(?:,|;|、|，|；|\+|&|(?<=\s)(?:${lexicon.source('and')})(?=\s)|${ARROWS})\s*`, 'iu'),
);
/** "E1-E3", "AION-101 through AION-104", "W0~W9", "PMAT-301..307": the two ends of a range. */
const RANGE = perLexicon(
  (lexicon) =>
    new RegExp(
      String.raw`^(.+?)\s*(?:\s-\s|–|—|~|〜|～|(?<![\p{L}\p{N}])(?:${lexicon.source('rangeTo')})(?![\p{L}\p{N}])|\.\.)\s*(.+)$`,
      'iu',
    ),
);
/** "PR #12", "MR 7": a pull or merge request is no item. */
const PULL_REQUEST = perLexicon((lexicon) => new RegExp(String.raw`^(?:${lexicon.source('pullRequest')})\s*#?\d+$`, 'iu'));

/** Notes in parentheses, ASCII or full-width: "E12-03 (S4)", "W3（能力）". */
const NOTE = /[(（][^()（）]*[)）]/g;

/** "Epics 1–4", "Steps 1-3", "Milestones 8, 9": a plural item word before numbers names each of them. */
const PLURAL_WORD = /^(\p{L}+?)(?:ies|s)\s+(?=#?\d)/iu;
const WORD_BEFORE_NUMBER = /^(\p{L}+\s+#?)(\d+)(?:\s*(?:-|–|—|~|〜|～|\.\.)\s*(\d+))?$/u;

/** A word that names items, stages or time boxes before a number: "Story 3", "Epic 2", "Step 1". */
function namesItems(word: string): boolean {
  return ['itemWord', 'stepWord', 'containerWord', 'groupWord', 'sprintWord'].some((concept) => LEXICON.is(concept as Concept, word));
}

/** "Epics" → "Epic", "Stories" → "Story", when the singular is a word for items. */
function singular(part: string): string {
  const plural = PLURAL_WORD.exec(part);
  if (!plural) return part;
  const stem = plural[1];
  for (const word of [stem, `${stem}y`, `${stem}e`]) {
    if (namesItems(word)) return `${word[0].toUpperCase()}${word.slice(1)} ${part.slice(plural[0].length)}`;
  }
  return part;
}

/** The end of a range completed from its start: "TODO-FM01 ~ FM04" ends at "TODO-FM04", "PMAT-301..307" at "PMAT-307". */
function completeEnd(start: string, end: string): string {
  const lead = /^\D*/.exec(end)![0];
  if (lead === '') return start.replace(/\d+$/, '') + end;
  const at = start.lastIndexOf(lead);
  return at > 0 && !start.startsWith(lead) ? start.slice(0, at) + end : end;
}

/** Whether a piece of a dependency cell says nothing depends: "None", "-", "keine", "なし". */
function isNone(text: string): boolean {
  return /^[\s\-—–.]*$/u.test(text) || LEXICON.is('none', text);
}

/**
 * Splits a dependency cell or line into references as written. Notes in parentheses
 * ("E12-03 (S4)", "None (start first)", "#133 (done)") are dropped; "All above" becomes
 * ALL_ABOVE for the table to expand; ranges expand to each ID ("W0~W9", "TODO-FM01 ~ FM04");
 * a bare number after an ID takes its prefix ("WP-13, 14"); pull requests are not items.
 * Names that are not IDs ("Release 2", "Epic 1 complete") are kept for the model to resolve.
 */
export function parseReferences(raw: string, extra: readonly RegExp[] = []): string[] {
  const { text: shielded, literals } = shieldConfiguredIds(raw, extra);
  const text = shielded
    .replace(/<br\s*\/?>/gi, ',')
    .replace(NOTE, ' ')
    .replace(/[*_`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (isNone(text.replace(/[.:]$/, ''))) return [];
  if (LEXICON.startsWith('allAbove', text) > 0) return [ALL_ABOVE];
  // "ALL": every other item, which the model expands without making a cycle.
  if (LEXICON.is('all', text)) return [ALL_OTHERS];
  const references: string[] = [];
  let prefix = '';
  for (const piece of text.split(SEPARATOR()).flatMap((piece) => splitSlashes(piece, extra))) {
    // "after US-054", "Depends on: X", "T-001 ✅": the label and status marks are not part of the ID.
    const bare = piece.replace(/\p{Extended_Pictographic}|\uFE0F/gu, '').trim();
    const label = LEXICON.startsWith('dependencyPhrase', bare);
    let part = (label > 0 && /^\s*[:：]?\s+/u.test(bare.slice(label)) ? bare.slice(label).replace(/^\s*[:：]?\s*/u, '') : bare).replace(
      /[.:。]$/u,
      '',
    );
    if (!part || isNone(part)) continue;
    const literal = SHIELDED.exec(part);
    if (literal) {
      references.push(literals[Number(literal[1])]);
      continue;
    }
    // "#42 #43": IDs side by side, with nothing but a space between them.
    const words = part.split(' ');
    if (words.length > 1 && words.every((word) => looksLikeId(word, extra) || looksLikeNonLatinId(word))) {
      references.push(...words);
      continue;
    }
    if (PULL_REQUEST().test(part)) continue;
    part = withoutDoneWord(singular(part));
    // "Milestone 9 Epics 1–3": items of another stage of the plan are named by that stage.
    const stage = /^(\p{L}+\s+#?\d+)\s+\p{L}+\s+#?\d/u.exec(part);
    if (stage && LEXICON.is('containerWord', stage[1].split(/\s/)[0])) part = stage[1]!;
    // "Stories 2.2, 2.3", "WP-13, 14": a bare number continues the ID or the word before it.
    const word = /^(\p{L}+\s+)#?\d/u.exec(part);
    const code = /^(.*?[^\d\s.])\d+$/u.exec(part);
    if (word) prefix = word[1]!;
    else if (/^\d+(?:\.\d+)*(?:\s*[-–~]\s*\d+(?:\.\d+)*)?$/.test(part) && prefix) part = prefix + part;
    else if (code && looksLikeId(part, extra)) prefix = code[1]!;
    const dotted = /^(\p{L}+\s+\d+\.)(\d+)\s*-\s*(?:\d+\.)?(\d+)$/u.exec(part);
    if (dotted && Number(dotted[3]) > Number(dotted[2]) && Number(dotted[3]) - Number(dotted[2]) < 100) {
      for (let n = Number(dotted[2]); n <= Number(dotted[3]); n++) references.push(`${dotted[1]}${n}`);
      continue;
    }
    const worded = WORD_BEFORE_NUMBER.exec(part);
    if (worded?.[3] !== undefined && namesItems(worded[1].replace('#', '').trim())) {
      const ids = expandRange(`${worded[1]}${worded[2]}`, `${worded[1]}${worded[3]}`);
      if (ids) {
        references.push(...ids);
        continue;
      }
    }
    const range = RANGE().exec(part) ?? /^([A-Za-z#]+[\w.]*?\d)\s*-\s*([A-Za-z#]+\d[\w.]*)$/.exec(part);
    if (range) {
      const ids = expandRange(range[1], completeEnd(range[1], range[2]));
      // "301..307": numbers the model completes to the IDs that end in them.
      if (ids && (looksLikeId(range[1], extra) || LEXICON.startsWith('idWord', range[1]) > 0 || /^\d+$/.test(range[1]))) {
        references.push(...ids);
        continue;
      }
    }
    references.push(part);
  }
  return references;
}

/** Scripts written without spaces: a word of them that starts with a done word says so ("完了必須", done required). */
const RUN_ON = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** "E1 complete", "Epic 2 done", "WP-11 完了必須": the item, without the word that says it must be finished. */
function withoutDoneWord(part: string): string {
  const match = /\s+(\p{L}+)$/u.exec(part);
  if (!match) return part;
  const word = match[1];
  const reached = LEXICON.is('done', word) || (RUN_ON.test(word) && LEXICON.startsWith('done', word) > 0);
  return reached ? part.slice(0, match.index) : part;
}

/** "WP-01 / 04" is two references; "stdlib/core.kleis" and "CI/CD" are one name. */
function splitSlashes(piece: string, extra: readonly RegExp[]): string[] {
  if (!piece.includes('/')) return [piece];
  const parts = piece.split(/\s*\/\s*/);
  const idLike = (part: string) => looksLikeId(part, extra) || /^\d+$/.test(part);
  return parts.length > 1 && parts.every(idLike) ? parts : [piece];
}

const ARROW = new RegExp(String.raw`\s*(?:${ARROWS})\s*`);

/**
 * An arrow chain through the item itself in its own dependency cell ("PAY-101 → PAY-104" on
 * PAY-104's row): what comes before the item must precede it, what comes after follows it.
 * Null when the cell is not such a chain.
 */
export function chainThrough(raw: string, id: string): { before: string; after: string } | null {
  const links = raw.split(ARROW);
  const at = links.findIndex((link) => idKey(cleanId(link)) === idKey(id));
  if (links.length < 2 || at === -1) return null;
  return { before: links.slice(0, at).join(', '), after: links.slice(at + 1).join(', ') };
}

const SHIELDED = /^\uE000(\d+)\uE000$/;
const PLAIN_ID = /^[\p{L}\p{N}\s.#-]*$/u;

/**
 * Replaces each reference that a configured ID pattern matches as written by a placeholder, so
 * that none of the reading above takes it apart: "(X)" is no note, "A+1" no pair, "a.b*" keeps
 * its star. IDs of letters, digits, dots and hyphens alone are read as any other reference.
 */
function shieldConfiguredIds(raw: string, extra: readonly RegExp[]): { text: string; literals: string[] } {
  const literals: string[] = [];
  if (extra.length === 0) return { text: raw, literals };
  const text = raw
    .split(/(\s*(?:,|;|<br\s*\/?>)\s*)/i)
    .map((piece) => {
      const id = PLAIN_ID.test(piece) ? null : configuredId(piece, extra);
      if (id === null) return piece;
      literals.push(id);
      return `\uE000${literals.length - 1}\uE000`;
    })
    .join('');
  return { text, literals };
}
