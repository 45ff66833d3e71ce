import type { CriticalPathResult } from '../../analyze/critical-path.js';
import { formatNumber } from '../../model/units.js';
import { amount, criticalEdges, edgeKey } from './summary.js';

/** A Graphviz digraph, prerequisites to the left; critical items and dependencies bold and red. */
export function criticalPathDot(result: CriticalPathResult): string {
  const critical = criticalEdges(result);
  const lines = [
    'digraph "critical-path" {',
    '  rankdir=LR;',
    `  label=${quote(`Critical path: ${amount(result.length, result)}`)};`,
    '  labelloc=t;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [color=gray40];',
  ];
  for (const item of result.items) {
    const label = [`${item.id} ${item.title}`, `${amount(item.duration, result)} · float ${formatNumber(item.totalFloat)}`].join('\n');
    const style = item.critical ? ', color=red, fontcolor=red, penwidth=2' : item.done ? ', color=gray60, fontcolor=gray40' : '';
    lines.push(`  ${quote(item.id)} [label=${quote(label)}${style}];`);
  }
  for (const item of result.items) {
    for (const prerequisite of item.dependsOn) {
      const style = critical.has(edgeKey(prerequisite, item.id)) ? ' [color=red, penwidth=2, style=bold]' : '';
      lines.push(`  ${quote(prerequisite)} -> ${quote(item.id)}${style};`);
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
