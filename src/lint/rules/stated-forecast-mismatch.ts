import { statedFigures } from '../../analyze/forecast-stated.js';
import type { Backlog } from '../../model/types.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { claimScopes, fileBacklogs, filterItems, sumIn } from '../claim-scope.js';
import { counted } from '../plural.js';
import { configOfFile } from '../file-config.js';
import type { Rule } from '../types.js';

export const statedForecastMismatch: Rule = {
  name: 'stated-forecast-mismatch',
  description:
    'A velocity projection states a number of sprints that does not follow from the remaining work (remaining ÷ velocity, rounded up).',
  tags: ['claims', 'forecast'],
  defaultSeverity: 'error',
  check(context, report) {
    const { backlog } = context;
    const files = new Set(backlog.claims.filter((claim) => claim.kind === 'projection').map((claim) => claim.scope.file));
    const fileBacklog = fileBacklogs(backlog);
    for (const file of files) {
      // A projection is about its own document's remaining work, in that document's unit.
      const own = fileBacklog(file);
      const unit = own.unit;
      if (!unit) continue;
      const { hoursPerDay } = configOfFile(context, file);
      const remaining = remainingWork(own, file, hoursPerDay);
      if (!remaining) continue;
      for (const figure of statedFigures(own, unit, hoursPerDay)) {
        if (figure.kind !== 'projection' || figure.difference === 0) continue;
        // With unestimated items the remaining work is a lower bound: only too few stated sprints are sure to be wrong.
        if (remaining.uncounted > 0 && figure.stated > figure.computed) continue;
        const amount = (value: number) => `${formatNumber(value)} ${unitLabel(unit, value)}`;
        const work =
          remaining.uncounted > 0
            ? `${amount(remaining.total)} remaining (${counted(remaining.uncounted, 'item')} without an estimate) need at least`
            : `${amount(remaining.total)} remaining need`;
        const explanation =
          figure.followsFromTotal === undefined
            ? ''
            : ` (${figure.stated} follows from the stated total of ${formatNumber(figure.followsFromTotal)})`;
        report({
          ...figure.source,
          message: `the projection at ${amount(figure.velocity)} per sprint states ${counted(figure.stated, 'sprint')}, but the ${work} ${figure.computed}${explanation}`,
        });
      }
    }
  },
};

function remainingWork(backlog: Backlog, file: string, hoursPerDay: number) {
  const scope = claimScopes(backlog)({ file });
  return scope && sumIn(filterItems(scope.items, 'remaining'), backlog.unit, hoursPerDay);
}
