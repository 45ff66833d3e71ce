import { dependencyOrderViolations, groupViolations } from '../../analyze/dependency-order.js';
import { itemPosition } from '../item-position.js';
import type { Rule } from '../types.js';

export const dependencyOrder: Rule = {
  name: 'dependency-order',
  description: 'An item is committed to a sprint before the sprint of something it depends on, or depends on work no sprint holds.',
  tags: ['dependency', 'sprint'],
  defaultSeverity: 'warning',
  check({ backlog }, report) {
    const items = new Map(backlog.items.map((item) => [item.id, item]));
    // One problem per item and reason, the same findings `backlog capacity` lists.
    for (const problem of groupViolations(dependencyOrderViolations(backlog))) {
      const item = items.get(problem.item);
      report({ ...(item ? itemPosition(item) : problem.source), message: problem.message });
    }
  },
};
