import type { FileExtraction, ItemRecord } from '../extract/records/item-record.js';
import { idKey } from '../extract/values/ids.js';
import { fold, LEXICON, withLexicon, type Lexicon } from '../extract/lexicon/lexicon.js';
import { settleSiblings } from '../extract/records/settle-siblings.js';
import { readSprintName } from '../extract/values/sprints.js';
import { itemLabel } from './item-label.js';
import { resolveReferences } from './resolve-references.js';
import { isDoneStatus, sameStatus } from './status.js';
import { countsInTotals, indexById, sumExpected } from './totals.js';
import type { Backlog, Conflict, Diagnostic, Group, Item, SourcePosition, Sprint } from './types.js';
import { dominantUnit } from './units.js';

interface Draft {
  item: Item;
  records: ItemRecord[];
}

/**
 * Merges the records of every file into one backlog: one item per ID (records of the same item
 * in several tables fill each other's gaps; disagreements are kept as conflicts), sprints with
 * their members, groups with theirs, and references resolved to item IDs.
 */
export function buildBacklog(
  extractions: readonly FileExtraction[],
  lexiconOf: (extraction: FileExtraction) => Lexicon | undefined = () => undefined,
): Backlog {
  const drafts = new Map<string, Draft>();
  for (const extraction of extractions) settleSiblings(extraction);
  const diagnostics: Diagnostic[] = extractions.flatMap((extraction) => extraction.diagnostics);
  const conflicts: Conflict[] = [];
  qualifyLocalNumbers(extractions);

  // Each file's records are merged with its own words active (`lexiconOf`; else the active
  // lexicon): its config's status words decide whether its records are done.
  for (const extraction of extractions) {
    withLexicon(lexiconOf(extraction) ?? LEXICON, () => mergeRecords(extraction, drafts, diagnostics, conflicts));
  }

  breakParentCycles(drafts);
  const sprints = buildSprints(extractions, drafts, conflicts, diagnostics);
  const groups = buildGroups(extractions, drafts);
  resolveReferences(drafts, groups);

  const items = [...drafts.values()].map((draft) => draft.item);
  for (const item of items) {
    if (item.parent) drafts.get(idKey(item.parent))?.item.children.push(item.id);
  }
  const byId = indexById(items);
  const work = items.filter((item) => countsInTotals(item, byId));
  const unit = dominantUnit(work);
  // A sprint commits its items and, where a story carries no estimate, the story's tasks.
  const committedWork = new Map<string, Item[]>(sprints.map((sprint) => [sprint.name, []]));
  for (const item of items) {
    if (item.sprint && countsInTotals(item, byId)) committedWork.get(item.sprint)?.push(item);
  }
  for (const sprint of sprints) sprint.committed = sumExpected(committedWork.get(sprint.name) ?? [], unit);
  diagnostics.push(...missingEstimates(drafts, byId));
  return {
    items,
    sprints,
    groups,
    unit,
    claims: extractions.flatMap((extraction) => extraction.claims),
    conflicts,
    diagnostics,
    files: extractions.map((extraction) => ({ ...extraction.file })),
  };
}

/**
 * No item is its own ancestor. A table under the heading "T-1: Set up CI" that lists T-1 again
 * describes T-1 itself, not a task of it; and of two items that each sit under the other, one
 * must be the story. As its own ancestor an item would neither count in totals (its parent
 * carries the estimate) nor stand in the critical path. Walking up from each item in document
 * order, the first item met again on the walk loses its parent: linear in the items.
 */
function breakParentCycles(drafts: ReadonlyMap<string, Draft>): void {
  const state = new Map<Item, 'on-path' | 'settled'>();
  for (const { item } of drafts.values()) {
    const path: Item[] = [];
    for (let current: Item | undefined = item; current && !state.has(current);) {
      state.set(current, 'on-path');
      path.push(current);
      const parent: Item | undefined = current.parent ? drafts.get(idKey(current.parent))?.item : undefined;
      // The loop re-enters the walk at `parent`, the item met first: it keeps the outer place.
      if (parent && state.get(parent) === 'on-path') parent.parent = null;
      current = parent;
    }
    for (const visited of path) state.set(visited, 'settled');
  }
}

const LOCAL_NUMBER = /^\d+(?:\.\d+)*$/;

/**
 * Bare numbers ("1", "001") number the rows of one document; another file's "1" is another item,
 * unless it is written with the same title (a sprint file restating the backlog's row 01). When
 * several files use the same number for different work, each is qualified with its file
 * ("sprint-2:001"), and so are the references and sprint lists of the same file that name it.
 * Numbers one file alone uses, or that every file uses for the same title, keep their plain form.
 */
