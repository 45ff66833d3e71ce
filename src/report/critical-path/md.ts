import type { CriticalPathResult } from '../../analyze/critical-path.js';
import { formatNumber } from '../../model/units.js';
import { caveats, figures, headline, namer, percent, scheduleOrder } from './summary.js';

/** Markdown for a README or a generated section: the paths, the figures, then the schedule. */
export function criticalPathMarkdown(result: CriticalPathResult): string {
  const lines = [`**${headline(result)}**`, ''];
  if (result.paths.length > 0) {
    const name = namer(result);
    result.paths.forEach((path, index) => lines.push(`${index + 1}. ${path.map(name).join(' → ')}`));
    if (result.pathsTruncated)
      lines.push('', `… and ${formatNumber(result.pathCount - result.paths.length, 0)} more paths of the same length.`);
    lines.push('');
  }
  const notes = [...figures(result), ...caveats(result)];
  if (notes.length > 0) lines.push(...notes.map((note) => `- ${note}`), '');

  const criticality = result.simulation?.criticality;
  const head = [
    'ID',
    'Title',
    'Duration',
    'ES',
    'EF',
    'LS',
    'LF',
    'Total float',
    'Free float',
    'Critical',
    ...(criticality ? ['Criticality'] : []),
  ];
  lines.push(
    `| ${head.join(' | ')} |`,
    `| ${head.map((title, index) => (index < 2 ? '---' : title === 'Critical' ? ':---:' : '---:')).join(' | ')} |`,
  );
  for (const item of scheduleOrder(result)) {
    const cells = [
      item.id,
      item.done ? `${item.title} (done)` : item.title,
      ...[item.duration, item.earlyStart, item.earlyFinish, item.lateStart, item.lateFinish, item.totalFloat, item.freeFloat].map((value) =>
        formatNumber(value),
      ),
      item.critical ? '**yes**' : '',
      ...(criticality ? [percent(criticality[item.id] ?? 0)] : []),
    ];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}
