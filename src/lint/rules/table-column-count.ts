import { diagnosticRule } from '../diagnostic-rule.js';

export const tableColumnCount = diagnosticRule({
  name: 'table-column-count',
  description: 'A table row has more or fewer cells than its header, so some values land in the wrong column or are lost.',
  tags: ['table'],
  defaultSeverity: 'warning',
});
