import { conflictRule } from '../conflict-rule.js';

export const estimateConflict = conflictRule(
  {
    name: 'estimate-conflict',
    description: 'The same item is estimated differently in two places (e.g. a size table and a sprint table).',
    tags: ['estimate'],
    defaultSeverity: 'error',
  },
  'estimate',
  (item, values) => `${item} is estimated differently: ${values}`,
);
