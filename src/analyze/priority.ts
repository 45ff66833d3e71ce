import type { Item } from '../model/types.js';

/**
 * Priority words on one scale, lower first: P0 = critical, P1 = high (MoSCoW "must"), P2 =
 * medium ("should"), P3 = low ("could"), then "won't". The languages the corpus uses are covered.
 */
const WORD_RANKS: [RegExp, number][] = [
  [/^(?:critical|crítica|crítico|critica|critico|critique|kritisch|blocker|bloquant|urgent|urgente|highest|showstopper)$/, 0],
  [/^(?:high|alta|alto|haute|élevée|elevee|hoch|must)$/, 1],
  [/^(?:medium|média|media|medio|médio|moyenne|mittel|normal|should)$/, 2],
  [/^(?:low|baixa|baja|bajo|baixo|basse|faible|niedrig|could|nice)$/, 3],
  [/^(?:won'?t|wont|lowest)$/, 4],
];

/** No priority ranks after "low"/"could" and before "won't": unranked work is still wanted. */
export const UNRANKED = 3.5;

const P_LEVEL = /^p\s*(\d+)(?!\d)/;
const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/** The first word of a priority, lower-cased: "Must Have" → "must", "Alta (core)" → "alta". */
function firstWord(priority: string): string {
  return (
    priority
      .trim()
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .split(/[\s(:,;/-]+/u)[0] ?? ''
  );
}

type Ranked = Pick<Item, 'priority' | 'source'>;

/** M, S, C, W: MoSCoW's initials, ranked like the words. */
const MOSCOW_LETTER = /^[MSCW]$/;
const MOSCOW_LETTER_RANKS: Record<string, number> = { M: 1, S: 2, C: 3, W: 4 };
const MOSCOW_WORD = /^(?:must|should|could|won't|wont)$/;

/**
 * The files whose priorities are all MoSCoW, initials or words: only there is a lone "C" or "S"
 * an initial rather than a grade, a size or a team's code.
 */
function filesOnMoscowScale(items: readonly Ranked[]): Set<string> {
  const moscow = new Set<string>();
  const other = new Set<string>();
  for (const item of items) {
    const text = item.priority?.trim() ?? '';
    if (text === '') continue;
    const file = item.source.file;
    if (MOSCOW_LETTER.test(text) || MOSCOW_WORD.test(firstWord(text))) moscow.add(file);
    else other.add(file);
  }
  for (const file of other) moscow.delete(file);
  return moscow;
}

/**
 * A function ranking items by priority, lower first, on the scale above. Bare numbers depend on
 * the backlog: when every one is at most 10 they are levels (1 first, like P1); a scale that goes
 * beyond 10 (100, 80, 40…) is business value, highest first. Single letters are MoSCoW initials
 * in a file whose priorities are all MoSCoW.
 */
export function priorityRanker(items: readonly Ranked[]): (item: Ranked) => number {
  const numbers = items
    .map((item) => item.priority?.trim() ?? '')
    .filter((text) => BARE_NUMBER.test(text))
    .map(Number);
  const valueScale = numbers.length > 0 && Math.max(...numbers) > 10;
  const moscowFiles = filesOnMoscowScale(items);
  return (item) => {
    const text = item.priority?.trim() ?? '';
    if (text === '') return UNRANKED;
    if (BARE_NUMBER.test(text)) return valueScale ? -Number(text) : Number(text);
    if (MOSCOW_LETTER.test(text) && moscowFiles.has(item.source.file)) return MOSCOW_LETTER_RANKS[text];
    const level = P_LEVEL.exec(text.toLowerCase());
    if (level) return Number(level[1]);
    const word = firstWord(text);
    return WORD_RANKS.find(([pattern]) => pattern.test(word))?.[1] ?? UNRANKED;
  };
}
