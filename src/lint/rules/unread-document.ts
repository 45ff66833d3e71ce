import { diagnosticRule } from '../diagnostic-rule.js';

export const unreadDocument = diagnosticRule({
  name: 'unread-document',
  description:
    'A document looks like a list of work (repeated work headings, a table with estimates or statuses) but no item could be read from it.',
  tags: ['read'],
  defaultSeverity: 'warning',
});
