import { surfaceDiagnostics } from '../diagnostic-rule.js';
import { itemPosition } from '../item-position.js';
import type { Rule } from '../types.js';

export const unknownReference: Rule = {
  name: 'unknown-reference',
  description: 'A dependency or sprint commitment names no known item, group or release, so it is lost.',
  tags: ['dependency'],
  defaultSeverity: 'warning',
  check({ backlog }, report) {
    for (const item of backlog.items) {
      // A done item's dependencies no longer bear on any plan (done work is not scheduled), so
      // one that names nothing known, often a closed PR or ticket, is not worth a warning.
      if (item.done) continue;
      for (const reference of item.unresolved) {
        report({ ...itemPosition(item), message: `${item.id} depends on "${reference}", which names no item, group or release` });
      }
    }
    // Sprint lists that commit an ID no item has are found while the sprints are built.
    surfaceDiagnostics('unknown-reference', backlog, report);
  },
};
