import type { Backlog, Estimate, Item, Sprint, Unit } from '../../src/model/types.js';

/** A point/day/hour estimate as the extractor would produce it. */
export function estimate(expected: number, unit: Unit = 'points', spread?: { low: number; high: number }): Estimate {
  const low = spread?.low ?? expected;
  const high = spread?.high ?? expected;
  return {
    unit,
    low,
    high,
    expected,
    raw: spread ? `${low}-${high}` : String(expected),
    kind: spread ? 'range' : 'single',
    variance: ((high - low) / 6) ** 2,
  };
}

/** An item with every field defaulted; pass what the test is about. */
export function item(id: string, overrides: Partial<Item> = {}): Item {
  return {
    id,
    title: `Item ${id}`,
    estimate: null,
    dependsOn: [],
    unresolved: [],
    sprint: null,
    group: null,
    track: null,
    status: null,
    done: false,
    priority: null,
    owner: null,
    fields: {},
    source: { file: 'test.md', line: 1 },
    children: [],
    appearances: [{ file: 'test.md', line: 1, column: 1 }],
    partial: null,
    parent: null,
    references: [],
    anonymous: false,
    ...overrides,
  };
}

/** A backlog from items; sprints are derived from the items' `sprint` names unless given. */
export function makeBacklog(items: Item[], overrides: Partial<Backlog> = {}): Backlog {
  const unit = items.find((entry) => entry.estimate)?.estimate?.unit ?? null;
  const sprints = new Map<string, Sprint>();
  for (const entry of items) {
    if (!entry.sprint) continue;
    const sprint =
      sprints.get(entry.sprint) ??
      ({
        name: entry.sprint,
        key: entry.sprint,
        items: [],
        committed: 0,
        partial: {},
        source: { file: 'test.md', line: 1, column: 1 },
      } satisfies Sprint);
    sprint.items.push(entry.id);
    sprint.committed += entry.estimate?.expected ?? 0;
    sprints.set(entry.sprint, sprint);
  }
  return {
    items,
    sprints: [...sprints.values()],
    groups: [],
    unit,
    claims: [],
    conflicts: [],
    diagnostics: [],
    files: [{ file: 'test.md', items: items.length, encoding: 'utf-8', bom: false, repairedMojibake: false }],
    ...overrides,
  };
}
