import type { Backlog } from '../model/types.js';
import type { Report, Rule } from './types.js';

/**
 * A rule whose problems are found while reading (wrapped rows, bad encoding, unreadable
 * estimates…): the stages record them as diagnostics named after the rule, and the rule only
 * surfaces them, so severity, inline disables and formats work the same as for every rule.
 */
export function diagnosticRule(definition: Omit<Rule, 'check'>): Rule {
  return { ...definition, check: ({ backlog }, report) => surfaceDiagnostics(definition.name, backlog, report) };
}

/** Reports the diagnostics the reading stages recorded under `rule`. */
export function surfaceDiagnostics(rule: string, backlog: Backlog, report: (problem: Report) => void): void {
  for (const diagnostic of backlog.diagnostics) {
    if (diagnostic.rule !== rule) continue;
    report({
      file: diagnostic.file,
      line: diagnostic.line,
      column: diagnostic.column,
      message: diagnostic.message,
      ...(diagnostic.fix ? { fix: diagnostic.fix } : {}),
    });
  }
}
