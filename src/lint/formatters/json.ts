import type { Formatter } from './types.js';

/**
 * The JSON contract: `{ problems: [{ file, line, column, rule, severity, message }], errorCount,
 * warningCount }`, plus `fixable` per problem and a schema version. A fix's replacement text is
 * left out: for an encoding repair it is the whole file.
 */
export const json: Formatter = (result) => {
  const problems = result.problems.map(({ fix, ...problem }) => ({ ...problem, fixable: fix !== undefined }));
  return `${JSON.stringify({ problems, errorCount: result.errorCount, warningCount: result.warningCount, schemaVersion: 1 }, null, 2)}\n`;
};
