import type { CapacityResult } from '../../analyze/capacity.js';
import { unitLabel } from '../../model/units.js';
import { HEADERS, headline, orderProblems, sprintNotes, sprintRow } from './summary.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Markdown: the sprints as a table, then notes and the dependency order problems as lists. */
export function capacityMarkdown(result: CapacityResult): string {
  const head = HEADERS.map((title, index) =>
    (index === 1 || index === 2) && result.unit ? `${title} (${unitLabel(result.unit, 2)})` : title,
  );
  const lines = [
    `**${headline(result)}**`,
    '',
    `| ${head.join(' | ')} |`,
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...result.sprints.map((sprint) => {
      const cells = sprintRow(sprint).map(escapeCell);
      if (sprint.over) cells[4] = '**over**';
      return `| ${cells.join(' | ')} |`;
    }),
    '',
  ];
  const notes = sprintNotes(result);
  if (notes.length > 0) lines.push(...notes.map((note) => `- ${note}`), '');
  const problems = orderProblems(result);
  if (problems.length > 0) {
    lines.push(`**Dependency order:** ${problems.length} problem${problems.length === 1 ? '' : 's'}`, '');
    lines.push(...problems.map((problem) => `- ${problem.message} (${problem.source.file}:${problem.source.line})`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
