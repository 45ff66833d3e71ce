import type { Rule } from './types.js';

/**
 * A rule whose problems are found while reading (wrapped rows, bad encoding, unreadable
 * estimates…): the stages record them as diagnostics named after the rule, and the rule only
 * surfaces them, so severity, inline disables and formats work the same as for every rule.
 */
export function diagnosticRule(definition: Omit<Rule, 'check'>): Rule {
  return {
    ...definition,
    check({ backlog }, report) {
      for (const diagnostic of backlog.diagnostics) {
        if (diagnostic.rule !== definition.name) continue;
        report({
          file: diagnostic.file,
          line: diagnostic.line,
          column: diagnostic.column,
          message: diagnostic.message,
          ...(diagnostic.fix ? { fix: diagnostic.fix } : {}),
        });
      }
    },
  };
}
