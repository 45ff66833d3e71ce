import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/lint/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/lint/formatters/github.js';
import { RULES } from '../../src/lint/rules/index.js';
import type { LintResult } from '../../src/lint/types.js';

const result: LintResult = {
  problems: [
    {
      file: 'docs/a b.md',
      line: 3,
      column: 1,
      rule: 'table-row-wrapped',
      severity: 'warning',
      message: 'table row is wrapped onto line 4',
      fix: { start: 5, end: 7, text: ' ' },
    },
    {
      file: 'docs/a b.md',
      line: 12,
      column: 5,
      rule: 'stated-total-mismatch',
      severity: 'error',
      message: 'Sprint 5 states "Total: 49" but its 9 items add up to 52 points',
    },
    {
      file: 'plan.md',
      line: 7,
      column: 1,
      rule: 'unknown-reference',
      severity: 'warning',
      message: 'A-1 depends on "x|y, 100%", which names no item',
    },
  ],
  errorCount: 1,
  warningCount: 2,
};
const empty: LintResult = { problems: [], errorCount: 0, warningCount: 0 };
const options = { color: false, rules: RULES, version: '1.2.3' };

describe('stylish', () => {
  it('groups by file, aligns columns and ends with a summary', () => {
    expect(FORMATTERS.stylish(result, options)).toBe(
      [
        'docs/a b.md',
        '  3:1   warning  table row is wrapped onto line 4                                 table-row-wrapped',
        '  12:5  error    Sprint 5 states "Total: 49" but its 9 items add up to 52 points  stated-total-mismatch',
        '',
        'plan.md',
        '  7:1  warning  A-1 depends on "x|y, 100%", which names no item  unknown-reference',
        '',
        '✖ 3 problems (1 error, 2 warnings)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when there is nothing to report, and colours only when asked', () => {
    expect(FORMATTERS.stylish(empty, options)).toBe('');
    expect(FORMATTERS.stylish(result, options)).not.toContain('\u001b[');
    const coloured = FORMATTERS.stylish(result, { ...options, color: true });
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured).toContain('\u001b[33mwarning');
  });
});

describe('json', () => {
  it('keeps the contract fields, says what is fixable and leaves fix texts out', () => {
    expect(JSON.parse(FORMATTERS.json(result, options))).toEqual({
      problems: [
        {
          file: 'docs/a b.md',
          line: 3,
          column: 1,
          rule: 'table-row-wrapped',
          severity: 'warning',
          message: 'table row is wrapped onto line 4',
          fixable: true,
        },
        {
          file: 'docs/a b.md',
          line: 12,
          column: 5,
          rule: 'stated-total-mismatch',
          severity: 'error',
          message: 'Sprint 5 states "Total: 49" but its 9 items add up to 52 points',
          fixable: false,
        },
        {
          file: 'plan.md',
          line: 7,
          column: 1,
          rule: 'unknown-reference',
          severity: 'warning',
          message: 'A-1 depends on "x|y, 100%", which names no item',
          fixable: false,
        },
      ],
      errorCount: 1,
      warningCount: 2,
      schemaVersion: 1,
    });
  });
});

describe('github', () => {
  it('writes one workflow annotation per problem', () => {
    expect(FORMATTERS.github(result, options).split('\n')).toEqual([
      '::warning file=docs/a b.md,line=3,col=1,title=table-row-wrapped::table row is wrapped onto line 4',
      '::error file=docs/a b.md,line=12,col=5,title=stated-total-mismatch::Sprint 5 states "Total: 49" but its 9 items add up to 52 points',
      '::warning file=plan.md,line=7,col=1,title=unknown-reference::A-1 depends on "x|y, 100%25", which names no item',
      '',
    ]);
    expect(FORMATTERS.github(empty, options)).toBe('');
  });

  it('escapes data and property values as the workflow-command spec says', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('C:\\docs,a%.md\n')).toBe('C%3A\\docs%2Ca%25.md%0A');
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with the rule registry and one result per problem', () => {
    const log = JSON.parse(FORMATTERS.sarif(result, options));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('backlog');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.name));
    const index = RULES.findIndex((rule) => rule.name === 'stated-total-mismatch');
    expect(run.tool.driver.rules[index]).toEqual({
      id: 'stated-total-mismatch',
      shortDescription: { text: RULES[index].description },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['claims', 'totals'] },
    });
    expect(run.results[1]).toEqual({
      ruleId: 'stated-total-mismatch',
      ruleIndex: index,
      level: 'error',
      message: { text: 'Sprint 5 states "Total: 49" but its 9 items add up to 52 points' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/a%20b.md' }, region: { startLine: 12, startColumn: 5 } } }],
    });
    expect(run.results.map((entry: { level: string }) => entry.level)).toEqual(['warning', 'error', 'warning']);
  });
});

describe('md', () => {
  it('is a markdown table with pipes escaped and a summary', () => {
    expect(FORMATTERS.md(result, options)).toBe(
      [
        '| File | Line | Column | Severity | Rule | Message |',
        '| --- | ---: | ---: | --- | --- | --- |',
        '| docs/a b.md | 3 | 1 | warning | `table-row-wrapped` | table row is wrapped onto line 4 |',
        '| docs/a b.md | 12 | 5 | error | `stated-total-mismatch` | Sprint 5 states "Total: 49" but its 9 items add up to 52 points |',
        '| plan.md | 7 | 1 | warning | `unknown-reference` | A-1 depends on "x\\|y, 100%", which names no item |',
        '',
        '**3 problems** (1 error, 2 warnings)',
        '',
      ].join('\n'),
    );
    expect(FORMATTERS.md(empty, options)).toBe('No problems found.\n');
  });
});
