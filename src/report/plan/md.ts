import type { PlanResult } from '../../analyze/plan.js';
import { HEADERS, headline, rows, warningLines } from './summary.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The proposed sprints as one markdown table, then the warnings. */
export function planMarkdown(result: PlanResult): string {
  const lines = [`**${headline(result)}**`, ''];
  const body = rows(result);
  if (body.length > 0) {
    lines.push(
      `| ${HEADERS.join(' | ')} |`,
      '| --- | --- | --- | ---: | --- |',
      ...body.map((row) => `| ${row.cells.map(escapeCell).join(' | ')} |`),
      '',
    );
  }
  const warnings = warningLines(result);
  if (warnings.length > 0) lines.push(...warnings.map((warning) => `- ${warning}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
