import { criticalPath, type CriticalPathResult } from '../../analyze/critical-path.js';
import { CycleError } from '../../analyze/graph.js';
import { UsageError } from '../../errors.js';
import { idKey } from '../../extract/ids.js';
import type { Backlog, Claim, Item, Unit } from '../../model/types.js';
import { convertValue, formatNumber, unitLabel } from '../../model/units.js';
import { fileBacklogs, sameNumber, sumIn } from '../claim-scope.js';
import { counted } from '../plural.js';
import type { Report, Rule } from '../types.js';

type CriticalPathClaim = Extract<Claim, { kind: 'critical-path' }>;

export const statedCriticalPathMismatch: Rule = {
  name: 'stated-critical-path-mismatch',
  description:
    'A critical path the document states has a link that is not a dependency, a length its own items do not add up to, or differs from the computed critical path.',
  tags: ['claims', 'dependency'],
  defaultSeverity: 'error',
  check({ backlog, config }, report) {
    const find = itemFinder(backlog);
    const files: Files = { backlog: fileBacklogs(backlog), fileWideChains: fileWideChains(backlog) };
    for (const claim of backlog.claims) {
      if (claim.kind !== 'critical-path') continue;
      const at = (message: string): Report => ({ ...claim.source, message });
      const chain: Item[] = [];
      for (const id of claim.chain) {
        const item = find(id);
        if (item) chain.push(item);
        else report(at(`the stated critical path names ${id}, which is no item`));
      }
      if (chain.length < claim.chain.length) continue;
      for (let index = 1; index < chain.length; index++) {
        const [before, after] = [chain[index - 1], chain[index]];
        if (!after.dependsOn.includes(before.id)) {
          report(at(`the stated critical path links ${before.id} → ${after.id}, but ${after.id} does not depend on ${before.id}`));
        }
      }
      const length = checkStatedLength(claim, chain, config.hoursPerDay, (message) => report(at(message)));
      if (length) checkComputedLength(files, claim, length, config.hoursPerDay, (message) => report(at(message)));
    }
  },
};

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
  if (length === null || sameNumber(length, stated.value)) return;
  // The chain is the critical path and only its stated length is off, which is reported already.
  if (stated.chainSum !== null && sameNumber(length, stated.chainSum)) return;
  const [first, ...others] = computed.paths;
  const more = others.length > 0 ? ` (and ${counted(computed.pathCount - 1, 'other path')} as long)` : '';
  const missing =
    computed.unestimated.length > 0 ? `; ${counted(computed.unestimated.length, 'item')} without an estimate weigh nothing` : '';
  report(
    `the stated critical path is ${amount(stated.value, stated.unit)}, but the computed critical path is ${amount(length, stated.unit)}: ${first.join(' → ')}${more}${missing}`,
  );
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
  if (!sum || sum.uncounted > 0)
    return claim.length !== null && claim.unit ? { value: claim.length, unit: claim.unit, chainSum: null } : null;
  if (claim.length === null) return { value: sum.total, unit: sum.unit, chainSum: sum.total };
  if (!sameNumber(sum.total, claim.length)) {
    report(
      `the stated critical path states a length of ${amount(claim.length, sum.unit)}, but its ${chain.length} items add up to ${amount(sum.total, sum.unit)}`,
    );
  }
  return { value: claim.length, unit: sum.unit, chainSum: sum.total };
}

/** Chains are written by hand: match IDs exactly first, then ignoring case and hyphen variants. */
function itemFinder(backlog: Backlog): (id: string) => Item | undefined {
  const exact = new Map(backlog.items.map((item) => [item.id, item]));
  const loose = new Map(backlog.items.map((item) => [idKey(item.id), item]));
  return (id) => exact.get(id) ?? loose.get(idKey(id));
}
