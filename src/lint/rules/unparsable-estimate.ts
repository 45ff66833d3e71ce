import { diagnosticRule } from '../diagnostic-rule.js';

export const unparsableEstimate = diagnosticRule({
  name: 'unparsable-estimate',
  description: 'An estimate cell or field holds a value that is not a number, range, duration or known T-shirt size.',
  tags: ['estimate'],
  defaultSeverity: 'warning',
});
