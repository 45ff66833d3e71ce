import type { PlanResult } from '../../analyze/plan.js';

/** Renders a plan; only the terminal table loads cli-table3 and chalk. */
export async function formatPlan(result: PlanResult, format: string, options: { color: boolean; width?: number }): Promise<string> {
  if (format === 'json') return (await import('./json.js')).planJson(result);
  if (format === 'md') return (await import('./md.js')).planMarkdown(result);
  return (await import('./table.js')).planTable(result, options);
}
