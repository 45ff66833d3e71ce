import type { Rule } from '../types.js';
import type { LintFormat } from './names.js';

/** `backlog lint --rules`: every rule with its default severity and what it finds. */
export function formatRuleList(rules: readonly Rule[], format: LintFormat): string {
  if (format === 'json' || format === 'sarif') {
    const list = rules.map((rule) => ({
      name: rule.name,
      defaultSeverity: rule.defaultSeverity,
      fixable: rule.fixable === true,
      tags: rule.tags,
      description: rule.description,
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  if (format === 'md') {
    const rows = rules.map(
      (rule) => `| \`${rule.name}\` | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : ''} | ${rule.description.replace(/\|/g, '\\|')} |`,
    );
    return `${['| Rule | Default | Fixable | Description |', '| --- | --- | --- | --- |', ...rows].join('\n')}\n`;
  }
  const nameWidth = Math.max(...rules.map((rule) => rule.name.length));
  return rules
    .map(
      (rule) =>
        `${rule.name.padEnd(nameWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? '(fixable) ' : ''}${rule.description}\n`,
    )
    .join('');
}
