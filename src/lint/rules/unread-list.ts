import { findUnreadLists } from '../../extract/unread-lists.js';
import type { Rule } from '../types.js';

export const unreadList: Rule = {
  name: 'unread-list',
  description: 'A list holds estimated work but none of its entries has an ID, so they could not be read as items.',
  tags: ['list'],
  defaultSeverity: 'warning',
  check({ backlog, sources, config }, report) {
    const extraIds = config.idPatterns.map((pattern) => new RegExp(pattern, 'u'));
    for (const source of sources) {
      const itemLines = new Set(
        backlog.items.flatMap((item) => item.appearances.filter((place) => place.file === source.file).map((place) => place.line)),
      );
      for (const list of findUnreadLists(source.text, source.file, itemLines, extraIds)) {
        report({
          file: source.file,
          line: list.line,
          message: `this list holds ${list.entries} estimated entries but none of them has an ID, so they were not read as items (start each with an ID, e.g. "T-1 Build API (4h)", or use a table with an ID column)`,
        });
      }
    }
  },
};
