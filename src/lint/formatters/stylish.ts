import { Chalk } from 'chalk';
import { displayWidth, wrapLine } from '../../report/wrap-text.js';
import { counted } from '../plural.js';
import type { Problem } from '../types.js';
import type { Formatter } from './types.js';

/**
 * ESLint's default look: problems grouped under their file, columns aligned within a file, a
 * summary line at the end. Nothing at all when there is nothing to report. On a terminal (a
 * width) a problem too long for a line wraps, its message going on under itself.
 */
export const stylish: Formatter = (result, { color, width }) => {
  if (result.problems.length === 0) return '';
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  for (const [file, problems] of groupByFile(result.problems)) {
    lines.push(...wrapLine(chalk.underline(file), width));
    const rows = problems.map((problem) => [`${problem.line}:${problem.column}`, problem.severity, problem.message, problem.rule]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
    // Where the messages start; a continuation line starts there too, unless that leaves too little room.
    const start = 2 + widths[0] + 2 + widths[1] + 2;
    const hanging = ' '.repeat(width !== undefined && start > width - 24 ? 4 : start);
    for (const [position, severity, message, rule] of rows) {
      const paint = severity === 'error' ? chalk.red : chalk.yellow;
      const lead = `  ${chalk.dim(position.padEnd(widths[0]))}  ${paint(severity.padEnd(widths[1]))}  `;
      const aligned = `${lead}${message.padEnd(widths[2])}  ${chalk.dim(rule)}`.trimEnd();
      if (width === undefined || displayWidth(aligned) <= width) lines.push(aligned);
      else lines.push(...wrapLine(`${lead}${message}  ${chalk.dim(rule)}`, width, hanging));
    }
    lines.push('');
  }
  const total = result.problems.length;
  const summary = `✖ ${counted(total, 'problem')} (${counted(result.errorCount, 'error')}, ${counted(result.warningCount, 'warning')})`;
  lines.push(...wrapLine((result.errorCount > 0 ? chalk.red : chalk.yellow).bold(summary), width));
  const fixable = result.problems.filter((problem) => problem.fix);
  if (fixable.length > 0) {
    const errors = fixable.filter((problem) => problem.severity === 'error').length;
    const warnings = fixable.length - errors;
    lines.push(
      ...wrapLine(
        `  ${counted(errors, 'error')} and ${counted(warnings, 'warning')} potentially fixable with the \`--fix\` option.`,
        width,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
};

function groupByFile(problems: readonly Problem[]): Map<string, Problem[]> {
  const groups = new Map<string, Problem[]>();
  for (const problem of problems) {
    const group = groups.get(problem.file) ?? [];
    group.push(problem);
    groups.set(problem.file, group);
  }
  return groups;
}
