import { idKey } from '../values/ids.js';
import type { FileExtraction, ItemRecord } from './item-record.js';

/**
 * Settles what a document's lists and heading levels say once all of it is read, since an
 * entry's siblings may come after it:
 * - a titled entry without estimate or checkbox ("- **RM-3** Gamma") is an item only in a list
 *   that holds other items (or when entries below it are its tasks); elsewhere it is prose;
 * - where some items of a list, or of one heading level, carry estimates, the others are
 *   expected to as well (as the rows of a table with an estimate column are): an amount in a
 *   form nothing reads ("(4 ч)") is an unparsable estimate, and no amount a missing one.
 */
export function settleSiblings(extraction: FileExtraction): void {
  // Tables and front matter stand among no siblings: a document of tables has nothing to settle.
  if (!extraction.records.some((record) => record.siblings)) return;
  const parents = new Set(
    extraction.records.filter((record) => record.parent && !record.needsListItems).map((record) => idKey(record.parent!)),
  );
  const definite = (record: ItemRecord) =>
    !record.needsListItems || record.estimate !== null || record.unreadEstimate !== null || parents.has(idKey(record.id));
  const listsWithItems = new Set(
    extraction.records.filter((record) => record.siblings && definite(record)).map((record) => record.siblings),
  );
  const records = extraction.records;
  let kept = 0;
  for (const record of records) if (definite(record) || listsWithItems.has(record.siblings)) records[kept++] = record;
  if (kept !== records.length) {
    records.length = kept;
    extraction.file.items = new Set(records.map((record) => idKey(record.id))).size;
  }

  const estimated = new Set(
    records.filter((record) => record.siblings && (record.estimate || record.unreadEstimate)).map((record) => record.siblings),
  );
  for (const record of records) {
    if (!record.siblings || !estimated.has(record.siblings)) continue;
    record.estimateExpected = true;
    if (record.estimate || record.unreadEstimate || !record.titleEstimate) continue;
    record.unreadEstimate = record.titleEstimate;
    extraction.diagnostics.push({
      ...record.source,
      rule: 'unparsable-estimate',
      severity: 'warning',
      message: `${record.id}: "${record.titleEstimate}" is not an estimate`,
    });
  }
}
