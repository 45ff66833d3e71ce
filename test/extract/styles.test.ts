import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backlogFromSources } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { decodeBytes } from '../../src/read/decode.js';

function load(name: string): Backlog {
  const file = `fixtures/styles/${name}`;
  return backlogFromSources([{ file, path: file, ...decodeBytes(readFileSync(file), file) }]);
}

/** One line per item: the fields a planner reads, in a form a test can state exactly. */
function rows(backlog: Backlog): string[] {
  return backlog.items.map((item) =>
    [
      item.id,
      item.title,
      item.estimate ? `${item.estimate.low}-${item.estimate.high} ${item.estimate.unit}` : '-',
      item.sprint ?? '-',
      item.dependsOn.join(',') || '-',
      item.unresolved.join(',') || '-',
      item.status ?? '-',
      item.done ? 'done' : 'open',
    ].join(' | '),
  );
}

describe('one table per epic, no headings (epic-tables.md)', () => {
  const backlog = load('epic-tables.md');

  it('reads every ticket once, with T-shirt sizes through the stated scale and group references expanded', () => {
    expect(rows(backlog)).toEqual([
      'HB-11 | Berth registry | 1-2 days | Sprint 1: Quay Basics | - | - | - | open',
      'HB-12 | Arrival calendar | 3-5 days | Sprint 1: Quay Basics | HB-11 | - | - | open',
      'HB-13 | Tug booking | 0.5-1 days | Sprint 1: Quay Basics | HB-12 | - | - | open',
      'HB-21 | Container scan | 5-7.5 days | Sprint 2: Gate Flow | HB-11,HB-12,HB-13 | - | - | open',
      'HB-22 | Customs hand-off | 3-5 days | - | HB-21 | HB-99 | - | open',
      'HB-23 | Yard map | 3-5 days | Sprint 2: Gate Flow | HB-11,HB-12,HB-13 | - | - | open',
    ]);
  });

  it('keeps partial commitments and the epics with their releases', () => {
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items, sprint.committed, sprint.partial])).toEqual([
      ['Sprint 1: Quay Basics', ['HB-11', 'HB-12', 'HB-13'], 1.5 + 4 + 0.75, { 'HB-13': 'partly for the pilot berth' }],
      ['Sprint 2: Gate Flow', ['HB-21', 'HB-23'], 6.25 + 4, { 'HB-23': 'initial' }],
    ]);
    expect(backlog.groups.map((group) => [group.id, group.name, group.release, group.items])).toEqual([
      ['HB-E1', 'HB-E1 Docking foundation', 'Release A', ['HB-11', 'HB-12', 'HB-13']],
      ['HB-E2', 'HB-E2 Cargo tracking', 'Release B', ['HB-21', 'HB-22', 'HB-23']],
    ]);
    expect(backlog.unit).toBe('days');
  });

  it('records the wrapped row with a fix that joins the two lines', () => {
    expect(backlog.diagnostics.map((d) => [d.rule, d.line])).toEqual([['table-row-wrapped', 15]]);
    const text = readFileSync('fixtures/styles/epic-tables.md', 'utf8');
    const fix = backlog.diagnostics[0].fix!;
    const fixed = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
    expect(fixed.split('\n')[14]).toBe('| HB-12 | Arrival calendar | Show planned arrivals per berth and flag overlaps | M | HB-11 |');
  });
});

