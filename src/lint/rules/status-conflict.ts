import { conflictRule } from '../conflict-rule.js';

export const statusConflict = conflictRule(
  {
    name: 'status-conflict',
    description: 'The same item has a different status in two places (e.g. a status table and its own section).',
    tags: ['status'],
    defaultSeverity: 'warning',
  },
  'status',
  (item, values) => `${item} has different statuses: ${values}`,
);
