import type { Backlog } from '../../src/model/types.js';

/** One line per item, for exact-model assertions: ID, title, estimate, sprint, dependencies, status, done, parent. */
export function itemRows(backlog: Backlog): string[] {
  return backlog.items.map((item) =>
    [
      item.id,
      item.title,
      item.estimate ? `${item.estimate.expected} ${item.estimate.unit}` : '-',
      item.sprint ?? '-',
      item.dependsOn.join(',') || '-',
      item.status ?? '-',
      item.done ? 'done' : 'open',
      item.parent ?? '-',
    ].join(' | '),
  );
}
