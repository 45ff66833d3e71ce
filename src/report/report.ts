import { capacity } from '../analyze/capacity.js';
import { criticalPath } from '../analyze/critical-path.js';
import { forecast } from '../analyze/forecast.js';
import { CycleError, formatCycle } from '../analyze/graph.js';
import { sumWork } from '../analyze/work-sum.js';
import { DEFAULT_CONFIG, type Config } from '../config/types.js';
import { UsageError } from '../errors.js';
import { lexiconFor, withLexicon } from '../extract/lexicon/lexicon.js';
import { md as lintMarkdown } from '../lint/formatters/md.js';
import { lint } from '../lint/index.js';
import { counted } from '../lint/plural.js';
import type { LintResult } from '../lint/types.js';
import { workItems } from '../model/totals.js';
import type { Backlog } from '../model/types.js';
import { formatNumber, unitLabel } from '../model/units.js';
import type { SourceText } from '../read/source.js';
import type { Velocity } from '../analyze/velocity.js';
import { capacityMarkdown } from './capacity/md.js';
import { criticalPathMarkdown } from './critical-path/md.js';
import { criticalPathMermaid } from './critical-path/mermaid.js';
import { forecastMarkdown } from './forecast/md.js';

export interface ReportOptions {
  /** The texts the backlog was read from, for lint's inline disables. */
  sources?: readonly SourceText[];
  config?: Config;
  /** Each file's own config, by its name in the model: lint severities, a sprint's capacity. */
  configFor?: (file: string) => Config;
  /** For the forecast; without it, the velocity the document states, and no forecast when it states none. */
  velocity?: Velocity;
  /** Every sprint's capacity; without it, the config's, then what the document states. */
  capacity?: number;
  /** The level of the report's section headings: 2 (`##`) alone, 3 under a plan's heading. */
  headingLevel?: number;
}

/**
 * One markdown report of a backlog: summary, sprints, critical path, forecast and lint, each a
 * `##` section (or `headingLevel`'s). It holds nothing that changes between runs over the same files (no dates, seeded
 * simulations only), so a copy written into a document goes stale only when the backlog does.
 */
export function backlogReport(backlog: Backlog, options: ReportOptions = {}): string {
  const config = options.config ?? DEFAULT_CONFIG;
  const configFor = options.configFor ?? (() => config);
  const problems = lint(backlog, { sources: options.sources ?? [], config, configFor });
  const level = '#'.repeat(options.headingLevel ?? 2);
  return [
    summarySection(backlog, config, problems),
    sprintsSection(backlog, config, configFor, options.capacity),
    criticalPathSection(backlog, config),
    forecastSection(backlog, config, options.velocity),
    lintSection(problems),
  ]
    .filter((part) => part !== null)
    .map(({ title, body }) => `${level} ${title}\n\n${body.trimEnd()}\n`)
    .join('\n');
}

function section(title: string, body: string): Section {
  return { title, body };
}

interface Section {
  title: string;
  body: string;
}

function amount(value: number, backlog: Backlog): string {
  return `${formatNumber(value)} ${unitLabel(backlog.unit, value)}`.trim();
}

function summarySection(backlog: Backlog, config: Config, problems: LintResult): Section {
  const work = workItems(backlog);
  const done = work.filter((item) => item.done);
  const files = backlog.files.length;
  const lines = [
    `- **${counted(backlog.items.length, 'item')}** in ${counted(files, 'file')}: ${done.length} done, ${work.length - done.length} open.`,
  ];
  if (backlog.unit) {
    const total = sumWork(work, backlog.unit, config.hoursPerDay);
    const remaining = sumWork(
      work.filter((item) => !item.done),
      backlog.unit,
      config.hoursPerDay,
    );
    lines.push(`- **${amount(total.total, backlog)}** in total, **${amount(remaining.total, backlog)}** remaining.`);
    if (total.unestimated.length > 0) lines.push(`- Without an estimate (counted as 0): ${total.unestimated.join(', ')}.`);
    if (total.otherUnit.length > 0)
      lines.push(`- Estimated in another unit than ${backlog.unit} (left out of the sums): ${total.otherUnit.join(', ')}.`);
  } else {
    lines.push('- No item has an estimate.');
  }
  lines.push(`- ${counted(backlog.sprints.length, 'sprint')}, ${counted(backlog.groups.length, 'group')}.`);
  lines.push(`- Lint: ${counted(problems.errorCount, 'error')}, ${counted(problems.warningCount, 'warning')}.`);
  return section('Summary', lines.join('\n'));
}

function sprintsSection(backlog: Backlog, config: Config, configFor: (file: string) => Config, limit: number | undefined): Section {
  if (backlog.sprints.length === 0) return section('Sprints and capacity', 'No sprints in the backlog.');
  const result = capacity(backlog, {
    capacity: limit,
    configCapacityFor: (sprint) => configFor(sprint.source.file).capacity,
    hoursPerDay: config.hoursPerDay,
  });
  return section('Sprints and capacity', capacityMarkdown(result));
}

/**
 * The forecast with its burn-up, at the given velocity, else the document's own (its completed
 * sprints, a velocity it states); no section when there is none.
 */
function forecastSection(backlog: Backlog, config: Config, velocity: Velocity | undefined): Section | null {
  try {
    const result = withLexicon(lexiconFor(config.vocabulary), () => forecast(backlog, { velocity, hoursPerDay: config.hoursPerDay }));
    return section('Forecast', forecastMarkdown(result, { chart: true }));
  } catch (error) {
    if (error instanceof UsageError && velocity === undefined) return null;
    throw error;
  }
}

function criticalPathSection(backlog: Backlog, config: Config): Section {
  try {
    const result = criticalPath(backlog, { hoursPerDay: config.hoursPerDay });
    const chart = result.length > 0 ? `\n${criticalPathMermaid(result)}` : '';
    return section('Critical path', `${criticalPathMarkdown(result)}${chart}`);
  } catch (error) {
    if (!(error instanceof CycleError)) throw error;
    const cycles = error.cycles.map((cycle) => `- ${formatCycle(cycle)}`);
    return section('Critical path', ['No critical path: the dependencies go in a circle.', '', ...cycles].join('\n'));
  }
}

function lintSection(problems: LintResult): Section {
  return section('Lint', lintMarkdown(problems, { color: false, rules: [], version: '' }));
}
