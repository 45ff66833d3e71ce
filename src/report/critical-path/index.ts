import type { CriticalPathResult } from '../../analyze/critical-path.js';

export const CRITICAL_PATH_FORMATS = ['table', 'md', 'json', 'mermaid', 'dot'] as const;

export interface CriticalPathFormatOptions {
  color: boolean;
  width?: number;
}

/** Renders a result; only the terminal table loads cli-table3 and chalk. */
export async function formatCriticalPath(result: CriticalPathResult, format: string, options: CriticalPathFormatOptions): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).criticalPathJson(result);
    case 'md':
      return (await import('./md.js')).criticalPathMarkdown(result);
    case 'mermaid':
      return (await import('./mermaid.js')).criticalPathMermaid(result);
    case 'dot':
      return (await import('./dot.js')).criticalPathDot(result);
    default:
      return (await import('./table.js')).criticalPathTable(result, options);
  }
}
