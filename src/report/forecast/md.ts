import type { ForecastResult } from '../../analyze/forecast.js';
import { burnUpMermaid } from './charts.js';
import { headline, notes, percentileRows, scenarioRows, statedLine } from './summary.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(head: string[], rows: string[][], align: string[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`)];
}

export interface ForecastMarkdownOptions {
  /** Add the burn-up as a mermaid chart (`backlog forecast --format md` and the report's forecast section do). */
  chart?: boolean;
}

/** Markdown for a generated section of a backlog: the answer, percentiles, scenarios, the burn-up, then notes. */
export function forecastMarkdown(result: ForecastResult, options: ForecastMarkdownOptions = {}): string {
  const lines = [`**${headline(result)}**`, ''];
  const dated = result.dates !== undefined;
  const percentiles = percentileRows(result);
  if (percentiles.length > 0) {
    lines.push(...table(['Chance', 'Sprints', ...(dated ? ['Ends'] : [])], percentiles, ['---:', '---:', ...(dated ? ['---'] : [])]), '');
  }
  const scenarios = scenarioRows(result);
  if (scenarios.length > 0) {
    lines.push(
      ...table(['Velocity', 'Sprints', 'Duration', ...(dated ? ['Ends'] : [])], scenarios, [
        '---:',
        '---:',
        '---',
        ...(dated ? ['---'] : []),
      ]),
      '',
    );
  }
  if (options.chart && result.remaining > 0) {
    const chart = burnUpMermaid(result.burnUp, result.unit);
    if (chart.length > 0) lines.push(...chart, '');
  }
  const sentences = [...result.stated.map((figure) => statedLine(figure, result.unit)), ...notes(result)];
  if (sentences.length > 0) lines.push(...sentences.map((sentence) => `- ${sentence}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
