import { diagnosticRule } from '../diagnostic-rule.js';

export const missingEstimate = diagnosticRule({
  name: 'missing-estimate',
  description: 'An item has no estimate although the items around it have one, so totals and forecasts leave it out.',
  tags: ['estimate'],
  defaultSeverity: 'warning',
});
