import type { ForecastResult } from '../../analyze/forecast.js';
import { headline, notes, percentileRows, scenarioRows, statedLine } from './summary.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function table(head: string[], rows: string[][], align: string[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`)];
}

/** Markdown for a generated section of a backlog: the answer, percentiles, scenarios, then notes. */
export function forecastMarkdown(result: ForecastResult): string {
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
  const sentences = [...result.stated.map((figure) => statedLine(figure, result.unit)), ...notes(result)];
  if (sentences.length > 0) lines.push(...sentences.map((sentence) => `- ${sentence}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}
