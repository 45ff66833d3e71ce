import { dependencyOrderViolations, type DependencyOrderViolation } from '../../analyze/dependency-order.js';
import { itemPosition } from '../item-position.js';
import type { Rule } from '../types.js';

export const dependencyOrder: Rule = {
  name: 'dependency-order',
  description: 'An item is committed to a sprint before the sprint of something it depends on, or depends on work no sprint holds.',
  tags: ['dependency', 'sprint'],
  defaultSeverity: 'warning',
  check({ backlog }, report) {
    const items = new Map(backlog.items.map((item) => [item.id, item]));
    for (const group of groupByItemAndReason(dependencyOrderViolations(backlog))) {
      const item = items.get(group[0].item);
      report({ ...(item ? itemPosition(item) : group[0].source), message: groupMessage(group) });
    }
  },
};

/**
 * One problem per item and reason: a dependency on an epic expands to every item of it, and
 * "AION-406 depends on AION-205, AION-206, AION-207, which no sprint holds" is the finding a
 * reader acts on, where three lines would repeat it.
 */
function groupByItemAndReason(violations: readonly DependencyOrderViolation[]): DependencyOrderViolation[][] {
  const groups = new Map<string, DependencyOrderViolation[]>();
  for (const violation of violations) {
    const key = `${violation.item}\u0000${reasonOf(violation)}`;
    groups.set(key, [...(groups.get(key) ?? []), violation]);
  }
  return [...groups.values()];
}

/** The message with the prerequisite taken out: equal for the same item, reason and sprints. */
function reasonOf(violation: DependencyOrderViolation): string {
  return violation.message.replace(` ${violation.dependsOn},`, ' \u0000,');
}

function groupMessage(group: DependencyOrderViolation[]): string {
  if (group.length === 1) return group[0].message;
  return reasonOf(group[0]).replace('\u0000', group.map((violation) => violation.dependsOn).join(', '));
}
