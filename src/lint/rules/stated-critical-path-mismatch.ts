import { criticalPath, type CriticalPathResult } from '../../analyze/critical-path.js';
import { CycleError } from '../../analyze/graph.js';
import { UsageError } from '../../errors.js';
import { idKey, looksLikeId } from '../../extract/values/ids.js';
import type { Backlog, Claim, Item, Unit } from '../../model/types.js';
import { convertValue, formatNumber, unitLabel } from '../../model/units.js';
import { fileBacklogs, figureHolds, sameNumber, sumIn } from '../claim-scope.js';
import { counted } from '../plural.js';
import { configOfFile } from '../file-config.js';
import type { Report, Rule } from '../types.js';

type CriticalPathClaim = Extract<Claim, { kind: 'critical-path' }>;

export const statedCriticalPathMismatch: Rule = {
  name: 'stated-critical-path-mismatch',
  description:
    'A critical path the document states has a link that is not a dependency, a length its own items do not add up to, or differs from the computed critical path.',
  tags: ['claims', 'dependency'],
  defaultSeverity: 'error',
  check(context, report) {
    const { backlog } = context;
    const find = itemFinder(backlog);
    const files: Files = { backlog: fileBacklogs(backlog), fileWideChains: fileWideChains(backlog) };
    for (const claim of backlog.claims) {
      if (claim.kind !== 'critical-path') continue;
      const at = (message: string): Report => ({ ...claim.source, message });
      const { hoursPerDay } = configOfFile(context, claim.source.file);
      const chains = [claim.chain, ...(claim.alternatives ?? [])].map((links) => resolveChain(links, claim.source.file, find));
      // A chain of names that are no items' titles draws something else (a diagram's nodes).
      if (chains.some((chain) => chain.unnamed)) continue;
      for (const chain of chains) for (const link of chain.missing) report(at(`the stated critical path names ${link}, which is no item`));
      if (chains.some((chain) => chain.missing.length > 0)) continue;
      for (const { items } of chains) {
        for (let index = 1; index < items.length; index++) {
          const [before, after] = [items[index - 1], items[index]];
          if (!after.dependsOn.includes(before.id)) {
            report(at(`the stated critical path links ${before.id} → ${after.id}, but ${after.id} does not depend on ${before.id}`));
          }
        }
      }
      const stated =
        chains.length > 1
          ? longestChain(
              chains.map((chain) => chain.items),
              hoursPerDay,
            )
          : checkStatedLength(claim, chains[0].items, hoursPerDay, (message) => report(at(message)));
      if (stated) checkComputedLength(files, claim, stated, hoursPerDay, (message) => report(at(message)));
    }
  },
};

/** A stated chain's links as items, the links that name no item, and whether a link is a name no item has. */
interface ResolvedChain {
  items: Item[];
  missing: string[];
  unnamed: boolean;
}

function resolveChain(links: readonly string[], file: string, find: ItemFinder): ResolvedChain {
  const chain: ResolvedChain = { items: [], missing: [], unnamed: false };
  for (const link of links) {
    const item = find(link, file, chain.items[chain.items.length - 1]);
    if (item) chain.items.push(item);
    else if (looksLikeId(link) || /^\d+(?:\.\d+)*$/.test(link)) chain.missing.push(link);
    else chain.unnamed = true;
  }
  return chain;
}

/**
 * The stated length (or the chain's own sum when none is stated) against the critical path
 * computed over what the claim is about, every item at its estimate: the document states a
 * plan, so done work counts as it does in the chain. A claim is about its sprint or group when
 * it names one, else about its file; but a file that states several critical paths states them
 * for parts of it (phases, sections) the model cannot delimit, and those are not compared.
 */
function checkComputedLength(
  files: Files,
  claim: CriticalPathClaim,
  stated: StatedLength,
  hoursPerDay: number,
  report: (message: string) => void,
): void {
  const { file, sprint, group } = claim.scope;
  if (sprint === undefined && group === undefined && (files.fileWideChains.get(file) ?? 0) > 1) return;
  let computed: CriticalPathResult;
  try {
    computed = criticalPath(files.backlog(file), { all: true, hoursPerDay, sprint, group });
  } catch (error) {
    // A cycle is dependency-cycle's to report, and leaves no critical path to compare with; nor
    // does a sprint or group without items, which the model does not keep ("no sprint …").
    if (error instanceof CycleError || error instanceof UsageError) return;
    throw error;
  }
  if (!computed.unit || computed.paths.length === 0) return;
  const length = convertValue(computed.length, computed.unit, stated.unit, hoursPerDay);
  if (length === null) return;
  if (stated.longest !== undefined) {
    // Several chains, each a candidate: the longest of them must be the critical path.
    if (length <= stated.value + 1e-9) return;
  } else if (
    stated.figure ? figureHolds(stated.figure, { low: length, high: length, expected: length }) : sameNumber(length, stated.value)
  ) {
    return;
  }
  // The chain is the critical path and only its stated length is off, which is reported already.
  if (stated.chainSum !== null && sameNumber(length, stated.chainSum)) return;
  const [first, ...others] = computed.paths;
  const more = others.length > 0 ? ` (and ${counted(computed.pathCount - 1, 'other path')} as long)` : '';
  const missing =
    computed.unestimated.length > 0 ? `; ${counted(computed.unestimated.length, 'item')} without an estimate weigh nothing` : '';
  const what =
    stated.longest !== undefined
      ? `the longest of the stated critical paths is ${amount(stated.value, stated.unit)} (${stated.longest.join(' → ')})`
      : `the stated critical path is ${amount(stated.value, stated.unit)}`;
  report(`${what}, but the computed critical path is ${amount(length, stated.unit)}: ${first.join(' → ')}${more}${missing}`);
}

