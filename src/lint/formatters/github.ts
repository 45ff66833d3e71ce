import type { Formatter } from './types.js';

/**
 * GitHub Actions workflow commands, one annotation per problem:
 * `::error file=…,line=…,col=…,title=<rule>::<message>`. Escaping follows the workflow-command
 * rules: `%`, CR and LF everywhere, and `:` and `,` too inside property values.
 */
export const github: Formatter = (result) =>
  result.problems
    .map((problem) => {
      const properties = [
        `file=${escapeProperty(problem.file)}`,
        `line=${problem.line}`,
        `col=${problem.column}`,
        `title=${escapeProperty(problem.rule)}`,
      ];
      return `::${problem.severity} ${properties.join(',')}::${escapeData(problem.message)}\n`;
    })
    .join('');

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
