import { idKey, looksLikeId } from '../extract/values/ids.js';
import { LEXICON, perLexicon } from '../extract/lexicon/lexicon.js';
import type { ItemRecord } from '../extract/records/item-record.js';
import { ALL_OTHERS } from '../extract/values/references.js';
import { ALL_ABOVE } from '../extract/values/references.js';
import { countsInTotals } from './totals.js';
import type { Group, Item } from './types.js';

/** An item with the records it was merged from. */
export interface Resolvable {
  item: Item;
  records: readonly ItemRecord[];
}

/**
 * Words that lead a group's ID and that a reference may leave out, or write where the group's ID
 * has none: "E1" and "Epic E1", "Phase 2" and "2".
 */
const GROUP_WORD = perLexicon(
  (lexicon) => new RegExp(String.raw`^(?:${lexicon.source('groupWord', 'stageWord')})(?!\p{L})\s*[#:]?\s*`, 'iu'),
);

/** "E1 complete", "Epic 2 done": a prerequisite named with the state it must reach. */
const REACHED = perLexicon((lexicon) => new RegExp(String.raw`\s+(?:${lexicon.source('done')})$`, 'iu'));

/**
 * Resolves every item's references to item IDs: an ID (as `idKey` matches it) is that item; a
 * group's ID or name, with or without its leading word ("E1" for "Epic E1"), is every item of the
 * group; a release is every item of its groups; a short form of an ID in the same file ("001" for
 * PHASE1-001, "FM04" for TODO-FM04) is that item when exactly one ID of the file ends with it; a
 * name is the one item whose title it gives (exactly, or all its words); "all above" outside a
 * table is every earlier item among the record's siblings; "all" is every other item of the file
 * that does not wait for this one. Successors ("Blocks") resolve the same way, the other way round.
 * What names nothing stays in `unresolved`. Linear in references and items, but for the whole-set
 * references, which each walk the dependency graph once.
 */
export function resolveReferences(drafts: ReadonlyMap<string, Resolvable>, groups: readonly Group[]): void {
  const resolver = new Resolver(drafts, groups);
  const successors: [Item, string][] = [];
  const wholeSets: WholeSet[] = [];
  for (const { item, records } of drafts.values()) {
    const dependsOn = new Set<string>();
    for (const reference of item.references) {
      if (reference === ALL_OTHERS) {
        wholeSets.push({ item, file: item.source.file, side: 'dependsOn' });
        continue;
      }
      if (reference === ALL_ABOVE) continue;
      const targets = resolver.resolve(reference, item);
      if (targets) for (const target of targets) dependsOn.add(target);
      else if (!item.unresolved.includes(reference)) item.unresolved.push(reference);
    }
    for (const record of records) {
      if (record.references.includes(ALL_ABOVE)) for (const target of resolver.above(record, item)) dependsOn.add(target);
    }
    item.dependsOn = [...dependsOn];
    for (const record of records) {
      for (const successor of record.successors) {
        if (successor === ALL_OTHERS) wholeSets.push({ item, file: record.source.file, side: 'successors' });
        else successors.push([item, successor]);
      }
    }
  }
  for (const [item, reference] of successors) {
    const targets = reference === ALL_ABOVE ? null : resolver.resolve(reference, item, true);
    if (!targets) {
      if (!item.unresolved.includes(reference)) item.unresolved.push(reference);
      continue;
    }
    for (const id of targets) {
      const target = resolver.item(id);
      if (target && !target.dependsOn.includes(item.id)) target.dependsOn.push(item.id);
    }
  }
  for (const wholeSet of wholeSets) resolver.expandWholeSet(wholeSet);
}

/** "All" in a dependency cell (this item waits for every other) or a successor cell (every other waits for it). */
interface WholeSet {
  item: Item;
  file: string;
  side: 'dependsOn' | 'successors';
}

/** Where an item is defined in one file, for "all above" and "all". */
interface Placement {
  item: Item;
  line: number;
  siblings: string | null;
}

/** Lower case, no markup, no parenthesised notes, words of letters and digits only. */
function wordsOf(text: string): string[] {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/\([^)]*\)|（[^）]*）/g, ' ');
  return plain
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function groupAlias(text: string): string {
  return idKey(text.replace(GROUP_WORD(), ''));
}

