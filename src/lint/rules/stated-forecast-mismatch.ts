import { statedFigures } from '../../analyze/forecast-stated.js';
import type { Backlog } from '../../model/types.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { filterItems, scopeItems, sumIn } from '../claim-scope.js';
import { counted } from '../plural.js';
import type { Rule } from '../types.js';

export const statedForecastMismatch: Rule = {
  name: 'stated-forecast-mismatch',
  description: 'A velocity projection states a number of sprints that does not follow from the remaining work (remaining ÷ velocity, rounded up).',
  tags: ['claims', 'forecast'],
  defaultSeverity: 'error',
  check({ backlog, config }, report) {
    const unit = backlog.unit;
    if (!unit) return;
    for (const figure of statedFigures(backlog, unit, config.hoursPerDay)) {
      if (figure.kind !== 'projection' || figure.difference === 0) continue;
      const remaining = remainingWork(backlog, figure.source.file, config.hoursPerDay);
      if (!remaining) continue;
      // With unestimated items the remaining work is a lower bound: only too few stated sprints are sure to be wrong.
      if (remaining.uncounted > 0 && figure.stated > figure.computed) continue;
      const amount = (value: number) => `${formatNumber(value)} ${unitLabel(unit, value)}`;
      const work =
        remaining.uncounted > 0
          ? `${amount(remaining.total)} remaining (${counted(remaining.uncounted, 'item')} without an estimate) need at least`
          : `${amount(remaining.total)} remaining need`;
      const explanation = figure.followsFromTotal === undefined ? '' : ` (${figure.stated} follows from the stated total of ${formatNumber(figure.followsFromTotal)})`;
      report({
        ...figure.source,
        message: `the projection at ${amount(figure.velocity)} per sprint states ${counted(figure.stated, 'sprint')}, but the ${work} ${figure.computed}${explanation}`,
      });
    }
  },
};

function remainingWork(backlog: Backlog, file: string, hoursPerDay: number) {
  const scope = scopeItems(backlog, { file });
  return scope && sumIn(filterItems(scope.items, 'remaining'), backlog.unit, hoursPerDay);
}
