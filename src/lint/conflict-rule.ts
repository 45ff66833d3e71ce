import type { Conflict, SourcePosition } from '../model/types.js';
import type { Rule } from './types.js';

/**
 * A rule over the records that give one item different values for the same field. The problem
 * sits at the first record that disagrees with the first one, and lists every value and place.
 */
export function conflictRule(
  definition: Omit<Rule, 'check'>,
  field: Conflict['field'],
  describe: (item: string, values: string) => string,
): Rule {
  return {
    ...definition,
    check({ backlog }, report) {
      for (const conflict of backlog.conflicts) {
        if (conflict.field !== field || conflict.values.length < 2) continue;
        const at = conflict.values[1].source;
        const values = conflict.values.map(({ value, source }) => `"${value}" (${placeName(source, at)})`).join(', ');
        report({ file: at.file, line: at.line, column: at.column, message: describe(conflict.item, values) });
      }
    },
  };
}

function placeName(place: SourcePosition, from: SourcePosition): string {
  return place.file === from.file ? `line ${place.line}` : `${place.file}:${place.line}`;
}
