import { idKey } from '../../extract/ids.js';
import type { Backlog, Claim, Item } from '../../model/types.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { sameNumber, sumIn } from '../claim-scope.js';
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
      checkStatedLength(claim, chain, config.hoursPerDay, (message) => report(at(message)));
    }
  },
};

/** The length a chain states against what its own items' estimates add up to. */
function checkStatedLength(claim: CriticalPathClaim, chain: Item[], hoursPerDay: number, report: (message: string) => void): void {
  if (claim.length === null) return;
  const sum = sumIn(chain, claim.unit, hoursPerDay);
  if (!sum || sum.uncounted.length > 0 || sameNumber(sum.total, claim.length)) return;
  report(
    `the stated critical path states a length of ${formatNumber(claim.length)} ${unitLabel(sum.unit, claim.length)}, but its ${chain.length} items add up to ${formatNumber(sum.total)} ${unitLabel(sum.unit, sum.total)}`,
  );
}

/** Chains are written by hand: match IDs exactly first, then ignoring case and hyphen variants. */
function itemFinder(backlog: Backlog): (id: string) => Item | undefined {
  const exact = new Map(backlog.items.map((item) => [item.id, item]));
  const loose = new Map(backlog.items.map((item) => [idKey(item.id), item]));
  return (id) => exact.get(id) ?? loose.get(idKey(id));
}
