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
 * Whether two statuses say the same: the same meaning, and for work still open, the same words
 * once marks, notes and dates are gone ("In progress" and "Blocked" differ; "⬜", which says
 * nothing more than open, agrees with either). Done and cancelled read alike however written.
 */
export function sameStatus(a: string, b: string, lexicon: Lexicon = LEXICON): boolean {
  const meaning = statusMeaning(a, lexicon);
  if (meaning !== statusMeaning(b, lexicon)) return false;
  if (meaning !== 'open') return true;
  const [first, second] = [openWords(a), openWords(b)];
  return !first || !second || first === second;
}

/** An open status's words, without dates or case: "In progress 2026-05-01" is "in progress". */
function openWords(status: string): string {
  return statusWords(status)
    .replace(/\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
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
