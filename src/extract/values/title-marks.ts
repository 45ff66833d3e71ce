import { isDoneStatus } from '../../model/status.js';
import { LEXICON, perLexicon } from '../lexicon/lexicon.js';
import { looksLikeId } from './ids.js';
import { parseReferences } from './references.js';

/**
 * What an item's heading or list entry says besides its ID, title and estimate: a done mark
 * ("✅", "[DONE]", "(Done)", the whole title struck through), a dependency note ("— depends on
 * A-1", "(deps: A-12)"), a placeholder for the estimate ("(TBD)"), or an amount in a form no
 * estimate reading knows ("(4 ч)").
 */

const CHECK_MARK = String.raw`(?:[✅✔☑]\uFE0F?)`;
const LEADING_CHECK = new RegExp(String.raw`^\s*${CHECK_MARK}\s*`, 'u');
const TRAILING_CHECK = new RegExp(String.raw`\s*${CHECK_MARK}\s*$`, 'u');
// One word only: "(complete rewrite)" describes the work, "(Complete)" its state.
const WORD_MARK = /^\s*[([](\p{L}{2,20})[)\]]\s*|\s*[([](\p{L}{2,20})[)\]]\s*$/gu;

/** The text without its done marks, and whether it had one. */
export function readDoneMarks(text: string): { text: string; done: boolean } {
  let value = text.trim();
  let done = false;
  // "~~US-15: Pay~~": struck through as a whole, the item is finished (or dropped, which counts as no work left).
  const struck = /^([^\p{L}\p{N}~]*)~~(.+)~~\s*$/u.exec(value);
  if (struck && !struck[2].includes('~~')) {
    value = `${struck[1]}${struck[2]}`.trim();
    done = true;
  }
  for (const mark of [LEADING_CHECK, TRAILING_CHECK]) {
    if (mark.test(value)) {
      value = value.replace(mark, ' ').trim();
      done = true;
    }
  }
  value = value
    .replace(WORD_MARK, (whole, leading?: string, trailing?: string) => {
      if (!isDoneStatus((leading ?? trailing ?? '').trim())) return whole;
      done = true;
      return ' ';
    })
    .trim();
  const note = DONE_NOTE.exec(value);
  if (note && saysDone(note[1])) {
    value = value.slice(0, note.index).trim();
    done = true;
  }
  return { text: value, done };
}

/** A note at the end of a title, in ASCII or full-width parentheses: "（已在本轮完成，V0 只需保持）". */
const DONE_NOTE = /\s*[(（]([^()（）]{2,80})[)）]\s*$/u;
/** Scripts written without spaces: a done word inside a clause ("已在本轮完成") says so; 未/不/没 deny it. */
const RUN_ON = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Whether a note's first clause says the work is finished: "already done", "bereits erledigt",
 * "已在本轮完成". A later clause ("V0 只需保持", "only needs keeping") does not undo it.
 */
function saysDone(note: string): boolean {
  const clause = note.split(/[,，;；、]/u)[0].trim();
  if (RUN_ON.test(clause)) return LEXICON.contains('done', clause) && !LEXICON.contains('negationMark', clause);
  const words = clause.replace(new RegExp(`^(?:${LEXICON.source('already')})\\s+`, 'iu'), '');
  return words !== clause && isDoneStatus(words);
}

/** "[FEAT-3] Dark mode": an ID in brackets at the start of a heading is the ID. */
export function unbracketLeadingId(text: string, extra: readonly RegExp[]): string {
  const match = /^([^\p{L}\p{N}#[]*)\[([^\][\s]{1,24})\]/u.exec(text);
  return match && looksLikeId(match[2], extra) ? `${match[1]}${match[2]}${text.slice(match[0].length)}` : text;
}

/** "— depends on A-1", "(deps: A-12)", "— blocked by: A-2": a note of what the item waits for, at the end of its title. */
const DEPENDENCY_NOTE = perLexicon(
  (lexicon) => new RegExp(String.raw`[\s(,—–-]+(?:${lexicon.source('dependencyPhrase')})(?:\s*[:：]\s*|\s+)([^)]*)\)?\s*$`, 'iu'),
);

/** What a dependency note can name besides item IDs: a release, an epic or a stage the model resolves to its items. */
const NAMED_GROUP = perLexicon(
  (lexicon) => new RegExp(String.raw`^(?:${lexicon.source('releaseWord', 'groupWord', 'stageWord')})\s+\S+$`, 'iu'),
);

/**
 * "Saved searches — 5 pts (depends on OTR-21)", "z — blocked by: A-2": the note and the IDs it
 * names. Only a note that names IDs (or releases, epics) alone is one: "Redirect after login"
 * is a title.
 */
export function inlineDependency(text: string, extra: readonly RegExp[]): { text: string; references: string[] } | null {
  const note = DEPENDENCY_NOTE().exec(text);
  if (!note) return null;
  const references = parseReferences(note[1].replace(/[、，]/g, ','), extra);
  if (references.length === 0 || !references.every((reference) => looksLikeId(reference, extra) || NAMED_GROUP().test(reference)))
    return null;
  return { text: text.slice(0, note.index).replace(/[\s,;]+$/, ''), references };
}

const PLACEHOLDER = perLexicon((lexicon) => new RegExp(String.raw`\s*[([](?:${lexicon.source('noEstimate')}|\?+)[)\]]\s*$`, 'iu'));

/** "Alpha (TBD)": the title without a placeholder where the estimate would stand. */
export function withoutEstimatePlaceholder(title: string): string {
  return title.replace(PLACEHOLDER(), '').trim();
}

/** "Delta (4 ч)": an amount in parentheses, in a unit no estimate reading knows. */
export function unknownEstimateForm(title: string): string | null {
  const match = /[([]\s*(~?\s*\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*\p{L}{1,4}\.?)\s*[)\]]\s*$/u.exec(title);
  return match ? match[1] : null;
}
