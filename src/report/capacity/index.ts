import type { CapacityResult } from '../../analyze/capacity.js';

/** Renders a capacity check; only the terminal table loads cli-table3 and chalk. */
export async function formatCapacity(result: CapacityResult, format: string, options: { color: boolean; width?: number }): Promise<string> {
  if (format === 'json') return (await import('./json.js')).capacityJson(result);
  if (format === 'md') return (await import('./md.js')).capacityMarkdown(result);
  return (await import('./table.js')).capacityTable(result, options);
}
