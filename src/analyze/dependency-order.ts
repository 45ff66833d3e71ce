import { itemLabel } from '../model/item-label.js';
import type { Backlog, Item, Sprint } from '../model/types.js';
import { orderSprints } from './sprint-order.js';

export interface DependencyOrderViolation {
  /** The dependent item: the one committed too early. */
  item: string;
  /** The prerequisite it depends on. */
  dependsOn: string;
  /**
   * `earlier-sprint`: the item is committed to a sprint before its prerequisite's;
   * `same-sprint` (strict only): both are in one sprint;
   * `unscheduled`: the prerequisite is in no sprint and not done.
   */
  kind: 'earlier-sprint' | 'same-sprint' | 'unscheduled';
  /** One line, naming both items and their sprints. */
  message: string;
  /** Where the dependent item is defined. */
  source: Item['source'];
}

export interface DependencyOrderOptions {
  /** Also flag an item in the same sprint as its prerequisite (by default the sprint can sequence them). */
  strict?: boolean;
}

/** "Sprint 4" for numeric keys (names can be long), the display name otherwise. */
export function sprintLabel(sprint: Pick<Sprint, 'key' | 'name'>): string {
  return /^\d+(?:\.\d+)*$/.test(sprint.key) ? `Sprint ${sprint.key}` : sprint.name;
}

/**
 * Dependencies that the sprint plan breaks: an item committed to a sprint that runs before one
 * holding its prerequisite, or (with `strict`) the same one, or depending on work no sprint
 * holds. Sprints run in the order of `orderSprints` (numeric keys, else document order). An item
 * in several sprints (a partial commitment) starts in its first and finishes in its last. Done
 * items are neither flagged nor waited for. Results follow the items' document order, then the
 * order of their dependencies. Pure and linear in items and dependencies.
 */
export function dependencyOrderViolations(backlog: Backlog, options: DependencyOrderOptions = {}): DependencyOrderViolation[] {
  const sprints = orderSprints(backlog.sprints);
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  sprints.forEach((sprint, position) => {
    for (const id of sprint.items) {
      if (!first.has(id)) first.set(id, position);
      last.set(id, position);
    }
  });
  const byId = new Map(backlog.items.map((item) => [item.id, item]));

  const violations: DependencyOrderViolation[] = [];
  for (const item of backlog.items) {
    const start = first.get(item.id);
    if (start === undefined || item.done) continue;
    const here = sprintLabel(sprints[start]);
    const name = itemLabel(item);
    for (const id of new Set(item.dependsOn)) {
      const prerequisite = byId.get(id);
      if (!prerequisite || prerequisite.done || id === item.id) continue;
      const finish = last.get(id);
      const violation = { item: item.id, dependsOn: id, source: item.source };
      const before = itemLabel(prerequisite);
      if (finish === undefined) {
        violations.push({
          ...violation,
          kind: 'unscheduled',
          message: `${name} in ${here} depends on ${before}, which no sprint holds and is not done`,
        });
      } else if (finish > start) {
        violations.push({
          ...violation,
          kind: 'earlier-sprint',
          message: `${name} in ${here} depends on ${before}, committed to the later ${sprintLabel(sprints[finish])}`,
        });
      } else if (finish === start && options.strict) {
        violations.push({
          ...violation,
          kind: 'same-sprint',
          message: `${name} in ${here} depends on ${before}, committed to the same sprint`,
        });
      }
    }
  }
  return violations;
}

/** One finding: an item, a reason and every prerequisite it holds for, in one line. */
export interface DependencyOrderProblem extends Omit<DependencyOrderViolation, 'dependsOn'> {
  dependsOn: string[];
}

/**
 * One problem per item and reason, as lint and capacity both report them: a dependency on an
 * epic expands to every item of it, and "AION-406 in Sprint 2 depends on AION-205, AION-206,
 * AION-207, which no sprint holds" is the finding a reader acts on, where three lines would
 * repeat it. In the order of each group's first violation.
 */
export function groupViolations(violations: readonly DependencyOrderViolation[]): DependencyOrderProblem[] {
  const groups = new Map<string, DependencyOrderViolation[]>();
  for (const violation of violations) {
    const key = `${violation.item}\u0000${reasonOf(violation)}`;
    const group = groups.get(key);
    if (group) group.push(violation);
    else groups.set(key, [violation]);
  }
  return [...groups.values()].map((group) => ({
    ...group[0],
    dependsOn: group.map((violation) => violation.dependsOn),
    message:
      group.length === 1
        ? group[0].message
        : reasonOf(group[0]).replace('\u0000', group.map((violation) => violation.dependsOn).join(', ')),
  }));
}

/** The message with the prerequisite taken out: equal for the same item, reason and sprints. */
function reasonOf(violation: DependencyOrderViolation): string {
  return violation.message.replace(` ${violation.dependsOn},`, ' \u0000,');
}
