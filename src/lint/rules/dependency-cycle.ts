import { findCycles, formatCycle } from '../../analyze/graph.js';
import type { Rule } from '../types.js';

export const dependencyCycle: Rule = {
  name: 'dependency-cycle',
  description: 'Items depend on each other in a circle, so none of them can start first (and no critical path exists).',
  tags: ['dependency'],
  defaultSeverity: 'error',
  check({ backlog }, report) {
    for (const cycle of findCycles(backlog)) {
      const first = cycle.members[0];
      const others = cycle.component.length - cycle.members.length;
      const tangle = others > 0 ? ` (${others} more ${others === 1 ? 'item is' : 'items are'} tangled in it)` : '';
      report({ file: first.source.file, line: first.source.line, message: `dependency cycle: ${formatCycle(cycle)}${tangle}` });
    }
  },
};
