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
  return priority.trim().toLowerCase().replace(/[’‘]/g, "'").split(/[\s(:,;/-]+/u)[0] ?? '';
}

/**
 * A function ranking items by priority, lower first, on the scale above. Bare numbers depend on
 * the backlog: when every one is at most 10 they are levels (1 first, like P1); a scale that goes
 * beyond 10 (100, 80, 40…) is business value, highest first.
 */
export function priorityRanker(items: readonly Pick<Item, 'priority'>[]): (item: Pick<Item, 'priority'>) => number {
  const numbers = items.map((item) => item.priority?.trim() ?? '').filter((text) => BARE_NUMBER.test(text)).map(Number);
  const valueScale = numbers.length > 0 && Math.max(...numbers) > 10;
  return (item) => {
    const text = item.priority?.trim() ?? '';
    if (text === '') return UNRANKED;
    if (BARE_NUMBER.test(text)) return valueScale ? -Number(text) : Number(text);
    const level = P_LEVEL.exec(text.toLowerCase());
    if (level) return Number(level[1]);
    const word = firstWord(text);
    return WORD_RANKS.find(([pattern]) => pattern.test(word))?.[1] ?? UNRANKED;
  };
}
