import { capacity, type SprintCapacity } from '../../analyze/capacity.js';
import { sprintLabel } from '../../analyze/dependency-order.js';
import { formatNumber, unitLabel } from '../../model/units.js';
import { firstByKey, groupBy } from '../../model/group-by.js';
import { fileBacklogs } from '../claim-scope.js';
import { configOfFile } from '../file-config.js';
import type { Rule } from '../types.js';

export const sprintOverCapacity: Rule = {
  name: 'sprint-over-capacity',
  description: 'A sprint commits more work than its capacity (from the config, or as the document states it).',
  tags: ['sprint', 'capacity'],
  defaultSeverity: 'warning',
  check(context, report) {
    const { backlog } = context;
    const fileBacklog = fileBacklogs(backlog);
    for (const [file, sprints] of groupBy(backlog.sprints, (sprint) => sprint.source.file)) {
      // Each document's sprints in that document's own unit, as `backlog capacity` weighs them.
      // (Only its own: the others' rows would not be reported, and would cost every file all sprints.)
      const config = configOfFile(context, file);
      const result = capacity({ ...fileBacklog(file), sprints }, { configCapacity: config.capacity, hoursPerDay: config.hoursPerDay });
      if (!result.unit) continue;
      const amount = (value: number) => `${formatNumber(value)} ${unitLabel(result.unit, value)}`;
      const byKey = firstByKey(sprints, (sprint) => sprint.key);
      for (const row of result.sprints) {
        const sprint = byKey.get(row.key);
        // A capacity guessed from the team size is a plan's assumption, not something the document states.
        if (!sprint || !row.over || row.capacity === null || row.capacitySource === 'team') continue;
        report({
          ...sprint.source,
          message: `${sprintLabel(sprint)} commits ${amount(row.committed)}, over its capacity of ${amount(row.capacity)} (${origin(row)})`,
        });
      }
    }
  },
};

function origin(row: SprintCapacity): string {
  if (row.capacityClaim) return `"${row.capacityClaim.raw}", line ${row.capacityClaim.source.line}`;
  return 'set in the config';
}
