import type { ItemRecord } from './item-record.js';

/**
 * Work listed without IDs, settled once the whole document is read. An entry that restates an
 * item defined elsewhere (a title the document gives another record, reworded: "Add API
 * endpoint" for "Backend API endpoint") is that item, and its sprint is that item's. Of the
 * rest, a single estimated entry is no evidence of a list of work: it stays out, as one
 * estimated bullet among notes does.
 */
export function settleAnonymous(records: ItemRecord[]): ItemRecord[] {
  const anonymous = records.filter((record) => record.anonymous);
  if (anonymous.length === 0) return records;
  const named = records.map((record) => ({ record, words: titleWords(record.title) }));
  const restated = new Set<ItemRecord>();
  for (const record of anonymous) {
    const target = restatedRecord(record, named);
    if (!target) continue;
    // "UI/UX Fixes: error pages" restates part of "UI/UX Fixes": its amount is that part's, not the item's.
    if (record.estimate && target.estimate && record.estimate.expected !== target.estimate.expected) record.estimate = null;
    record.id = target.id;
    record.anonymous = target.anonymous;
    restated.add(record);
  }
  const left = anonymous.filter((record) => !restated.has(record));
  if (left.length >= 2 || left.length === 0) return records;
  return records.filter((record) => record !== left[0]);
}

/** Words of a title, as a reader compares titles: case, markup and punctuation set aside. */
function titleWords(title: string | null): Set<string> {
  return new Set(
    (title ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0),
  );
}

/** Of two titles' words, the share the shorter one has in the longer one. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** "Weekly Review #1" and "Weekly Review #2" are two items: the numbers in two titles must agree. */
function sameNumbers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const numbers = (words: ReadonlySet<string>) =>
    [...words]
      .filter((word) => /^\d/.test(word))
      .sort()
      .join(' ');
  return numbers(a) === numbers(b);
}

/**
 * A restatement gives the same amount, or restates a part of the item: its title extends the
 * item's ("UI/UX Fixes: error pages + Toast" of "UI/UX Fixes").
 */
function agrees(record: ItemRecord, candidate: ItemRecord): boolean {
  if (!record.estimate || !candidate.estimate || record.estimate.expected === candidate.estimate.expected) return true;
  const title = (record.title ?? '').toLowerCase();
  const whole = (candidate.title ?? '').toLowerCase();
  return whole !== '' && title.startsWith(whole) && /^\s*[:(—–-]/u.test(title.slice(whole.length));
}

/** The one record defined elsewhere whose title this one restates, or null when none or several do. */
function restatedRecord(record: ItemRecord, named: readonly { record: ItemRecord; words: Set<string> }[]): ItemRecord | null {
  const words = titleWords(record.title);
  let best: ItemRecord | null = null;
  let bestScore = 0;
  let tie = false;
  for (const candidate of named) {
    if (candidate.record === record || candidate.record.source.line === record.source.line) continue;
    if (candidate.record.anonymous && candidate.record.source.line > record.source.line) continue;
    if (!sameNumbers(words, candidate.words) || !agrees(record, candidate.record)) continue;
    const score = overlap(words, candidate.words);
    if (score > bestScore) {
      [best, bestScore, tie] = [candidate.record, score, false];
    } else if (score === bestScore && score > 0 && candidate.record.id !== best?.id) tie = true;
  }
  // Without an amount to agree on, only the same words restate an item.
  const needed = record.estimate ? 0.6 : 1;
  return best && bestScore >= needed && !tie && (record.estimate !== null || titleWords(best.title).size === words.size) ? best : null;
}