describe('tables grouped by size, then sprint plans (size-headings.md)', () => {
  const backlog = load('size-headings.md');

  it('merges each story across the size table and the sprint table', () => {
    expect(rows(backlog)).toEqual([
      'LH-01 | Lamp status API | 2-2 points | Sprint 1: Light On | - | - | - | open',
      'LH-02 | Fog horn schedule | 3-3 points | Sprint 1: Light On | LH-01 | - | - | open',
      'LH-03 | Keeper rota | 3-3 points | Sprint 2: Night Watch | LH-02 | - | - | open',
      'LH-04 | Beam rotation control | 5-5 points | Sprint 1: Light On | LH-01,LH-02 | - | - | open',
      'LH-05 | Night log export | 5-5 points | Sprint 2: Night Watch | LH-03 | - | - | open',
    ]);
    expect(backlog.items[0].appearances.map((place) => place.line)).toEqual([11, 35]);
    expect(backlog.conflicts).toEqual([]);
  });

  it('reads the stated totals, critical path and projection as claims', () => {
    const claims = backlog.claims.map((claim) => {
      if (claim.kind === 'total' || claim.kind === 'count')
        return `${claim.kind} ${claim.which} ${claim.scope.sprint ?? 'file'} ${claim.value} @${claim.source.line}`;
      if (claim.kind === 'critical-path') return `path ${claim.chain.join('>')} ${claim.length} ${claim.unit} @${claim.source.line}`;
      if (claim.kind === 'projection') return `projection ${claim.velocity}->${claim.sprints} @${claim.source.line}`;
      return claim.kind;
    });
    expect(claims).toEqual([
      'count remaining file 5 @3',
      'total remaining file 18 @3',
      'total all 1 9 @31',
      'total all 2 8 @41',
      'path LH-01>LH-02>LH-04>LH-05 15 points @51',
      'projection 6->3 @59',
      'projection 9->2 @60',
    ]);
    expect(backlog.sprints.map((sprint) => sprint.committed)).toEqual([10, 8]);
  });
});

describe('status table plus a section per ticket, double-encoded (status-sections.md)', () => {
  const backlog = load('status-sections.md');

  it('decodes the mojibake and merges table rows with their sections', () => {
    expect(rows(backlog)).toEqual([
      'W1 | Prüfstand aufbauen | - | - | - | - | DONE | done',
      'W2 | Größen messen | - | - | - | - | IN_PROGRESS | open',
      'W3 | Übergabe vorbereiten | - | - | - | - | TODO | open',
    ]);
    expect(backlog.items[1].owner).toBe('Qualität');
    expect(backlog.files[0].repairedMojibake).toBe(true);
    expect(backlog.diagnostics.map((d) => [d.rule, d.line])).toEqual([['encoding', 1]]);
  });
});

describe('sprint headings with track sub-headings (sprint-tracks.md)', () => {
  const backlog = load('sprint-tracks.md');

  it('reads days and hours, tracks, priorities and the unestimated stretch table', () => {
    expect(rows(backlog)).toEqual([
      'GRW-01 | Soil sensor pairing | 3-3 days | Sprint 1 (Weeks 1-2): Seedlings | - | - | - | open',
      'GRW-02 | Irrigation schedule view | 0.5-0.5 days | Sprint 1 (Weeks 1-2): Seedlings | - | - | - | open',
      'PLT-01 | Sensor ingest queue | 2-2 days | Sprint 1 (Weeks 1-2): Seedlings | - | - | - | open',
      'GRW-03 | Harvest forecast chart | 4-4 days | Sprint 2 (Weeks 3-4): Harvest | - | - | - | open',
      'GRW-04 | Picker assignment | 12-12 hours | Sprint 2 (Weeks 3-4): Harvest | - | - | - | open',
      'PLT-02 | Offline mode | - | - | - | - | - | open',
    ]);
    expect(backlog.items.map((item) => [item.track, item.priority])).toEqual([
      ['Grower', 'P0'],
      ['Grower', 'P1'],
      ['Platform', 'P0'],
      ['Grower', 'P0'],
      ['Grower', 'P2'],
      ['Platform', 'P3'],
    ]);
    expect(backlog.sprints.map((sprint) => sprint.committed)).toEqual([5.5, 5.5]);
    expect(backlog.diagnostics).toEqual([]);
  });
});

