import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { InputsReported, UsageError } from '../errors.js';
import type { Backlog } from '../model/types.js';
import { writeErr } from './output.js';

export interface PlanOption {
  plan?: string;
}

/** `--plan NAME`, for commands that report on plans. */
export function addPlanOption(command: Command): Command {
  return command.option('--plan <name>', 'when the files hold several plans, only this one (its name, or a file of it)');
}

/** A plan a command reports on; `name` is null when the files hold one plan, which is reported without a heading. */
export interface ChosenPlan {
  name: string | null;
  backlog: Backlog;
}

/**
 * The plans to report: the backlog itself when it is one plan, else each plan, or the one
 * `--plan` names (by its name, or by one of its files). An unknown name is a usage error listing
 * the plans there are.
 */
export function choosePlans(backlog: Backlog, wanted: string | undefined): ChosenPlan[] {
  const plans = backlog.plans;
  if (!plans) {
    if (wanted === undefined || wanted === backlog.name || backlog.files.some((file) => sameFile(file.file, wanted))) {
      return [{ name: null, backlog }];
    }
    throw new UsageError(`--plan ${wanted}: the files read hold one plan, with no file of that name; leave --plan out`);
  }
  if (wanted === undefined) return plans.map((plan) => ({ name: plan.name, backlog: plan }));
  const chosen = plans.find((plan) => plan.name === wanted) ?? plans.find((plan) => plan.files.some((file) => sameFile(file.file, wanted)));
  if (!chosen) throw new UsageError(`--plan ${wanted}: no such plan (the plans are: ${plans.map((plan) => plan.name).join(', ')})`);
  return [{ name: null, backlog: chosen }];
}

function sameFile(file: string, wanted: string): boolean {
  const normal = (name: string) => name.replace(/\\/g, '/').replace(/^\.\//, '');
  return normal(file) === normal(wanted);
}

/**
 * One report of several plans' reports: each under a heading in the table and markdown formats,
 * `{ "schemaVersion", "plans": [{ "name", …each plan's JSON }] }` in JSON. A lone plan's report is left as it is.
 * Formats that hold one graph (mermaid) cannot hold several: a usage error says to pick one.
 */
export function joinPlanReports(reports: readonly { name: string | null; content: string }[], format: string, color: boolean): string {
  if (reports.length === 1 && reports[0].name === null) return reports[0].content;
  if (format === 'json') {
    const plans: Record<string, unknown>[] = reports.map(({ name, content }) => ({ name, ...(JSON.parse(content) as object) }));
    const { schemaVersion } = plans[0];
    return `${JSON.stringify(schemaVersion === undefined ? { plans } : { schemaVersion, plans }, null, 2)}\n`;
  }
  if (format === 'mermaid') {
    throw new UsageError(`the files hold ${reports.length} plans and a mermaid chart shows one: choose it with --plan NAME`);
  }
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const heading = (name: string) => (format === 'md' ? `## Plan: ${name}` : format === 'table' ? chalk.bold(`Plan: ${name}`) : null);
  return reports
    .map(({ name, content }) => {
      const title = name === null ? null : heading(name);
      return title === null ? content : `${title}\n\n${content}`;
    })
    .join('\n');
}

/**
 * Runs a report over each chosen plan and joins them. When several plans are reported, one that
 * cannot be (no velocity for its forecast) is named on stderr and the others still are; an error
 * `skipped` accepts (a `--sprint` that another plan holds) leaves its plan out without a word.
 * When no plan can be reported, the command fails: exit 2. A render that returns null (it said
 * why on stderr) adds nothing.
 */
export async function reportPlans(
  backlog: Backlog,
  options: PlanOption & { format: string; color: boolean; skipped?: (error: UsageError) => boolean },
  render: (plan: Backlog, name: string | null) => Promise<string | null> | string | null,
): Promise<string> {
  const reports = [];
  const skips: UsageError[] = [];
  let failed = false;
  for (const { name, backlog: plan } of choosePlans(backlog, options.plan)) {
    try {
      const content = await render(plan, name);
      if (content !== null) reports.push({ name, content });
    } catch (error) {
      if (!(error instanceof UsageError) || name === null) throw error;
      if (options.skipped?.(error)) skips.push(error);
      else {
        writeErr(`backlog: plan ${name}: ${error.message}`);
        failed = true;
      }
    }
  }
  if (failed && reports.length === 0) throw new InputsReported();
  if (skips.length > 0 && reports.length === 0) throw skips[0];
  if (reports.length === 0) return '';
  return joinPlanReports(reports, options.format, options.color);
}
