import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { CycleError } from '../../src/analyze/graph.js';
import { lint } from '../../src/lint/index.js';
import { backlogFromMarkdown, sourceFromText } from '../../src/load.js';
import { backlogMarkdown } from './backlog-markdown.js';

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe('items listed again under their own heading (found by the property below)', () => {
  it('stay work items: counted in totals and scheduled', () => {
    const backlog = backlogFromMarkdown(
      '# T-1: Set up CI\n\n| ID | Hours | Blocked by |\n|---|---|---|\n| T-1 | 3 | - |\n| T-2 | 5 | - |\n',
    );
    expect(backlog.items.map((item) => [item.id, item.parent, item.children])).toEqual([
      ['T-1', null, ['T-2']],
      ['T-2', 'T-1', []],
    ]);
    const schedule = criticalPath(backlog);
    expect([schedule.length, schedule.paths]).toEqual([3, [['T-1']]]);
  });

  it('two headings that each list the other: one stays the story', () => {
    const backlog = backlogFromMarkdown(
      '## A-1: Story\n\n| ID | Points |\n|---|---|\n| A-2 | 3 |\n\n## A-2: Other story\n\n| ID | Points |\n|---|---|\n| A-1 | 5 |\n',
    );
    expect(backlog.items.map((item) => [item.id, item.parent, item.children, item.estimate?.expected])).toEqual([
      ['A-1', null, ['A-2'], 5],
      ['A-2', 'A-1', [], 3],
    ]);
  });
});

describe('a stated critical path under a sprint heading with no items (found by the property below)', () => {
  it('is checked for its links, not thrown on for its empty sprint', () => {
    const text =
      '- [ ] Story 1 Set up CI\n\n| Ticket | Size |\n|---|---|\n| US-01 | 3 |\n\n# Sprint 1 (Weeks 1-2): Setup\n\nCritical path: US-01 → Story 1 (0 points)\n';
    const backlog = backlogFromMarkdown(text);
    expect(lint(backlog).problems.map((problem) => [problem.line, problem.rule, problem.message])).toEqual([
      [9, 'stated-critical-path-mismatch', 'the stated critical path links US-01 → Story 1, but Story 1 does not depend on US-01'],
    ]);
  });
});

describe('the whole pipeline over random backlog markdown', () => {
  it('never throws; every diagnostic and source line lies within the document; CPM floats are never negative', () => {
    fc.assert(
      fc.property(backlogMarkdown, (text) => {
        const lines = lineCount(text);
        const backlog = backlogFromMarkdown(text, 'random.md');
        const result = lint(backlog, { sources: [sourceFromText(text, 'random.md')] });

        for (const place of [...backlog.diagnostics, ...result.problems]) {
          expect(place.file).toBe('random.md');
          expect(place.line).toBeGreaterThanOrEqual(1);
          expect(place.line).toBeLessThanOrEqual(lines);
          expect(place.column).toBeGreaterThanOrEqual(1);
        }
        for (const source of [
          ...backlog.items.map((item) => item.source),
          ...backlog.claims.map((claim) => claim.source),
          ...backlog.sprints.map((sprint) => sprint.source),
        ]) {
          expect(source.line).toBeGreaterThanOrEqual(1);
          expect(source.line).toBeLessThanOrEqual(lines);
        }
        expect(result.errorCount + result.warningCount).toBe(result.problems.length);

        // Lint sees the dependencies as written; the critical path folds tasks into their stories,
        // which can dissolve a cycle among one story's tasks or close one through a story. Where
        // nothing is folded, both read the same graph and must agree.
        const cycle = result.problems.some((problem) => problem.rule === 'dependency-cycle');
        const folded = backlog.items.some((item) => item.parent !== null);
        let schedule;
        try {
          schedule = criticalPath(backlog, { all: true });
        } catch (error) {
          expect(error).toBeInstanceOf(CycleError);
          if (!folded) expect(cycle).toBe(true);
          return;
        }
        if (!folded) expect(cycle).toBe(false);
        for (const item of schedule.items) {
          expect(item.totalFloat).toBeGreaterThanOrEqual(0);
          expect(item.freeFloat).toBeGreaterThanOrEqual(0);
          expect(item.freeFloat).toBeLessThanOrEqual(item.totalFloat);
          expect(item.earlyFinish).toBeLessThanOrEqual(schedule.length);
        }
        // Without `all`, done items stand apart: a cycle through them no longer blocks the schedule.
        for (const item of criticalPath(backlog).items) expect(item.totalFloat).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