const ALPHANUMERIC = /[\p{L}\p{N}]/u;
/** Two ends of a range: "301..307", "FM01 ~ FM04", "12–14". */
const RANGE = /^([^\s~〜～–—.]+)\s*(?:\.\.|~|〜|～|–|—|\s-\s|-)\s*([^\s~〜～–—.]+)$/u;
/** An ID's prefix and its final number: "PMAT-" and "301". */
const NUMBERED = /^(.*?)(\d+)$/u;
const DIGIT = /\p{N}/u;

/**
 * Whether `suffix` may stand for `id`, which ends with it: the character before it in the ID is
 * no letter or digit ("14" in "WP-14"), or the two sides switch between letters and digits ("04"
 * in "FM04"). Not "4" in "WP-14".
 */
function suffixBoundary(id: string, start: number): boolean {
  const before = id[start - 1];
  const first = id[start];
  if (!ALPHANUMERIC.test(before)) return true;
  return DIGIT.test(before) !== DIGIT.test(first);
}

/** The lookups resolution needs, each built once (the title and suffix indexes when first asked). */
class Resolver {
  private readonly byId = new Map<string, Item>();
  private readonly groupByKey = new Map<string, Group>();
  private readonly groupsByRelease = new Map<string, Group[]>();
  /** Group IDs without their leading word; null where two groups share one. */
  private readonly groupByAlias = new Map<string, Group | null>();
  private placementsByFile: Map<string, Placement[]> | undefined;
  private suffixesByFile: Map<string, Map<string, Item | null>> | undefined;
  private titles: TitleIndex | undefined;
  private readonly lookup: { get(id: string): Item | undefined };

  constructor(
    private readonly drafts: ReadonlyMap<string, Resolvable>,
    groups: readonly Group[],
  ) {
    for (const { item } of drafts.values()) this.byId.set(item.id, item);
    this.lookup = { get: (id) => this.drafts.get(idKey(id))?.item };
    for (const group of groups) {
      if (group.id) this.groupByKey.set(idKey(group.id), group);
      this.groupByKey.set(idKey(group.name), group);
      if (group.release) {
        const key = idKey(group.release);
        const released = this.groupsByRelease.get(key);
        if (released) released.push(group);
        else this.groupsByRelease.set(key, [group]);
      }
      if (group.id) {
        const alias = groupAlias(group.id);
        if (alias) this.groupByAlias.set(alias, this.groupByAlias.has(alias) && this.groupByAlias.get(alias) !== group ? null : group);
      }
    }
  }

  item(id: string): Item | undefined {
    return this.byId.get(id);
  }

  /**
   * The item IDs a reference names, or null when it names nothing known. `single` asks for items
   * alone (a successor names the items that wait, not groups).
   */
  resolve(reference: string, from: Item, single = false): string[] | null {
    const key = idKey(reference);
    const target = this.drafts.get(key);
    if (target) return [target.item.id];
    if (!single) {
      const members = this.groupMembers(reference, key);
      if (members) return members.filter((member) => member !== from.id);
    }
    const short = this.bySuffix(reference, from);
    if (short) return [short.id];
    const range = this.byRange(reference, from);
    if (range) return range;
    const titled = this.byTitle(reference, from);
    return titled ? [titled.id] : null;
  }

  private groupMembers(reference: string, key: string): string[] | null {
    const group = this.groupByKey.get(key);
    if (group) return group.items;
    const released = this.groupsByRelease.get(key);
    if (released) return released.flatMap((entry) => entry.items);
    const reached = reference.replace(REACHED(), '');
    const alias = groupAlias(reached);
    const aliased = alias ? this.groupByAlias.get(alias) : undefined;
    if (aliased) return aliased.items;
    if (reached !== reference) return this.groupMembers(reached, idKey(reached));
    return null;
  }

  /** "001" for PHASE1-001, "14" for WP-14, "FM04" for TODO-FM04: the one ID of the file that ends with it. */
  private bySuffix(reference: string, from: Item): Item | null {
    const suffix = idKey(reference);
    if (suffix.length > 12 || !DIGIT.test(suffix) || /\s/.test(suffix)) return null;
    this.suffixesByFile ??= this.indexSuffixes();
    const found = this.suffixesByFile.get(from.source.file)?.get(suffix);
    return found && found !== from ? found : null;
  }