export function qualifyLocalNumbers(extractions: readonly FileExtraction[]): void {
  const titles = new Map<string, Map<string, string | null>>();
  for (const extraction of extractions) {
    for (const record of extraction.records) {
      if (!LOCAL_NUMBER.test(record.id)) continue;
      const key = idKey(record.id);
      const byFile = titles.get(key) ?? new Map<string, string | null>();
      titles.set(key, byFile);
      const title = record.title === null ? null : fold(record.title).replace(/\s+/g, ' ').trim();
      if (!byFile.get(extraction.file.file)) byFile.set(extraction.file.file, title || null);
    }
  }
  const sameWork = (byFile: Map<string, string | null>) => {
    const written = new Set(byFile.values());
    return written.size === 1 && !written.has(null);
  };
  const shared = new Set([...titles].filter(([, byFile]) => byFile.size > 1 && !sameWork(byFile)).map(([key]) => key));
  if (shared.size === 0) return;
  for (const extraction of extractions) {
    const stem = extraction.file.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    const qualify = (id: string) => (LOCAL_NUMBER.test(id) && shared.has(idKey(id)) ? `${stem}:${id}` : id);
    for (const record of extraction.records) {
      record.id = qualify(record.id);
      record.parent = record.parent && qualify(record.parent);
      record.references = record.references.map(qualify);
      record.successors = record.successors.map(qualify);
    }
    for (const sprint of extraction.sprints) for (const member of sprint.members) member.id = qualify(member.id);
  }
}

