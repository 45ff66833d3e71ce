import { diagnosticRule } from '../diagnostic-rule.js';

export const tableRowWrapped = diagnosticRule({
  name: 'table-row-wrapped',
  description: 'A table row continues on the next line, which markdown would read as a row of its own.',
  tags: ['table', 'fixable'],
  defaultSeverity: 'warning',
  fixable: true,
});