  /**
   * "301..307" among PMAT-300…308, "TODO-FM01 ~ FM04": a range whose ends name items of the file
   * (by ID or its short form) with one prefix, when every ID between them is an item too.
   */
  private byRange(reference: string, from: Item): string[] | null {
    const ends = RANGE.exec(reference.trim());
    if (!ends) return null;
    const [first, last] = [ends[1], ends[2]].map((end) => this.drafts.get(idKey(end))?.item ?? this.bySuffix(end, from));
    if (!first || !last) return null;
    const [a, b] = [NUMBERED.exec(first.id), NUMBERED.exec(last.id)];
    if (!a || !b || idKey(a[1]) !== idKey(b[1])) return null;
    const [start, end] = [Number(a[2]), Number(b[2])];
    if (!(end > start) || end - start > 500) return null;
    const ids: string[] = [];
    for (let n = start; n <= end; n++) {
      const target = this.drafts.get(idKey(`${a[1]}${String(n).padStart(a[2].length, '0')}`));
      if (!target) return null;
      ids.push(target.item.id);
    }
    return ids.filter((id) => id !== from.id);
  }

  private indexSuffixes(): Map<string, Map<string, Item | null>> {
    const byFile = new Map<string, Map<string, Item | null>>();
    for (const { item } of this.drafts.values()) {
      if (item.anonymous) continue;
      let suffixes = byFile.get(item.source.file);
      if (!suffixes) {
        suffixes = new Map<string, Item | null>();
        byFile.set(item.source.file, suffixes);
      }
      const id = idKey(item.id);
      for (let start = 1; start < id.length; start++) {
        if (!ALPHANUMERIC.test(id[start]) || !suffixBoundary(id, start)) continue;
        const suffix = id.slice(start);
        suffixes.set(suffix, suffixes.has(suffix) && suffixes.get(suffix) !== item ? null : item);
      }
    }
    return byFile;
  }

  /** The one item whose title the reference gives: the same words, else all of its words; in the item's file first. */
  private byTitle(reference: string, from: Item): Item | null {
    if (looksLikeId(reference)) return null;
    const words = wordsOf(reference);
    if (words.length === 0 || words.every((word) => LEXICON.is('stopWord', word))) return null;
    if (words.length === 1 && words[0].length < 3) return null;
    this.titles ??= new TitleIndex(this.drafts);
    // One plain word names the item whose title it leads or ends ("Auth" → "Auth System",
    // "Storage" → "Privacy-First Storage"); inside a title ("Monitoring" in "Performance
    // Monitoring Setup") it is a topic the title touches. A code or acronym ("E2E", "MCP") names
    // wherever it stands, as several words do in any order.
    const anywhere = words.length > 1 || /\p{N}/u.test(words[0]) || /^\p{Lu}{2,}$/u.test(reference.trim());
    const inFile = this.titles.match(words, from, from.source.file, anywhere);
    if (inFile !== undefined) return inFile;
    return this.titles.match(words, from, null, anywhere) ?? null;
  }

  /** Every earlier item among the record's siblings (the same list or heading level), or of its file. */
  above(record: ItemRecord, from: Item): string[] {
    this.placementsByFile ??= this.indexPlacements();
    const found: string[] = [];
    const seen = new Set<Item>([from]);
    for (const placement of this.placementsByFile.get(record.source.file) ?? []) {
      if (placement.line >= record.source.line) break;
      if (record.siblings !== null && placement.siblings !== record.siblings) continue;
      if (seen.has(placement.item) || !countsInTotals(placement.item, this.lookup)) continue;
      seen.add(placement.item);
      found.push(placement.item.id);
    }
    return found;
  }

