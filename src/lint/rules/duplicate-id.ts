import { diagnosticRule } from '../diagnostic-rule.js';

export const duplicateId = diagnosticRule({
  name: 'duplicate-id',
  description: 'One ID is given to two different records in the same table or list.',
  tags: ['id'],
  defaultSeverity: 'error',
});
