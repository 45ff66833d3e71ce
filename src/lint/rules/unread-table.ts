import { diagnosticRule } from '../diagnostic-rule.js';

export const unreadTable = diagnosticRule({
  name: 'unread-table',
  description: 'A table lists estimated work but has no column that identifies its rows, so they could not be read as items.',
  tags: ['table'],
  defaultSeverity: 'warning',
});
