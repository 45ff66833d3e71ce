import type { CriticalPathResult, ScheduledItem } from '../../analyze/critical-path.js';
import { amount, scheduleOrder } from './summary.js';

/**
 * A gantt chart in a ```mermaid block, as GitHub renders it. Mermaid wants dates, so times are
 * milliseconds since the epoch (`dateFormat x`: whole numbers, which it parses strictly) at a
 * thousand per unit of work, and the axis shows seconds (`%s`), that is, units of work.
 */
export function criticalPathMermaid(result: CriticalPathResult): string {
  const lines = [
    '```mermaid',
    'gantt',
    `    title Critical path (${amount(result.length, result)})`,
    '    dateFormat x',
    '    axisFormat %s',
    '    todayMarker off',
  ];
  const ordered = scheduleOrder(result);
  const sections: [string, ScheduledItem[]][] = [
    ['Critical', ordered.filter((item) => item.critical)],
    ['With float', ordered.filter((item) => !item.critical)],
  ];
  for (const [name, items] of sections) {
    if (items.length === 0) continue;
    lines.push(`    section ${name}`);
    for (const item of items) {
      const tags = [item.critical ? 'crit' : '', item.done ? 'done' : '', item.duration === 0 ? 'milestone' : ''].filter(Boolean);
      const start = millis(item.earlyStart);
      lines.push(`    ${taskText(`${item.id} ${item.title}`)} :${[...tags, start, Math.max(start, millis(item.earlyFinish))].join(', ')}`);
    }
  }
  lines.push('```');
  return `${lines.join('\n')}\n`;
}

function millis(value: number): number {
  return Math.round(value * 1000);
}

/** Mermaid's task text ends at `:`, `#` or `;`, and a long title makes an unreadable chart. */
function taskText(text: string): string {
  const plain = text.replace(/[:#;]/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
}
