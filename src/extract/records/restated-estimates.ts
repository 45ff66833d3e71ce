import { nextFence } from '../../parse/line-scan.js';
import type { DocumentContext } from './document-context.js';
import { readEstimate } from '../values/estimates.js';
import { cleanId, idKey } from '../values/ids.js';

/** "UF-101 (2時間40分)": an item's ID and, right after it, an amount in parentheses. */
const RESTATED = /(?<![\p{L}\p{N}\-_.])([\p{L}\p{N}][\p{L}\p{N}\-_.]*[\p{N}])\s*([(（][^()（）]{1,24}[)）])/gu;

/**
 * Estimates a document restates beside an item's ID where it plans or discusses the work (a
 * schedule's "UF-002 (20分) + UF-101 (2時間40分)"). Each is a mention of the item with that
 * estimate, so a restatement that differs from the item's own is an estimate conflict. Lines that
 * define the item, code blocks and IDs the document defines nowhere are left alone.
 */
export function readRestatedEstimates(ctx: DocumentContext): void {
  const defined = new Map<string, Set<number>>();
  for (const record of ctx.records) {
    if (record.anonymous) continue;
    const key = idKey(record.id);
    let lines = defined.get(key);
    if (!lines) defined.set(key, (lines = new Set()));
    lines.add(record.source.line);
  }
  if (defined.size === 0) return;
  let fence: string | null = null;
  ctx.sourceLines.forEach((text, index) => {
    const step = nextFence(fence, text);
    fence = step.open;
    if (fence !== null || step.marker) return;
    const line = index + 1;
    for (const match of text.matchAll(RESTATED)) {
      const id = cleanId(match[1], ctx.extraIds);
      const lines = defined.get(idKey(id));
      if (!lines || lines.has(line)) continue;
      // An amount with its unit ("2時間40分", "1.5h"): a bare number could be anything.
      const amount = match[2].slice(1, -1).trim();
      if (!/^~?\s*\d/.test(amount) || !/\p{L}/u.test(amount)) continue;
      const reading = readEstimate(amount, { ...ctx.estimateContext, unit: null });
      if (!reading || !('estimate' in reading)) continue;
      const record = ctx.record(id, { title: null, estimate: reading.estimate, reference: true, container: `restated:${line}` });
      record.source = ctx.position(line);
      ctx.records.push(record);
    }
  });
}
