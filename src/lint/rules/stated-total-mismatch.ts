import { formatNumber, unitLabel } from '../../model/units.js';
import { counted } from '../plural.js';
import { claimScopes, filterItems, sameNumber, sumIn } from '../claim-scope.js';
import type { Rule } from '../types.js';

export const statedTotalMismatch: Rule = {
  name: 'stated-total-mismatch',
  description: 'A total or count the document states (per sprint, group or file) differs from what its items add up to.',
  tags: ['claims', 'totals'],
  defaultSeverity: 'error',
  check({ backlog, config }, report) {
    const scopeItems = claimScopes(backlog);
    for (const claim of backlog.claims) {
      if (claim.kind !== 'total' && claim.kind !== 'count') continue;
      const scope = scopeItems(claim.scope);
      if (!scope) continue;
      const items = filterItems(scope.items, claim.which);
      if (items.length === 0) continue;
      const which = claim.which === 'remaining' ? 'remaining ' : '';
      const stated = `${scope.label} states "${claim.raw}"`;
      if (claim.kind === 'count') {
        if (claim.value !== items.length) {
          report({ ...claim.source, message: `${stated} but it lists ${counted(items.length, `${which}item`)}` });
        }
        continue;
      }
      const sum = sumIn(items, claim.unit, config.hoursPerDay);
      if (!sum || sameNumber(sum.total, claim.value)) continue;
      // Unestimated items could make up a stated figure above the sum; only one below it is sure to be wrong.
      if (sum.uncounted > 0 && claim.value > sum.total) continue;
      const its = items.length === 1 ? `its 1 ${which}item adds up to` : `its ${items.length} ${which}items add up to`;
      const uncounted =
        sum.uncounted > 0 ? ` (${sum.uncounted} of them ${sum.uncounted === 1 ? 'has' : 'have'} no estimate in ${sum.unit})` : '';
      report({
        ...claim.source,
        message: `${stated} but ${its} ${formatNumber(sum.total)} ${unitLabel(sum.unit, sum.total)}${uncounted}`,
      });
    }
  },
};
