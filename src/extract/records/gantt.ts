import { readEstimate, type EstimateContext } from '../values/estimates.js';
import type { Estimate } from '../../model/types.js';

export interface GanttTask {
  id: string;
  title: string;
  estimate: Estimate | null;
  after: string[];
  section: string | null;
  done: boolean;
  /** 0-based line within the code block. */
  line: number;
}

const TAGS = new Set(['done', 'active', 'crit', 'milestone']);

/**
 * Tasks of a mermaid gantt chart: `Design API :crit, a1, 2024-01-01, 3d` or
 * `Build :a2, after a1, 5d`. Each task with an ID is an item; `after` names its prerequisites,
 * the duration is its estimate and the section its group.
 */
export function readGantt(code: string, context: EstimateContext): GanttTask[] {
  const lines = code.split('\n');
  if (!/^\s*gantt\b/.test(lines[0] ?? '')) return [];
  const tasks: GanttTask[] = [];
  let section: string | null = null;
  lines.forEach((line, index) => {
    const sectionMatch = /^\s*section\s+(.+)$/.exec(line);
    if (sectionMatch) {
      section = sectionMatch[1].trim();
      return;
    }
    const task = /^\s*([^:%]+?)\s*:\s*(.+)$/.exec(line);
    if (!task || /^(?:title|dateFormat|axisFormat|excludes|includes|todayMarker|tickInterval|weekday)$/i.test(task[1].trim())) return;
    const parts = task[2].split(',').map((part) => part.trim());
    const tags = new Set<string>();
    while (parts.length > 0 && TAGS.has(parts[0])) tags.add(parts.shift()!);
    if (parts.length < 2 || /^after\s/i.test(parts[0]) || /^\d{4}-\d{2}-\d{2}/.test(parts[0])) return;
    const [id, ...rest] = parts;
    const after =
      rest
        .find((part) => /^after\s/i.test(part))
        ?.replace(/^after\s+/i, '')
        .split(/\s+/)
        .filter(Boolean) ?? [];
    const duration = rest[rest.length - 1];
    const reading = duration && !/^after\s/i.test(duration) ? readEstimate(duration, context) : null;
    tasks.push({
      id,
      title: task[1].trim(),
      estimate: reading && 'estimate' in reading ? reading.estimate : null,
      after,
      section,
      done: tags.has('done'),
      line: index,
    });
  });
  return tasks;
}