describe('one heading per story and task (story-headings.md)', () => {
  const backlog = load('story-headings.md');

  it('reads stories, their tasks and checkbox tasks, with points from metadata and parentheses', () => {
    expect(rows(backlog)).toEqual([
      'Story 1 | Mount Calibration | 5-5 points | Sprint 2.1: Telescope Control | - | - | - | open',
      'Task 1.1 | Read encoder offsets | 3-3 points | Sprint 2.1: Telescope Control | - | - | - | open',
      'Task 1.2 | Store calibration profile | 2-2 points | Sprint 2.1: Telescope Control | - | - | - | open',
      'Story 2 | Sky Survey Queue | 3-3 points | Sprint 2.1: Telescope Control | Story 1 | - | Done | done',
      'OBS-7 | Queue persistence | 2-2 hours | Sprint 2.1: Telescope Control | - | - | - | done',
      'OBS-8 | Retry failed exposures | 1-1 hours | Sprint 2.1: Telescope Control | - | - | - | open',
    ]);
    expect(backlog.items.map((item) => [item.id, item.parent, item.children])).toEqual([
      ['Story 1', null, ['Task 1.1', 'Task 1.2']],
      ['Task 1.1', 'Story 1', []],
      ['Task 1.2', 'Story 1', []],
      ['Story 2', null, ['OBS-7', 'OBS-8']],
      ['OBS-7', 'Story 2', []],
      ['OBS-8', 'Story 2', []],
    ]);
    expect(backlog.items[0].priority).toBe('Must Have');
    expect(backlog.items[1].fields['Estimated Time']).toBe('6 hours');
  });

  it('counts stories, not their tasks, in the sprint and reads the overview claims', () => {
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.committed])).toEqual([['Sprint 2.1: Telescope Control', 8]]);
    expect(backlog.claims.map((claim) => [claim.kind, 'value' in claim ? claim.value : null, claim.scope.sprint])).toEqual([
      ['capacity', 8, '2.1'],
      ['count', 2, '2.1'],
    ]);
  });
});

describe('raw HTML table after front matter (html-table.md)', () => {
  it('reads the header below the caption row and decodes entities', () => {
    expect(rows(load('html-table.md'))).toEqual([
      '1 | Wind alerts | 3-3 points | - | - | - | - | open',
      '2 | Spot map & tides | 5-5 points | - | - | - | - | open',
    ]);
  });
});

describe('one file per story with YAML front matter (story-files/)', () => {
  it('reads each file as one item, the title from the front matter or the first heading', () => {
    const files = ['pay-1.md', 'pay-2.md'].map((name) => `fixtures/styles/story-files/${name}`);
    const backlog = backlogFromSources(files.map((file) => ({ file, path: file, ...decodeBytes(readFileSync(file), file) })));
    expect(rows(backlog)).toEqual([
      'PAY-1 | Card tokenisation | 3-3 points | Sprint 2 | - | - | done | done',
      'PAY-2 | Refund flow | 5-5 points | Sprint 3 | PAY-1 | - | - | open',
    ]);
    expect(backlog.items[1].owner).toBe('Ines');
  });
});

describe('a mermaid gantt chart as the only plan (gantt.md)', () => {
  it('reads its tasks as items: IDs, durations, "after" dependencies, sections and done tags', () => {
    const backlog = load('gantt.md');
    expect(rows(backlog)).toEqual([
      'sh1 | Level the site | 2-2 days | - | - | - | - | done',
      'sh2 | Pour the slab | 3-3 days | - | sh1 | - | - | open',
      'sh3 | Raise the walls | 4-4 days | - | sh2 | - | - | open',
      'sh4 | Roof and felt | 2-2 days | - | sh3 | - | - | open',
    ]);
    expect(backlog.items.map((item) => [item.group, item.source.line])).toEqual([
      ['Groundwork', 8],
      ['Groundwork', 9],
      ['Frame', 11],
      ['Frame', 12],
    ]);
  });
});

describe('checklists and a tracker export (checklists.md)', () => {
  it('reads checkbox items under a sprint, estimates in brackets or after a dash, "depends on" notes and Jira sprint names', () => {
    const backlog = load('checklists.md');
    expect(rows(backlog)).toEqual([
      'ABC-1 | Login page | 3-3 points | Sprint 3 | - | - | - | done',
      'ABC-2 | Password reset | 2-2 points | Sprint 3 | ABC-1 | - | - | open',
      'ABC-3 | Remember me | 1-1 points | Sprint 3 | - | - | - | open',
      'ABC-4 | Audit log | 5-5 points | Sprint 4 | - | - | To Do | open',
      'ABC-5 | Export CSV | 3-3 points | - | - | - | - | open',
    ]);
  });
});

describe('bold item lines with list metadata (bold-items.md)', () => {
  it('reads each bold line as an item and the bullets under it as its fields', () => {
    expect(rows(load('bold-items.md'))).toEqual([
      'US-12 | Export CSV | 3-3 points | Sprint 5 | US-10 | - | In progress | open',
      'US-13 | Import CSV | 5-5 points | Sprint 5 | US-12 | - | - | open',
      'US-10 | Data model | 2-2 points | Sprint 5 | - | - | Done | done',
    ]);
  });
});
