/**
 * `**Key**: value` lines, several per line when separated by pipes or bullets
 * ("**Priority**: Must Have | **Points**: 5 | **Type**: Infrastructure").
 */
export interface KeyValue {
  key: string;
  value: string;
}

const PAIR = /^\s*([^:：|]{1,48}?)\s*[:：]\s*(.*)$/u;

export function readKeyValues(text: string): KeyValue[] {
  const pairs: KeyValue[] = [];
  for (const segment of text.split(/\s+[|·•]\s+/)) {
    const match = PAIR.exec(segment);
    if (!match && pairs.length > 0) {
      // "Total Remaining: 35 stories | 200 story points": a segment without a key continues the value.
      pairs[pairs.length - 1].value += ` | ${segment.replace(/[*_`]/g, '').trim()}`;
      continue;
    }
    if (!match) return [];
    const key = match[1].replace(/[*_`]/g, '').trim();
    // A key is a short label, not a sentence that happens to contain a colon.
    if (!key || key.split(/\s+/).length > 5 || /[.!?]$/.test(key) || /^https?$/i.test(key)) return pairs;
    pairs.push({ key, value: match[2].replace(/[*_`]/g, '').trim() });
  }
  return pairs;
}

/** "Commitment:", "Goal:", "Tickets:" — a label that introduces what follows. */
export function labelOf(text: string): string | null {
  const match = /^\s*([^:]{1,40}?)\s*:\s*$/.exec(text.replace(/[*_`]/g, ''));
  return match ? match[1].trim() : null;
}
