import { counted } from '../plural.js';
import type { Formatter } from './types.js';

/** A markdown table of the problems, for a pull-request comment or a report file. */
export const md: Formatter = (result) => {
  if (result.problems.length === 0) return 'No problems found.\n';
  const rows = result.problems.map((problem) =>
    [problem.file, String(problem.line), String(problem.column), problem.severity, `\`${problem.rule}\``, problem.message].map(cell),
  );
  const lines = [
    '| File | Line | Column | Severity | Rule | Message |',
    '| --- | ---: | ---: | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `**${counted(result.problems.length, 'problem')}** (${counted(result.errorCount, 'error')}, ${counted(result.warningCount, 'warning')})`,
  ];
  return `${lines.join('\n')}\n`;
};

/** A cell must stay on one line, and a pipe inside it must not end it. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
