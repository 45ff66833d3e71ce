import type { ForecastResult } from '../../analyze/forecast.js';

export const FORECAST_FORMATS = ['table', 'md', 'json'] as const;

/** Renders a forecast; only the terminal table loads cli-table3 and chalk. */
export async function formatForecast(result: ForecastResult, format: string, options: { color: boolean; width?: number }): Promise<string> {
  if (format === 'json') return (await import('./json.js')).forecastJson(result);
  if (format === 'md') return (await import('./md.js')).forecastMarkdown(result, { chart: true });
  return (await import('./table.js')).forecastTable(result, options);
}