/** One file's records into the drafts: a new ID starts an item, a known one is merged into it. */
function mergeRecords(extraction: FileExtraction, drafts: Map<string, Draft>, diagnostics: Diagnostic[], conflicts: Conflict[]): void {
  const numbered = new Set(extraction.records.filter((record) => /^#?\d+$/.test(record.id)).map((record) => record.id.replace('#', '')));
  for (const record of extraction.records) {
    // "### Tâche 3" describes row 3 of the same file's task table.
    const word = /^\p{L}+\s+#?(\d+)$/u.exec(record.id);
    if (word && numbered.has(word[1])) record.id = extraction.records.find((other) => other.id.replace('#', '') === word[1])!.id;
    const key = idKey(record.id);
    const draft = drafts.get(key);
    if (!draft) {
      drafts.set(key, { item: newItem(record), records: [record] });
      continue;
    }
    const twin = draft.records.find((earlier) => earlier.container === record.container && earlier.source.file === record.source.file);
    if (twin && !record.mentionOnly) {
      diagnostics.push({
        ...record.source,
        rule: 'duplicate-id',
        severity: 'error',
        message: `${record.id} is defined twice in the same table (first at line ${twin.source.line})`,
      });
    }
    draft.records.push(record);
    merge(draft, record, conflicts);
  }
}

function newItem(record: ItemRecord): Item {
  const status = record.status;
  return {
    id: record.id,
    title: record.title ?? '',
    estimate: record.estimate,
    dependsOn: [],
    unresolved: [],
    sprint: record.sprint,
    group: record.group,
    track: record.track,
    status,
    done: record.done === true || isDoneStatus(status),
    priority: record.priority,
    owner: record.owner,
    // The item takes over its first record's field map: records are not read again once merged,
    // and a large table would otherwise hold every value twice. References are few, and each
    // record keeps its own: "all above" is the record's siblings, not the item's.
    fields: record.fields,
    source: { file: record.source.file, line: record.source.line },
    children: [],
    appearances: [record.source],
    partial: null,
    parent: record.parent,
    references: [...record.references],
    anonymous: record.anonymous === true,
  };
}

function describeEstimate(record: ItemRecord): string {
  return record.estimate ? record.estimate.raw : '';
}

function merge(draft: Draft, record: ItemRecord, conflicts: Conflict[]): void {
  const item = draft.item;
  item.appearances.push(record.source);
  // Named once is named: an ID anywhere is the item's ID.
  item.anonymous &&= record.anonymous === true;
  if (!item.title && record.title) item.title = record.title;
  if (record.estimate) {
    if (!item.estimate) item.estimate = record.estimate;
    else if (item.estimate.unit !== record.estimate.unit || item.estimate.expected !== record.estimate.expected) {
      addConflict(conflicts, item.id, 'estimate', draft.records, describeEstimate);
    }
  }
  if (record.status) {
    if (!item.status) item.status = record.status;
    // Two ways of writing one state ("✅ COMPLETE (2026-05-26)", "✅ DONE") are no conflict.
    else if (!sameStatus(item.status, record.status)) {
      addConflict(conflicts, item.id, 'status', draft.records, (entry) => entry.status ?? '');
    }
  }
  if (record.sprint) {
    if (!item.sprint) item.sprint = record.sprint;
    else if (item.sprint !== record.sprint) addConflict(conflicts, item.id, 'sprint', draft.records, (entry) => entry.sprint ?? '');
  }
  item.group ??= record.group;
  item.track ??= record.track;
  item.priority ??= record.priority;
  item.owner ??= record.owner;
  item.parent ??= record.parent;
  item.done = item.done || record.done === true || isDoneStatus(record.status);
  for (const [key, value] of Object.entries(record.fields)) if (!(key in item.fields) || !item.fields[key]) item.fields[key] = value;
  for (const reference of record.references) if (!item.references.includes(reference)) item.references.push(reference);
}

function addConflict(
  conflicts: Conflict[],
  id: string,
  field: Conflict['field'],
  records: ItemRecord[],
  valueOf: (record: ItemRecord) => string,
): void {
  const values = records.filter((record) => valueOf(record) !== '').map((record) => ({ value: valueOf(record), source: record.source }));
  const existing = conflicts.find((conflict) => conflict.item === id && conflict.field === field);
  if (existing) existing.values = values;
  else conflicts.push({ item: id, field, values });
}

function buildSprints(
  extractions: readonly FileExtraction[],
  drafts: Map<string, Draft>,
  conflicts: Conflict[],
  diagnostics: Diagnostic[],
): Sprint[] {
  const sprints = new Map<string, Sprint>();
  const ensure = (key: string, name: string, source: SourcePosition) => {
    let sprint = sprints.get(key);
    if (!sprint) {
      sprint = { name, key, items: [], committed: 0, partial: {}, source };
      sprints.set(key, sprint);
    } else if (name.length > sprint.name.length) sprint.name = name;
    return sprint;
  };
  for (const extraction of extractions) {
    for (const record of extraction.sprints) {
      ensure(record.key, record.name, record.source);
      for (const member of record.members) {
        const draft = drafts.get(idKey(member.id));
        if (!draft) {
          diagnostics.push({
            ...member.source,
            rule: 'unknown-reference',
            severity: 'warning',
            message: `${record.name} commits ${member.id}, which no item in the backlog defines`,
          });
          continue;
        }
        const item = draft.item;
        if (item.sprint && item.sprint !== record.key) {
          const values = [
            { value: item.sprint, source: draft.records[0].source },
            { value: record.key, source: member.source },
          ];
          conflicts.push({ item: item.id, field: 'sprint', values });
          continue;
        }
        item.sprint = record.key;
        if (member.partial) item.partial = member.partial;
      }
    }
  }
  for (const { item, records } of drafts.values()) {
    if (!item.sprint) continue;
    // A story's tasks go with it: the sprint lists the story.
    const parent = item.parent ? drafts.get(idKey(item.parent))?.item : undefined;
    if (parent && parent.sprint === item.sprint) continue;
    const source = records.find((record) => record.sprint === item.sprint)?.source ?? records[0].source;
    const sprint = sprints.get(item.sprint) ?? ensure(item.sprint, readSprintName(item.sprint, true)?.name ?? item.sprint, source);
    sprint.items.push(item.id);
    if (item.partial) sprint.partial[item.id] = item.partial;
  }
  // Items carry the sprint's display name; sprints keep their key for matching.
  for (const { item } of drafts.values()) if (item.sprint) item.sprint = sprints.get(item.sprint)!.name;
  return [...sprints.values()].filter((sprint) => sprint.items.length > 0).sort(compareSprints);
}

function compareSprints(a: Sprint, b: Sprint): number {
  const na = Number.parseFloat(a.key);
  const nb = Number.parseFloat(b.key);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a.key.localeCompare(b.key);
}

function buildGroups(extractions: readonly FileExtraction[], drafts: Map<string, Draft>): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const extraction of extractions) {
    for (const record of extraction.groups) {
      const keys = [record.name, record.id].filter((key): key is string => Boolean(key)).map(idKey);
      if (keys.some((key) => byKey.has(key))) continue;
      const group: Group = { id: record.id, name: record.name, items: [], release: record.release, source: record.source };
      groups.push(group);
      for (const key of keys) byKey.set(key, group);
    }
  }
  for (const { item } of drafts.values()) {
    if (!item.group) continue;
    let group = byKey.get(idKey(item.group));
    if (!group) {
      group = { id: null, name: item.group, items: [], release: null, source: { ...item.source, column: 1 } };
      groups.push(group);
      byKey.set(idKey(item.group), group);
    }
    item.group = group.name;
    group.items.push(item.id);
  }
  return groups.filter((group) => group.items.length > 0);
}

/**
 * Work that should carry an estimate and does not: an empty cell in a table that has an
 * estimate column, an item among estimated items of its list or heading level, or a sprint
 * commitment in a file where other items are estimated. Tasks of an estimated story need none
 * of their own.
 */
function missingEstimates(drafts: Map<string, Draft>, byId: ReadonlyMap<string, Item>): Diagnostic[] {
  const estimatedFiles = new Set<string>();
  for (const { item } of drafts.values()) if (item.estimate) estimatedFiles.add(item.source.file);
  const diagnostics: Diagnostic[] = [];
  for (const { item, records } of drafts.values()) {
    if (item.estimate || item.done || !countsInTotals(item, byId)) continue;
    if (records.some((record) => record.unreadEstimate)) continue;
    if (item.children.some((child) => byId.get(child)?.estimate)) continue;
    const expected = records.some((record) => record.estimateExpected) || (item.sprint !== null && estimatedFiles.has(item.source.file));
    if (!expected) continue;
    diagnostics.push({
      ...item.source,
      column: 1,
      rule: 'missing-estimate',
      severity: 'warning',
      message: `${itemLabel(item)} has no estimate${item.sprint ? ` but is committed to ${item.sprint}` : ''}`,
    });
  }
  return diagnostics;
}
