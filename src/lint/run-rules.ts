import { severityOf } from '../config/types.js';
import { configOfFile } from './file-config.js';
import type { Severity } from '../model/types.js';
import { parseInlineConfig, type InlineConfig } from './inline-config.js';
import { RULES } from './rules/index.js';
import { plansOf } from '../model/plans.js';
import type { LintResult, Problem, Report, Rule, RuleContext } from './types.js';

/** The severity a rule runs at under this config, or null when it is switched off. */
function ruleSeverity(rule: Rule, settings: Readonly<Record<string, string>>): Severity | null {
  const setting = settings[rule.name];
  if (setting === 'off' || setting === 'warn' || setting === 'error') return severityOf(setting);
  return rule.defaultSeverity;
}

/**
 * Runs every enabled rule and collects what they report: severity from the config of the
 * problem's file, problems switched off by inline comments dropped, the rest sorted by file,
 * line and column. A rule runs when some file's config has it on, over each plan apart: a
 * sprint's capacity, a stated total or a critical path is checked within its own plan.
 */
export function runRules(context: RuleContext, rules: readonly Rule[] = RULES): LintResult {
  const inline = inlineConfigs(context);
  const problems: Problem[] = [];
  const files = [...context.sources.map((source) => source.file), ...context.backlog.files.map((file) => file.file)];
  const configs = new Set([context.config, ...files.map((file) => configOfFile(context, file))]);
  for (const rule of rules) {
    if (![...configs].some((config) => ruleSeverity(rule, config.rules))) continue;
    const report = (found: Report) => {
      const severity = ruleSeverity(rule, configOfFile(context, found.file).rules);
      if (!severity) return;
      if (inline(found.file)?.isDisabled(rule.name, found.line)) return;
      problems.push({
        file: found.file,
        line: found.line,
        column: found.column ?? 1,
        rule: rule.name,
        severity,
        message: found.message,
        ...(found.fix ? { fix: found.fix } : {}),
      });
    };
    for (const plan of plansOf(context.backlog)) rule.check({ ...context, backlog: plan }, report);
  }
  problems.sort(byPosition);
  return summarize(problems);
}

export function summarize(problems: Problem[]): LintResult {
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return { problems, errorCount, warningCount: problems.length - errorCount };
}

/** Inline comments are read once per file, and only for files that have problems. */
function inlineConfigs(context: RuleContext): (file: string) => InlineConfig | undefined {
  const sources = new Map(context.sources.map((source) => [source.file, source]));
  const parsed = new Map<string, InlineConfig | undefined>();
  return (file) => {
    if (!parsed.has(file)) {
      const source = sources.get(file);
      parsed.set(file, source ? parseInlineConfig(source.text) : undefined);
    }
    return parsed.get(file);
  };
}

function byPosition(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
