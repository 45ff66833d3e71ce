import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDocuments } from '../helpers/shared-docs.js';
import { backlogFromSources } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { workItems, sumExpected } from '../../src/model/totals.js';
import { decodeBytes } from '../../src/read/decode.js';

/**
 * The development corpus: real backlogs from public repositories (../shared/corpus/dev, beside
 * the clone in CI). Each row was checked by reading the document: the items a reader sees, the
 * unit, the total of their estimates and the sprints.
 */
const { dir: corpus, present } = sharedDocuments('corpus/dev');

const expected: [file: string, items: number, unit: string | null, total: number, sprints: number][] = [
  ['01-hemograma-user-stories-pt.md', 10, 'points', 78, 5],
  ['03-scrummanager-first-sprint-fr.md', 10, 'days', 8, 0],
  ['04-conduite-projet-backlog-fr.md', 21, 'points', 47, 3],
  ['06-babacus-sprint4-de.md', 10, 'points', 48, 0],
  ['07-portfolio-dashboard-sprint1-backlog.md', 18, 'points', 16, 1],
  ['08-ant-colony-sprint6-backlog.md', 9, 'points', 32, 1],
  ['09-thunder-troop-backlog-html-zh.md', 6, 'points', 12, 0],
  ['11-viet-kconnect-sprint-backlog-ko.md', 59, 'hours', 75, 0],
  ['12-unitn-se2-product-backlog.md', 10, 'points', 535, 0],
  ['13-unitn-se2-sprint-backlog.md', 7, 'points', 255, 2],
  ['14-glassgo-report-chapter5-es.md', 12, null, 0, 0],
  ['15-scrum-projectile-product-backlog-pt.md', 7, 'points', 173, 3],
  ['16-scrum-projectile-sprint1-pt.md', 3, 'points', 80, 1],
  ['18-emberfall-project-board.md', 88, 'days', 143, 0],
  ['20-streamvibes-epics-bmad.md', 47, null, 0, 0],
  ['24-ai-tools-library-user-stories.md', 15, 'points', 47, 3],
  ['25-lessworks-scrum-product-backlog-ru.md', 8, 'points', 116, 0],
];

function load(file: string): Backlog {
  const full = path.join(corpus, file);
  return backlogFromSources([{ file, path: full, ...decodeBytes(readFileSync(full), file) }]);
}

describe.runIf(present)('development corpus', () => {
  it('covers every file of the corpus', () => {
    const files = readdirSync(corpus).filter((file) => file.endsWith('.md') && file !== 'SOURCES.md');
    expect(files.sort()).toEqual(expected.map(([file]) => file).sort());
  });

  it.each(expected)('%s: %i items, unit %s, total %d, %i sprints', (file, items, unit, total, sprints) => {
    const backlog = load(file);
    expect(backlog.items.length).toBe(items);
    expect(backlog.unit).toBe(unit);
    expect(sumExpected(workItems(backlog), backlog.unit)).toBe(total);
    expect(backlog.sprints.length).toBe(sprints);
  });

  it('resolves every dependency the documents write (U+2011 IDs, "Stories 7.2-7.5", "Epic 1 complete")', () => {
    for (const file of ['20-streamvibes-epics-bmad.md', '24-ai-tools-library-user-stories.md']) {
      const backlog = load(file);
      expect(backlog.items.flatMap((item) => item.unresolved)).toEqual([]);
      expect(backlog.items.some((item) => item.dependsOn.length > 0)).toBe(true);
    }
    const streams = load('20-streamvibes-epics-bmad.md');
    expect(streams.items.find((item) => item.id === 'Story 8.2')?.dependsOn).toEqual([
      'Story 8.1',
      'Story 7.2',
      'Story 7.3',
      'Story 7.4',
      'Story 7.5',
    ]);
  });

  it('reads the sprint plan bullets and a kanban table of statuses', () => {
    const tools = load('24-ai-tools-library-user-stories.md');
    expect(tools.sprints[0].items).toEqual(['US‑01', 'US‑03', 'US‑04', 'US‑07']);
    const kanban = load('03-scrummanager-first-sprint-fr.md');
    expect(kanban.items.every((item) => item.done && item.status === 'Done')).toBe(true);
  });
});
