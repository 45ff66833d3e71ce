import { diagnosticRule } from '../diagnostic-rule.js';

export const encoding = diagnosticRule({
  name: 'encoding',
  description: 'The file is not clean UTF-8: double-encoded text (mojibake such as "fÃ¼r" for "für") or invalid bytes.',
  tags: ['encoding', 'fixable'],
  defaultSeverity: 'error',
  fixable: true,
});
