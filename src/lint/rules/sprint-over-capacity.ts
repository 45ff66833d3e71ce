import { sprintLabel } from '../../analyze/dependency-order.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { sameNumber } from '../claim-scope.js';
import { sprintCapacity } from '../sprint-capacity.js';
import type { Rule } from '../types.js';

export const sprintOverCapacity: Rule = {
  name: 'sprint-over-capacity',
  description: 'A sprint commits more work than its capacity (from the config, or as the document states it).',
  tags: ['sprint', 'capacity'],
  defaultSeverity: 'warning',
  check({ backlog, config }, report) {
    const unit = backlog.unit;
    if (!unit) return;
    const amount = (value: number) => `${formatNumber(value)} ${unitLabel(unit, value)}`;
    for (const sprint of backlog.sprints) {
      const capacity = sprintCapacity(sprint, backlog, config);
      if (!capacity || sprint.committed <= capacity.value || sameNumber(sprint.committed, capacity.value)) continue;
      report({
        ...sprint.source,
        message: `${sprintLabel(sprint)} commits ${amount(sprint.committed)}, over its capacity of ${amount(capacity.value)} (${capacity.origin})`,
      });
    }
  },
};
