import { sprintLabel } from '../../analyze/dependency-order.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { sameNumber, scopeItems, sumIn } from '../claim-scope.js';
import { sprintCapacity } from '../sprint-capacity.js';
import type { Rule } from '../types.js';

export const sprintOverCapacity: Rule = {
  name: 'sprint-over-capacity',
  description: 'A sprint commits more work than its capacity (from the config, or as the document states it).',
  tags: ['sprint', 'capacity'],
  defaultSeverity: 'warning',
  check({ backlog, config }, report) {
    for (const sprint of backlog.sprints) {
      const capacity = sprintCapacity(sprint, backlog, config);
      if (!capacity) continue;
      const scope = scopeItems(backlog, { file: sprint.source.file, sprint: sprint.key });
      // Committed work in the capacity's unit; items that cannot be counted only make it more.
      const committed = scope && sumIn(scope.items, capacity.unit, config.hoursPerDay);
      if (!committed || committed.total <= capacity.value || sameNumber(committed.total, capacity.value)) continue;
      const amount = (value: number) => `${formatNumber(value)} ${unitLabel(committed.unit, value)}`;
      report({
        ...sprint.source,
        message: `${sprintLabel(sprint)} commits ${amount(committed.total)}, over its capacity of ${amount(capacity.value)} (${capacity.origin})`,
      });
    }
  },
};