/** What comparing with a computed path needs of each file, built once for all the claims. */
interface Files {
  backlog: (file: string) => Backlog;
  /** How many critical paths each file states for the whole of it. */
  fileWideChains: Map<string, number>;
}

function fileWideChains(backlog: Backlog): Map<string, number> {
  const counts = new Map<string, number>();
  for (const claim of backlog.claims) {
    if (claim.kind !== 'critical-path' || claim.scope.sprint !== undefined || claim.scope.group !== undefined) continue;
    counts.set(claim.scope.file, (counts.get(claim.scope.file) ?? 0) + 1);
  }
  return counts;
}

function amount(value: number, unit: Unit): string {
  return `${formatNumber(value)} ${unitLabel(unit, value)}`;
}

/** The length the document means (stated, or else the chain's sum), and the chain's sum when known. */
interface StatedLength {
  value: number;
  unit: Unit;
  chainSum: number | null;
  /** How the stated length is written ("≈ 45 days"), when it is stated. */
  figure?: Extract<Claim, { kind: 'critical-path' }>['figure'];
  /** Of several chains, the longest, whose sum `value` is. */
  longest?: string[];
}

/** Of several stated chains, the longest by its items' estimates (null when one cannot be summed). */
function longestChain(chains: readonly Item[][], hoursPerDay: number): StatedLength | null {
  let best: StatedLength | null = null;
  for (const chain of chains) {
    const sum = sumIn(chain, best?.unit ?? null, hoursPerDay);
    if (!sum || sum.uncounted > 0) return null;
    if (!best || sum.total > best.value) best = { value: sum.total, unit: sum.unit, chainSum: null, longest: chain.map((item) => item.id) };
  }
  return best;
}

/**
 * The length a chain states against what its own items' estimates add up to. Answers the length
 * the document means for the comparison with the computed path.
 */
function checkStatedLength(
  claim: CriticalPathClaim,
  chain: Item[],
  hoursPerDay: number,
  report: (message: string) => void,
): StatedLength | null {
  const sum = sumIn(chain, claim.unit, hoursPerDay);
  const figure = claim.figure;
  if (!sum || sum.uncounted > 0)
    return claim.length !== null && claim.unit ? { value: claim.length, unit: claim.unit, chainSum: null, figure } : null;
  if (claim.length === null) return { value: sum.total, unit: sum.unit, chainSum: sum.total };
  const holds = figure
    ? figureHolds(figure, { low: sum.total, high: sum.total, expected: sum.total })
    : sameNumber(sum.total, claim.length);
  if (!holds) {
    report(
      `the stated critical path states a length of ${amount(claim.length, sum.unit)}, but its ${chain.length} items add up to ${amount(sum.total, sum.unit)}`,
    );
  }
  return { value: claim.length, unit: sum.unit, chainSum: sum.total, figure };
}

/** Finds a link's item: by ID (exactly, then ignoring case and hyphen variants), else by title. */
type ItemFinder = (link: string, file: string, previous: Item | undefined) => Item | undefined;

/**
 * Chains are written by hand: an ID matches exactly first, then ignoring case and hyphen
 * variants; a name is the one item of the file whose title it is, else whose title holds all of
 * its words ("Activation Funnel" for "Activation Funnel Completion"), and of several, the one
 * that depends on the link before it.
 */
function itemFinder(backlog: Backlog): ItemFinder {
  const exact = new Map(backlog.items.map((item) => [item.id, item]));
  const loose = new Map(backlog.items.map((item) => [idKey(item.id), item]));
  let titles: Map<string, { item: Item; words: Set<string>; whole: string }[]> | undefined;
  return (link, file, previous) => {
    const byId = exact.get(link) ?? loose.get(idKey(link));
    if (byId || looksLikeId(link)) return byId;
    const words = wordsOf(link);
    if (words.length === 0 || (words.length === 1 && words[0].length < 3)) return undefined;
    titles ??= indexTitles(backlog.items);
    const candidates = titles.get(file) ?? [];
    const whole = words.join(' ');
    const same = candidates.filter((entry) => entry.whole === whole);
    const found = same.length > 0 ? same : candidates.filter((entry) => words.every((word) => entry.words.has(word)));
    if (found.length === 1) return found[0].item;
    const following = previous ? found.filter((entry) => entry.item.dependsOn.includes(previous.id)) : [];
    return following.length === 1 ? following[0].item : undefined;
  };
}

function indexTitles(items: readonly Item[]): Map<string, { item: Item; words: Set<string>; whole: string }[]> {
  const byFile = new Map<string, { item: Item; words: Set<string>; whole: string }[]>();
  for (const item of items) {
    const words = wordsOf(item.title);
    if (words.length === 0) continue;
    const entries = byFile.get(item.source.file) ?? [];
    entries.push({ item, words: new Set(words), whole: words.join(' ') });
    byFile.set(item.source.file, entries);
  }
  return byFile;
}

/** Lower case, no markup or parenthesised notes: the words of a title. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|（[^）]*）/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
