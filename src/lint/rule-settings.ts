import type { Config } from '../config/types.js';
import { UsageError } from '../errors.js';
import type { Rule } from './types.js';

/**
 * A config that sets a rule that does not exist is a mistake (usually a typo that would
 * silently leave the real rule at its default), reported as a usage error naming the key.
 */
export function checkRuleSettings(config: Config | readonly Config[], rules: readonly Rule[]): void {
  const known = new Set(rules.map((rule) => rule.name));
  const configs: readonly Config[] = 'rules' in config ? [config] : config;
  for (const each of configs) {
    for (const name of Object.keys(each.rules)) {
      if (!known.has(name)) {
        throw new UsageError(`${each.source ?? 'config'}: rules.${name}: unknown rule (run \`backlog lint --rules\` for the list)`);
      }
    }
  }
}
