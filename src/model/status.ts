import { LEXICON, type Lexicon } from '../extract/lexicon/lexicon.js';

const DONE_MARK = /^(?:[✅✔✓☑]|\[x\])/iu;

/**
 * What a status says, without its note: "完了（ADR-004 amendment）" is "完了", "Done (PR #12)" is
 * "Done", "Erledigt – siehe ADR" is "Erledigt". Leading marks and emoji are not words.
 */
export function statusWords(status: string): string {
  return status
    .replace(/[`*_~]/g, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .split(/\s*[(（[:：;；,，、]|\s+[-–—]\s+/u)[0]
    .trim();
}

/** What a status means for the work: none left (done), none left because it was dropped (cancelled), or some left (open). */
export type StatusMeaning = 'done' | 'cancelled' | 'open';

/**
 * What a status means, whatever its words, marks, notes and dates: "✅ COMPLETE (2026-05-26)" and
 * "✅ DONE" are both done, "✅ İPTAL EDİLDİ" and "Won't fix" cancelled, "In progress" open.
 */
export function statusMeaning(status: string, lexicon: Lexicon = LEXICON): StatusMeaning {
  const words = statusWords(status);
  if (lexicon.is('cancelled', words) || lexicon.startsWith('cancelled', words) > 0) return 'cancelled';
  return isDoneStatus(status, lexicon) ? 'done' : 'open';
}

/**
 * Whether a status leaves no work: done, or closed without being done (cancelled, dropped). A
 * bare ❌ is neither: feature tables use it for "not yet". Words come from the lexicon, which the
 * config may extend.
 */
export function isDoneStatus(status: string | null, lexicon: Lexicon = LEXICON): boolean {
  if (!status) return false;
  const text = status.replace(/[`*_~]/g, '').trim();
  if (DONE_MARK.test(text)) return true;
  const words = statusWords(text);
  // "Completed March 29, 2025": a done word may lead a longer status.
  return lexicon.is('done', words) || lexicon.is('cancelled', words) || lexicon.startsWith('done', words) > 0;
}
