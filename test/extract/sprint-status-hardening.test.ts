import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { plan } from '../../src/analyze/plan.js';
import { priorityRanker } from '../../src/analyze/priority.js';
import { readSprintName } from '../../src/extract/values/sprints.js';
import { lint } from '../../src/lint/index.js';
import { backlogFromMarkdown } from '../../src/load.js';
import { sumExpected, workItems } from '../../src/model/totals.js';
import { item } from '../helpers/make-backlog.js';

const table = (header: string, rows: string[]) => {
  const columns = header.split('|').length;
  return [`| ${header} |`, `|${'---|'.repeat(columns)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
};

describe('sprint headings that do not start with "Sprint N"', () => {
  it('reads the sprint a backlog title names', () => {
    const headings = [
      'Sprint Backlog – Sprint 5',
      'Sprint-Backlog Sprint 5',
      'Backlog for Sprint 5',
      'Backlog du sprint 4',
      'Backlog del Sprint 2',
    ];
    expect(headings.map((text) => [readSprintName(text)?.key, readSprintName(text)?.name])).toEqual([
      ['5', 'Sprint 5'],
      ['5', 'Sprint 5'],
      ['5', 'Sprint 5'],
      ['4', 'Sprint 4'],
      ['2', 'Sprint 2'],
    ]);
    // A backlog title that names no sprint number is no sprint.
    expect(readSprintName('Sprint Backlog — BorneMap MVP-1')).toBeNull();
    expect(readSprintName('Backlog da Sprint')).toBeNull();
    // A cell names the sprint alone, not a title around it.
    expect(readSprintName('Backlog for Sprint 5', true)).toBeNull();
  });

  it('puts the items under such a heading in that sprint, with the capacity it states', () => {
    const backlog = backlogFromMarkdown(
      [
        '# Backlog du sprint 4',
        '',
        'Capacité : 15 jours',
        '',
        '- [x] **FR-1** Connexion (2 j)',
        '- [ ] **FR-2** Tableau de bord (5 j)',
        '',
      ].join('\n'),
    );
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items])).toEqual([['Sprint 4', ['FR-1', 'FR-2']]]);
    expect(backlog.claims.map((claim) => claim.kind === 'capacity' && [claim.scope.sprint, claim.value, claim.unit])).toEqual([
      ['4', 15, 'days'],
    ]);
  });

  it('keeps the dates after a dash out of the name', () => {
    expect(readSprintName('Sprint 7 — 3 Mar → 14 Mar')?.name).toBe('Sprint 7');
    expect(readSprintName('Sprint 7: 2024-03-04 to 2024-03-15')?.name).toBe('Sprint 7');
    const backlog = backlogFromMarkdown(
      ['# Team', '', '## Sprint 7 — 3 Mar → 14 Mar', '', table('# | Story | Points', ['1 | Search | 5', '2 | Export | 3']), ''].join('\n'),
    );
    expect(backlog.sprints.map((sprint) => sprint.name)).toEqual(['Sprint 7']);
    expect(backlog.items.map((entry) => entry.sprint)).toEqual(['Sprint 7', 'Sprint 7']);
  });

  it('reads a title after a dash as a title, and keeps a month-like word', () => {
    expect(readSprintName('Sprint 4 – Config')?.name).toBe('Sprint 4: Config');
    expect(readSprintName('Sprint 4: Marketing')?.name).toBe('Sprint 4: Marketing');
    expect(readSprintName('Sprint 2 (Weeks 3-4): Harvest')?.name).toBe('Sprint 2 (Weeks 3-4): Harvest');
  });

  it('reads "Sprint 5 (carry-over)" in a sprint column as Sprint 5', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | SP | Sprint', ['A-1 | a | 2 | Sprint 5', 'A-2 | b | 3 | Sprint 5 (carry-over)']),
    );
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.items])).toEqual([['Sprint 5', ['A-1', 'A-2']]]);
    expect(backlog.items.map((entry) => entry.sprint)).toEqual(['Sprint 5', 'Sprint 5']);
  });
});

describe('capacity in other languages', () => {
  const capacityOf = (line: string) =>
    backlogFromMarkdown(`## Sprint 1\n\n${line}\n\n- [ ] A-1 x (3 SP)\n`).claims.map(
      (claim) => claim.kind === 'capacity' && [claim.value, claim.unit],
    );

  it('reads the word in each language, with a space before the colon or none between number and unit', () => {
    expect(capacityOf('Capacité : 15 jours')).toEqual([[15, 'days']]);
    expect(capacityOf('キャパシティ: 20pt')).toEqual([[20, 'points']]);
    expect(capacityOf('Ёмкость: 8 SP')).toEqual([[8, 'points']]);
    expect(capacityOf('Емкость: 8 SP')).toEqual([[8, 'points']]);
    expect(capacityOf('容量: 10 点')).toEqual([[10, 'points']]);
    expect(capacityOf('Capacidade: 20 pontos')).toEqual([[20, 'points']]);
    expect(capacityOf('Capacità: 12 SP')).toEqual([[12, 'points']]);
    expect(capacityOf('Kapasite: 30 SP')).toEqual([[30, 'points']]);
  });

  it('reads other stated figures whose key is not ASCII', () => {
    const claims = backlogFromMarkdown('## Sprint 1\n\nИтого: 3 SP\nСкорость: 20\n\n- [ ] A-1 x (3 SP)\n').claims;
    expect(claims.map((claim) => [claim.kind, 'value' in claim ? claim.value : null])).toEqual([
      ['total', 3],
      ['velocity', 20],
    ]);
  });

  it('does not read a word that only contains one', () => {
    expect(capacityOf('Overcapacity: 3 SP')).toEqual([]);
  });
});

