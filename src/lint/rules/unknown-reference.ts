import { itemPosition } from '../item-position.js';
import type { Rule } from '../types.js';

export const unknownReference: Rule = {
  name: 'unknown-reference',
  description: 'A dependency names no known item, group or release, so the dependency is lost.',
  tags: ['dependency'],
  defaultSeverity: 'warning',
  check({ backlog }, report) {
    for (const item of backlog.items) {
      for (const reference of item.unresolved) {
        report({ ...itemPosition(item), message: `${item.id} depends on "${reference}", which names no item, group or release` });
      }
    }
  },
};
