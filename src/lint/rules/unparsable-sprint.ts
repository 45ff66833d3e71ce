import { diagnosticRule } from '../diagnostic-rule.js';

export const unparsableSprint = diagnosticRule({
  name: 'unparsable-sprint',
  description: 'A sprint cell or field holds a value that names no sprint, so the item is left out of every sprint.',
  tags: ['sprint'],
  defaultSeverity: 'warning',
});
