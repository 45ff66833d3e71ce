import type { Backlog, Claim } from '../../model/types.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { counted } from '../plural.js';
import { filterItems, scopeItems, sumIn } from '../claim-scope.js';
import type { Rule } from '../types.js';

type ProjectionClaim = Extract<Claim, { kind: 'projection' }>;
type TotalClaim = Extract<Claim, { kind: 'total' }>;

export const statedForecastMismatch: Rule = {
  name: 'stated-forecast-mismatch',
  description: 'A velocity projection states a number of sprints that does not follow from the remaining work (remaining ÷ velocity, rounded up).',
  tags: ['claims', 'forecast'],
  defaultSeverity: 'error',
  check({ backlog, config }, report) {
    for (const claim of backlog.claims) {
      if (claim.kind !== 'projection' || claim.velocity <= 0) continue;
      const scope = scopeItems(backlog, claim.scope);
      if (!scope) continue;
      const remaining = sumIn(filterItems(scope.items, 'remaining'), null, config.hoursPerDay);
      if (!remaining) continue;
      const needed = sprintsFor(remaining.total, claim.velocity);
      const unestimated = remaining.uncounted;
      // With unestimated items the sum is a lower bound: only too few stated sprints are sure to be wrong.
      if (needed === claim.sprints || (unestimated > 0 && claim.sprints > needed)) continue;
      const units = (value: number) => `${formatNumber(value)} ${unitLabel(remaining.unit, value)}`;
      const statedTotal = explainingTotal(backlog, claim);
      const explanation = statedTotal === null ? '' : ` (${claim.sprints} follows from the stated total of ${formatNumber(statedTotal)})`;
      const work = unestimated > 0 ? `${units(remaining.total)} remaining (${counted(unestimated, 'item')} without an estimate) need at least` : `${units(remaining.total)} remaining need`;
      report({
        ...claim.source,
        message: `the projection at ${units(claim.velocity)} per sprint states ${claim.sprints} sprints, but the ${work} ${needed}${explanation}`,
      });
    }
  },
};

/** Whole sprints to finish `work`; exact quotients are not pushed up by floating-point noise. */
function sprintsFor(work: number, velocity: number): number {
  return Math.ceil(work / velocity - 1e-9);
}

/**
 * A total the same document states, from which the projection's figure does follow: the usual
 * cause is a projection computed from a stated total that has itself drifted.
 */
function explainingTotal(backlog: Backlog, projection: ProjectionClaim): number | null {
  const fileTotals = backlog.claims.filter(
    (claim): claim is TotalClaim =>
      claim.kind === 'total' && claim.scope.file === projection.scope.file && !claim.scope.sprint && !claim.scope.group,
  );
  // A stated remaining total is what a projection is meant to follow, so it is tried first.
  const ordered = [...fileTotals.filter((claim) => claim.which === 'remaining'), ...fileTotals.filter((claim) => claim.which === 'all')];
  return ordered.find((claim) => sprintsFor(claim.value, projection.velocity) === projection.sprints)?.value ?? null;
}