describe('cancelled work', () => {
  const statuses = [
    "Won't Do",
    "Won't fix",
    'Won’t do',
    'Cancelled',
    'Canceled',
    'Abandonné',
    'Obsolete',
    '~~Dropped~~',
    'Descartado',
    'Abgebrochen',
    'Отменено',
    '已取消',
  ];

  it('is no remaining work, and keeps the status the document gives', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | SP | Status', [
        ...statuses.map((status, index) => `C-${index + 1} | c | 1 | ${status}`),
        'O-1 | open | 4 | To Do',
        'O-2 | unsure | 2 | ❌',
      ]),
    );
    expect(backlog.items.filter((entry) => entry.done).map((entry) => entry.status)).toEqual(statuses);
    expect(
      sumExpected(
        workItems(backlog).filter((entry) => !entry.done),
        backlog.unit,
      ),
    ).toBe(6);
  });

  it('leaves the critical path, and does not hold up work that depended on it', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | Duration | Depends on | Status', [
        'A-1 | a | 5d | | Cancelled',
        'A-2 | b | 2d | A-1 | To Do',
        'A-3 | c | 3d | | To Do',
      ]),
    );
    const result = criticalPath(backlog);
    expect([result.length, result.paths]).toEqual([3, [['A-3']]]);
  });
});

describe('MoSCoW initials in a priority column', () => {
  it('rank like the words when every priority in the file is MoSCoW', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | SP | MoSCoW', ['A-1 | a | 3 | W', 'A-2 | b | 3 | C', 'A-3 | c | 3 | M', 'A-4 | d | 3 | Must', 'A-5 | e | 3 | S']),
    );
    const planned = plan(backlog, { capacity: 3 }).sprints.map((sprint) => sprint.items.map((entry) => entry.id));
    expect(planned).toEqual([['A-3'], ['A-4'], ['A-5'], ['A-2'], ['A-1']]);
  });

  it('stay unranked next to priorities of another scale', () => {
    const rank = priorityRanker([item('A-1', { priority: 'C' }), item('A-2', { priority: 'High' }), item('A-3', { priority: 'M' })]);
    expect(['C', 'High', 'M'].map((priority) => rank(item('X', { priority })))).toEqual([3.5, 1, 3.5]);
  });

  it('are read per file', () => {
    const other = { file: 'other.md', line: 1 };
    const items = [
      item('A-1', { priority: 'C' }),
      item('A-2', { priority: 'M' }),
      item('B-1', { priority: 'S', source: other }),
      item('B-2', { priority: 'P1', source: other }),
    ];
    const rank = priorityRanker(items);
    expect(items.map(rank)).toEqual([3, 1, 3.5, 1]);
  });
});

describe('a stated critical path of outline numbers', () => {
  const wbs = table('ID | Task | Duration | Predecessors', ['1.1 | a | 2d | ', '1.2 | b | 3d | 1.1']);

  it('is read as a claim, like one of code IDs', () => {
    for (const line of ['Critical path: 1.1 → 1.2 (5 days)', '**Critical path:** 1.1 → 1.2 = 5 days']) {
      const claims = backlogFromMarkdown(`${wbs}\n\n${line}\n`).claims;
      expect(claims.map((claim) => claim.kind === 'critical-path' && [claim.chain, claim.length, claim.unit])).toEqual([
        [['1.1', '1.2'], 5, 'days'],
      ]);
    }
  });

  it('takes bare numbers as IDs only when the chain states its length', () => {
    const numbered = table('# | Task | Duration | Depends on', ['1 | a | 2d | ', '2 | b | 3d | 1']);
    const chainOf = (line: string) =>
      backlogFromMarkdown(`${numbered}\n\n${line}\n`).claims.flatMap((claim) => (claim.kind === 'critical-path' ? [claim.chain] : []));
    expect(chainOf('Critical path: 1 → 2 (5 days)')).toEqual([['1', '2']]);
    expect(chainOf('Critical path: 1 → 2')).toEqual([]);
    expect(chainOf('Critical path grew from 12 → 15 days')).toEqual([]);
  });
});

describe('a wrong stated critical-path length', () => {
  const network = table('ID | Task | Duration | Depends on', ['A-1 | a | 2d | ', 'A-2 | b | 3d | A-1', 'B-1 | c | 1d | ']);
  const problems = (line: string) =>
    lint(backlogFromMarkdown(`${network}\n\n${line}\n`))
      .problems.filter((problem) => problem.rule === 'stated-critical-path-mismatch')
      .map((problem) => [problem.line, problem.message]);

  it('is reported once when the chain is the computed critical path', () => {
    expect(problems('Critical path: A-1 → A-2 (6 days)')).toEqual([
      [7, 'the stated critical path states a length of 6 days, but its 2 items add up to 5 days'],
    ]);
  });

  it('is still compared with the computed path when the chain is not it', () => {
    expect(problems('Critical path: B-1 (2 days)')).toEqual([]);
    expect(problems('Critical path: A-2 → B-1 (6 days)').map(([, message]) => message)).toEqual([
      'the stated critical path links A-2 → B-1, but B-1 does not depend on A-2',
      'the stated critical path states a length of 6 days, but its 2 items add up to 4 days',
      'the stated critical path is 6 days, but the computed critical path is 5 days: A-1 → A-2',
    ]);
  });
});
