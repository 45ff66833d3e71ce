import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDocuments } from '../helpers/shared-docs.js';
import { backlogFromSources } from '../../src/load.js';
import { sumExpected, workItems } from '../../src/model/totals.js';
import { decodeBytes } from '../../src/read/decode.js';

/**
 * The second development corpus: real documents with a careful reader's labels
 * (../shared/corpus/dev2, beside the clone; `npm run corpus` scores every label). Each row is
 * what the reader reads today — work items, unit, total, done, sprints, dependency edges — and
 * agrees with the labels except where a comment says why not.
 */
const { dir: corpus, present } = sharedDocuments('corpus/dev2');

const expected: [file: string, items: number, unit: string | null, total: number, done: number, sprints: number, edges: number][] = [
  ['a01-mabini-lms-delivery.md', 12, 'points', 131, 3, 2, 8],
  ['a02-dso-sprint-plan.md', 98, 'hours', 383.5, 0, 11, 0],
  // 178 edges of 182: "All recommenders" (B3 blocks C1…C5) names no group the document defines.
  ['a03-hotdash-growth-roadmap.md', 44, 'hours', 81, 2, 3, 178],
  ['a05-ukr-shared-detector-tracker.md', 9, 'days', 6.5, 9, 0, 14],
  // The labels count PMAT-300…314 done from a sentence ("has shipped two waves: v1 (PMAT-300..308)").
  ['a07-apr-cookbook-pmat-tickets.md', 20, 'days', 20.5, 0, 0, 14],
  ['a09-sqlidentity-launch-board.md', 18, 'days', 63, 0, 0, 17],
  ['b01-tr-feed-refactor-todo.md', 26, null, 0, 25, 0, 14],
  // One edge of 18 is drawn only in an ASCII graph ("WP-12 ← WP-11, WP-10").
  ['b02-de-pacs008-implementation-plan.md', 13, 'hours', 73.5, 0, 0, 17],
  ['b03-it-scalabank-product-backlog.md', 15, 'points', 69, 15, 0, 0],
  // T-shirt sizes with no scale anywhere: estimated by the labels, unresolved here (not guessed).
  ['b05-ja-harness-improvement-plan.md', 19, null, 0, 4, 4, 13],
  ['b07-ru-tech-debt.md', 20, 'hours', 52.5, 0, 7, 0],
  ['b09-zh-deephealing-v0-plan.md', 15, 'days', 22, 1, 0, 26],
  ['c01-opencap-test-fixes.md', 12, 'points', 29, 1, 0, 0],
  ['c02-snapback-8-week-roadmap.md', 20, 'hours', 144, 0, 8, 11],
  ['c03-mizantrack-workplan.md', 29, 'days', 26, 29, 6, 91],
  ['c05-smart-history-uf-dependencies-ja.md', 12, 'hours', 15.333, 1, 0, 11],
  ['c07-cv-sarkhan-roadmap-ru.md', 11, 'hours', 170, 0, 3, 7],
  ['c09-clocan-tasks-ko.md', 14, 'hours', 48, 0, 4, 4],
  // 8 edges of 13: "Start only after all phase-1 acceptance items are approved" names a phase, not items.
  ['d01-devspace-bare-hub-plan.md', 10, 'days', 10.25, 0, 0, 8],
  ['d02-paladin-milestone11-docs.md', 5, 'sprints', 6, 0, 0, 4],
  // 355 minutes, read in hours.
  ['d03-misopin-phase1-task-tracker.md', 24, 'hours', 5.917, 0, 0, 27],
  ['d05-medicart-blackbook-wbs.md', 32, 'days', 106, 0, 0, 41],
  ['d07-hirai-method-task75-ja.md', 5, 'hours', 2.4, 5, 0, 6],
  ['d09-kleis-equation-editor-milestone.md', 5, 'days', 8, 0, 2, 7],
];

describe.runIf(present)('second development corpus', () => {
  it.each(expected)(
    '%s: %i items, unit %s, total %d, %i done, %i sprints, %i dependency edges',
    (file, items, unit, total, done, sprints, edges) => {
      const full = path.join(corpus, file);
      const backlog = backlogFromSources([{ file, path: full, ...decodeBytes(readFileSync(full), file) }]);
      const work = workItems(backlog);
      expect(work.length).toBe(items);
      expect(backlog.unit).toBe(unit);
      expect(sumExpected(work, backlog.unit)).toBeCloseTo(total, 3);
      expect(work.filter((item) => item.done).length).toBe(done);
      expect(backlog.sprints.length).toBe(sprints);
      expect(work.reduce((sum, item) => sum + item.dependsOn.length, 0)).toBe(edges);
    },
  );
});
