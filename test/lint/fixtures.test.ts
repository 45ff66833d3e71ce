import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { lint } from '../../src/lint/index.js';
import { RULES } from '../../src/lint/rules/index.js';
import { backlogFromSources } from '../../src/load.js';
import { decodeBytes } from '../../src/read/decode.js';
import type { SourceText } from '../../src/read/source.js';

const root = new URL('../../fixtures/lint/', import.meta.url);

function read(rule: string, name: 'bad' | 'good'): SourceText {
  const file = `${rule}/${name}.md`;
  return { file, path: file, ...decodeBytes(readFileSync(new URL(file, root)), file) };
}

function problems(sources: SourceText[], config = DEFAULT_CONFIG) {
  return lint(backlogFromSources(sources, config), { sources, config }).problems.map((problem) => [
    problem.line,
    problem.rule,
    problem.message,
  ]);
}

/** What a careful reader finds in each bad fixture: every problem, not only the rule's own. */
const EXPECTED: Record<string, [number, string, string][]> = {
  encoding: [
    [5, 'encoding', 'the file is double-encoded UTF-8 (mojibake such as "BÃ¶den"); it was read as "Böden" (run with --fix to repair it)'],
  ],
  'table-row-wrapped': [
    [5, 'table-row-wrapped', 'table row is wrapped onto line 6; it was read as one row (run with --fix to join the lines)'],
    [8, 'table-row-wrapped', 'table row is wrapped onto line 9; it was read as one row (run with --fix to join the lines)'],
  ],
  'table-column-count': [[6, 'table-column-count', 'table row has 4 cells but the header has 3']],
  'unread-table': [
    [
      3,
      'unread-table',
      'this table lists 2 estimated rows but no column identifies them, so they were not read as items (add an ID column)',
    ],
  ],
  'duplicate-id': [[7, 'duplicate-id', 'LIB-1 is defined twice in the same table (first at line 5)']],
  'unparsable-estimate': [[6, 'unparsable-estimate', 'BR-2: "soonish" is not an estimate']],
  'unparsable-sprint': [[6, 'unparsable-sprint', 'BR-2: "after the summer" does not name a sprint']],
  'unread-document': [
    [
      3,
      'unread-document',
      'no items were read, though the document has 3 headings like "Feature: Export"; start each piece of work with an ID (e.g. "T-1 Build API") or give it an estimate (e.g. "Build API (4h)")',
    ],
  ],
  'missing-estimate': [[6, 'missing-estimate', 'CH-2 has no estimate']],
  'unknown-status': [
    [
      5,
      'unknown-status',
      '"Geprüft" is the status of 3 items but no word the reader knows as done or open, so they count as work left; if it means done, declare it in the config (vocabulary: { done: [Geprüft] })',
    ],
  ],
  'estimate-conflict': [[15, 'estimate-conflict', 'FT-2 is estimated differently: "5" (line 8), "8" (line 15)']],
  'status-conflict': [[8, 'status-conflict', 'PC-2 has different statuses: "In progress" (line 6), "Blocked" (line 8)']],
  'unknown-reference': [[6, 'unknown-reference', 'WS-2 depends on "WS-9", which names no item, group or release']],
  'dependency-cycle': [
    [
      5,
      'dependency-cycle',
      'dependency cycle: MV-1 (dependency-cycle/bad.md:5) → MV-2 (dependency-cycle/bad.md:6) → MV-3 (dependency-cycle/bad.md:7) → MV-1 (dependency-cycle/bad.md:5)',
    ],
  ],
  'dependency-order': [
    [7, 'dependency-order', 'SF-3 in Sprint 1 depends on SF-2, committed to the later Sprint 2'],
    [8, 'dependency-order', 'SF-4 in Sprint 2 depends on SF-5, which no sprint holds and is not done'],
  ],
  'sprint-over-capacity': [
    [12, 'sprint-over-capacity', 'Sprint 2 commits 13 points, over its capacity of 10 points ("Capacity: 10 story points", line 14)'],
  ],
  'stated-total-mismatch': [
    [3, 'stated-total-mismatch', 'The document states "Total Remaining: 3 stories | 12 story points" but it lists 4 remaining items'],
    [
      3,
      'stated-total-mismatch',
      'The document states "Total Remaining: 3 stories | 12 story points" but its 4 remaining items add up to 15 points',
    ],
    [7, 'stated-total-mismatch', 'Sprint 1 states "Total Points: 8" but its 3 items add up to 10 points'],
  ],
  'stated-critical-path-mismatch': [
    [13, 'stated-critical-path-mismatch', 'the stated critical path links CW-4 → CW-3, but CW-3 does not depend on CW-4'],
    [13, 'stated-critical-path-mismatch', 'the stated critical path states a length of 12 points, but its 3 items add up to 13 points'],
    [
      13,
      'stated-critical-path-mismatch',
      'the stated critical path is 12 points, but the computed critical path is 15 points: CW-1 → CW-2 → CW-3',
    ],
  ],
  'stated-forecast-mismatch': [
    [
      3,
      'stated-total-mismatch',
      'The document states "Total Remaining: 4 stories | 40 story points" but its 4 remaining items add up to 46 points',
    ],
    [
      16,
      'stated-forecast-mismatch',
      'the projection at 10 points per sprint states 4 sprints, but the 46 points remaining need 5 (4 follows from the stated total of 40)',
    ],
    [18, 'stated-forecast-mismatch', 'the projection at 23 points per sprint states 1 sprint, but the 46 points remaining need 2'],
  ],
};

describe('rule fixtures', () => {
  it('has a bad and a good fixture, and expectations, for every rule', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  for (const rule of RULES.map((entry) => entry.name)) {
    it(`${rule}: bad.md yields exactly what a reader finds, good.md nothing`, () => {
      expect(problems([read(rule, 'bad')])).toEqual(EXPECTED[rule]);
      expect(problems([read(rule, 'good')])).toEqual([]);
    });
  }

  it('the rule stays quiet about its bad fixture when the config turns it off', () => {
    for (const rule of RULES.map((entry) => entry.name)) {
      const config = { ...DEFAULT_CONFIG, rules: { [rule]: 'off' as const } };
      expect(problems([read(rule, 'bad')], config).filter(([, name]) => name === rule)).toEqual([]);
    }
  });
});
