import type { FileExtraction, GroupRecord, ItemRecord } from '../../src/extract/records/item-record.js';

/** One record as a reader would produce it; pass what the test is about. */
export function record(id: string, overrides: Partial<ItemRecord> = {}): ItemRecord {
  const line = overrides.source?.line ?? 1;
  return {
    id,
    title: `Item ${id}`,
    estimate: null,
    unreadEstimate: null,
    references: [],
    successors: [],
    sprint: null,
    group: null,
    track: null,
    status: null,
    done: null,
    priority: null,
    owner: null,
    parent: null,
    fields: {},
    source: { file: 'plan.md', line, column: 1 },
    container: 'table:1',
    mentionOnly: false,
    estimateExpected: false,
    siblings: null,
    needsListItems: false,
    titleEstimate: null,
    ...overrides,
  };
}

/** Work the document lists without an ID: named by file and line. */
export function anonymous(title: string, line: number, overrides: Partial<ItemRecord> = {}, file = 'plan.md'): ItemRecord {
  return record(`${file}:${line}`, { title, anonymous: true, source: { file, line, column: 1 }, ...overrides });
}

/** One file's extraction from records (and groups). */
export function extraction(records: ItemRecord[], file = 'plan.md', groups: GroupRecord[] = []): FileExtraction {
  return {
    file: { file, items: records.length, encoding: 'utf-8', bom: false, repairedMojibake: false },
    records: records.map((entry) => ({ ...entry, source: { ...entry.source, file } })),
    sprints: [],
    groups,
    claims: [],
    diagnostics: [],
  };
}
