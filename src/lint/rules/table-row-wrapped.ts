import { diagnosticRule } from '../diagnostic-rule.js';

export const tableRowWrapped = diagnosticRule({
  name: 'table-row-wrapped',
  description: 'A table row continues on the next line; markdown reads the second line as a separate row (fixable: joins the lines).',
  tags: ['table', 'fixable'],
  defaultSeverity: 'warning',
  fixable: true,
});