  /** Each file's item definitions (not commitments that mention them), by line. */
  private indexPlacements(): Map<string, Placement[]> {
    const byFile = new Map<string, Placement[]>();
    for (const { item, records } of this.drafts.values()) {
      for (const record of records) {
        if (record.mentionOnly) continue;
        const placements = byFile.get(record.source.file) ?? [];
        placements.push({ item, line: record.source.line, siblings: record.siblings });
        byFile.set(record.source.file, placements);
      }
    }
    for (const placements of byFile.values()) placements.sort((a, b) => a.line - b.line);
    return byFile;
  }

  /**
   * "All" on one side of an item: with every other work item of its file that is not already on
   * the other side of it (directly or through others), so no cycle is made.
   */
  expandWholeSet({ item, file, side }: WholeSet): void {
    this.placementsByFile ??= this.indexPlacements();
    const others = new Set<Item>();
    for (const placement of this.placementsByFile.get(file) ?? []) {
      if (placement.item !== item && countsInTotals(placement.item, this.lookup)) others.add(placement.item);
    }
    if (side === 'dependsOn') {
      const waiting = this.reachable(item, 'dependents');
      const already = new Set(item.dependsOn);
      for (const other of others) if (!waiting.has(other) && !already.has(other.id)) item.dependsOn.push(other.id);
    } else {
      const before = this.reachable(item, 'prerequisites');
      for (const other of others) if (!before.has(other) && !other.dependsOn.includes(item.id)) other.dependsOn.push(item.id);
    }
  }

  /** The items `item` waits for (prerequisites), or that wait for it (dependents), directly or not. */
  private reachable(item: Item, direction: 'prerequisites' | 'dependents'): Set<Item> {
    const next = new Map<Item, Item[]>();
    for (const { item: entry } of this.drafts.values()) {
      for (const id of entry.dependsOn) {
        const prerequisite = this.byId.get(id);
        if (!prerequisite) continue;
        const [from, to] = direction === 'prerequisites' ? [entry, prerequisite] : [prerequisite, entry];
        const list = next.get(from);
        if (list) list.push(to);
        else next.set(from, [to]);
      }
    }
    const found = new Set<Item>();
    const stack = [item];
    while (stack.length > 0) {
      for (const to of next.get(stack.pop()!) ?? []) {
        if (found.has(to)) continue;
        found.add(to);
        stack.push(to);
      }
    }
    return found;
  }
}

/** Items by the words of their titles: each word to the items whose titles hold it. */
class TitleIndex {
  private readonly exact = new Map<string, Item[]>();
  private readonly byWord = new Map<string, Item[]>();
  private readonly wordsOf = new Map<Item, Set<string>>();
  /** The first and last word of each title. */
  private readonly ends = new Map<Item, [string, string]>();

  constructor(drafts: ReadonlyMap<string, Resolvable>) {
    for (const { item } of drafts.values()) {
      const words = wordsOf(item.title);
      if (words.length === 0) continue;
      const whole = words.join(' ');
      const same = this.exact.get(whole);
      if (same) same.push(item);
      else this.exact.set(whole, [item]);
      const unique = new Set(words);
      this.wordsOf.set(item, unique);
      this.ends.set(item, [words[0], words[words.length - 1]]);
      for (const word of unique) {
        const list = this.byWord.get(word);
        if (list) list.push(item);
        else this.byWord.set(word, [item]);
      }
    }
  }

  /**
   * The one item (not `from`, in `file` unless null) whose title is the words, else whose title
   * holds all of them (`anywhere`) or starts or ends with the one word; null when several do;
   * undefined when none does.
   */
  match(words: readonly string[], from: Item, file: string | null, anywhere: boolean): Item | null | undefined {
    const eligible = (item: Item) => item !== from && (file === null || item.source.file === file);
    const exact = (this.exact.get(words.join(' ')) ?? []).filter(eligible);
    if (exact.length > 0) return exact.length === 1 ? exact[0] : null;
    let rarest: Item[] | undefined;
    for (const word of words) {
      const list = this.byWord.get(word);
      if (!list) return undefined;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    let found: Item | undefined;
    for (const item of rarest ?? []) {
      if (!eligible(item)) continue;
      const title = this.wordsOf.get(item)!;
      if (!words.every((word) => title.has(word))) continue;
      if (!anywhere && !this.ends.get(item)!.includes(words[0])) continue;
      if (found) return null;
      found = item;
    }
    return found;
  }
}
