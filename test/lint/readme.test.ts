import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/config/load-config.js';
import { formatRuleList } from '../../src/lint/formatters/rule-list.js';
import { RULES } from '../../src/lint/rules/index.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('\n## lint\n'), readme.indexOf('\n## ', readme.indexOf('\n## lint\n') + 1));

describe('README lint section', () => {
  it('lists the rules exactly as `backlog lint --rules --format md` does', () => {
    expect(section).toContain(formatRuleList(RULES, 'md'));
  });

  it('shows a config that the loader accepts', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const config = parseConfig(parseYaml(yaml), '.backlogrc.yaml');
    expect(config.rules).toEqual({ 'missing-estimate': 'off', 'dependency-order': 'error' });
    expect(config.capacity).toBe(30);
  });
});
