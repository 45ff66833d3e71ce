import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { itemRows } from '../helpers/item-rows.js';

const table = (header: string, rows: string[]) => {
  const columns = header.split('|').length;
  return [`| ${header} |`, `|${'---|'.repeat(columns)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
};

const doc = (...parts: string[]) => parts.join('\n\n');
const rules = (backlog: Backlog) => backlog.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.rule}`);

describe('column roles from content as well as header words', () => {
  it('takes a "Scope" or "Feature" column of distinct phrases as the title, not as one-item groups', () => {
    const backlog = backlogFromMarkdown(
      table('Ticket | Scope | Estimate', [
        'PM-1 | Generator and manifest scaffolding | 1.5 days',
        'PM-2 | Llama family recipe and contract | 2 days',
        'PM-3 | Coverage matrix CI gate | 0.5 day',
      ]),
    );
    expect(itemRows(backlog)).toEqual([
      'PM-1 | Generator and manifest scaffolding | 1.5 days | - | - | - | open | -',
      'PM-2 | Llama family recipe and contract | 2 days | - | - | - | open | -',
      'PM-3 | Coverage matrix CI gate | 0.5 days | - | - | - | open | -',
    ]);
    expect(backlog.groups).toEqual([]);
    expect(backlog.items.map((item) => item.group)).toEqual([null, null, null]);
  });

  it('keeps a column that repeats its values as the group', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Feature | Title | SP', ['A-1 | Billing | Invoice PDF | 3', 'A-2 | Billing | Refunds | 5', 'A-3 | Search | Facets | 2']),
    );
    expect(backlog.items.map((item) => [item.id, item.title, item.group])).toEqual([
      ['A-1', 'Invoice PDF', 'Billing'],
      ['A-2', 'Refunds', 'Billing'],
      ['A-3', 'Facets', 'Search'],
    ]);
  });

  it('takes no title from a column that repeats its values: the sections below give it', () => {
    const backlog = backlogFromMarkdown(
      doc(
        table('ID | Severity | Hours', ['TD-1 | 🔴 Critical | 16', 'TD-2 | 🔴 Critical | 3', 'TD-3 | 🟢 Low | 2']),
        '## TD-1: SPA anti-pattern on a single route',
        '## TD-2: Hard-coded fallback secret',
        '## TD-3: Missing pagination',
      ),
    );
    expect(itemRows(backlog)).toEqual([
      'TD-1 | SPA anti-pattern on a single route | 16 hours | - | - | - | open | -',
      'TD-2 | Hard-coded fallback secret | 3 hours | - | - | - | open | -',
      'TD-3 | Missing pagination | 2 hours | - | - | - | open | -',
    ]);
  });

  it('reads a header matched by one loose word over sentences as notes, not as an estimate', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Title | Planner → implementer handoff point', [
        'T-1 | Command surface | Start once this plan is approved by the team',
        'T-2 | Install carry-forward | Start after the first commit; depends on T-1',
      ]),
    );
    expect(itemRows(backlog)).toEqual([
      'T-1 | Command surface | - | - | - | - | open | -',
      'T-2 | Install carry-forward | - | - | T-1 | - | open | -',
    ]);
    expect(rules(backlog)).toEqual([]);
  });

  it('reads a header that is only a unit word as the estimate in that unit', () => {
    const japanese = backlogFromMarkdown(
      table('タスクID | タスク名 | 時間 | 依存', ['UF-001 | 構成分析 | 30分 | なし', 'UF-002 | Storage拡張 | 1.5時間 | UF-001']),
    );
    expect(itemRows(japanese)).toEqual([
      'UF-001 | 構成分析 | 0.5 hours | - | - | - | open | -',
      'UF-002 | Storage拡張 | 1.5 hours | - | UF-001 | - | open | -',
    ]);
    const german = backlogFromMarkdown(table('ID | Aufgabe | Tage', ['K-1 | Böden schleifen | 2', 'K-2 | Küche ausstatten | 0,5']));
    expect(itemRows(german)).toEqual([
      'K-1 | Böden schleifen | 2 days | - | - | - | open | -',
      'K-2 | Küche ausstatten | 0.5 days | - | - | - | open | -',
    ]);
  });

  it('does not take a week or day column counted along the rows as an estimate', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | Day | SP', ['W-1 | Kickoff | 1 | 2', 'W-2 | Design | 1 | 3', 'W-3 | Build | 2 | 5', 'W-4 | Ship | 3 | 1']),
    );
    expect(backlog.items.map((item) => item.estimate?.expected)).toEqual([2, 3, 5, 1]);
    expect(backlog.unit).toBe('points');
  });
});

describe('numbers under a word for items identify the rows', () => {
  it('names them "<Header> N" when the document writes them so, and reads "Step 1-3" as those rows', () => {
    const backlog = backlogFromMarkdown(
      doc(
        '## Step plan',
        table('Step | Status | 作業概要 | 工数 | 依存', [
          '1 | ✅ | streak logic | 0.6h | —',
          '2 | ✅ | tier messages | 0.6h | Step 1',
          '3 | ✅ | smoke tests | 0.5h | Step 2',
          '4 | ⏳ | review | 0.4h | Step 1-3',
          '5 | ⏳ | refactor | 0.3h | 4',
        ]),
      ),
    );
    expect(itemRows(backlog)).toEqual([
      'Step 1 | streak logic | 0.6 hours | - | - | ✅ | done | -',
      'Step 2 | tier messages | 0.6 hours | - | Step 1 | ✅ | done | -',
      'Step 3 | smoke tests | 0.5 hours | - | Step 2 | ✅ | done | -',
      'Step 4 | review | 0.4 hours | - | Step 1,Step 2,Step 3 | ⏳ | open | -',
      'Step 5 | refactor | 0.3 hours | - | Step 4 | ⏳ | open | -',
    ]);
  });

  it('keeps the bare numbers when the document never writes "<Header> N"', () => {
    const backlog = backlogFromMarkdown(table('Schritt | Beschreibung | Aufwand', ['1 | Daten sichern | 2h', '2 | Migration | 4h']));
    expect(itemRows(backlog)).toEqual([
      '1 | Daten sichern | 2 hours | - | - | - | open | -',
      '2 | Migration | 4 hours | - | - | - | open | -',
    ]);
  });

  it('attaches a table numbered under "Task" to the "### Task N" headings it restates, its "Start after Task 1" a dependency', () => {
    const backlog = backlogFromMarkdown(
      doc(
        table('Task | Plan owner | Planner → implementer handoff point', [
          '1 | planner | Start once this plan is approved',
          '2 | planner | Start after Task 1 commit; contracts must be green',
        ]),
        '### Task 1: Add the command surface',
        '### Task 2: Carry forward the installer',
      ),
    );
    expect(itemRows(backlog)).toEqual([
      'Task 1 | Add the command surface | - | - | - | - | open | -',
      'Task 2 | Carry forward the installer | - | - | Task 1 | - | open | -',
    ]);
    expect(backlog.items.map((item) => item.fields['Plan owner'])).toEqual(['planner', 'planner']);
    expect(rules(backlog)).toEqual([]);
  });

  it('reads a procedure table of numbered steps with nothing about work as no items', () => {
    const backlog = backlogFromMarkdown(table('Step | Action | Expected', ['1 | Open the app | Login page', '2 | Sign in | Dashboard']));
    expect(backlog.items).toEqual([]);
  });
});

describe('rows that name items the document defines elsewhere', () => {
  const headings = [
    '### Task 1: Add the thin command surface',
    '### Task 2: Carry forward the installer',
    '### Task 3: Provision the workspace',
  ];

  it('attaches a three-point table keyed by "Task N — …" to the headings, subtotals apart', () => {
    const backlog = backlogFromMarkdown(
      doc(
        'PERT ranges in implementation days:',
        table('Slice | Optimistic | Most likely | Pessimistic', [
          'Task 1 — command surface | 0.5 | 1.0 | 1.5',
          'Task 2 — installer | 0.5 | 1.0 | 1.5',
          '**Phase 1 subtotal** | **1.0** | **2.0** | **3.0**',
          'Task 3 — provision | 1.0 | 1.5 | 2.5',
        ]),
        ...headings,
      ),
    );
    expect(backlog.items.map((item) => [item.id, item.title, item.estimate?.raw])).toEqual([
      ['Task 1', 'Add the thin command surface', '0.5 / 1.0 / 1.5'],
      ['Task 2', 'Carry forward the installer', '0.5 / 1.0 / 1.5'],
      ['Task 3', 'Provision the workspace', '1.0 / 1.5 / 2.5'],
    ]);
  });

  it('reads a summary table keyed by "W0 …" (suffixed IDs among their siblings too) after the headings', () => {
    const backlog = backlogFromMarkdown(
      doc(
        '### W0b · Source fingerprint',
        '### W0 · Skeleton and contracts',
        '### W1 · Kernel tick',
        table('Work package | Person-days | Deliverable', [
          'W0 Contracts | 0.5 | verify.sh',
          'W0b Fingerprint | 0.5 | digest.py',
          'W1 Kernel | 3 | tick.py',
        ]),
      ),
    );
    expect(itemRows(backlog)).toEqual([
      'W0b | Source fingerprint | 0.5 days | - | - | - | open | -',
      'W0 | Skeleton and contracts | 0.5 days | - | - | - | open | -',
      'W1 | Kernel tick | 3 days | - | - | - | open | -',
    ]);
  });

  it('takes a schedule keyed by "Epic N: …" with its dependencies, and leaves a cell listing IDs alone', () => {
    const backlog = backlogFromMarkdown(
      doc(
        '## Epic 1: Documentation Content Audit',
        '## Epic 2: MDBook Setup',
        '## Epic 3: Publish',
        table('Phase | Epic | Duration | Predecessors', [
          'Phase 1 | Epic 1: Content Audit | 1 day | None',
          'Phase 1 | Epic 2: MDBook Setup | 2 days | None',
          'Phase 2 | Epic 3: Publish | 1 day | Epics 1–2',
        ]),
        table('Phase | Tickets | Total Effort', ['Now | Epic 1, Epic 2 | 3 days', 'Later | Epic 3 | 1 day']),
      ),
    );
    expect(backlog.items.map((item) => [item.id, item.title, item.estimate?.expected, item.dependsOn])).toEqual([
      ['Epic 1', 'Documentation Content Audit', 1, []],
      ['Epic 2', 'MDBook Setup', 2, []],
      ['Epic 3', 'Publish', 1, ['Epic 1', 'Epic 2']],
    ]);
  });
});

describe('tables that annotate items define none', () => {
  const items = table('ID | Title | SP', ['LMS-1 | Enrollment | 5', 'LMS-2 | Grading | 3', 'LMS-3 | Offline queue | 8']);

  it('a traceability matrix whose last column maps statements to tickets or "Maintenance"', () => {
    const backlog = backlogFromMarkdown(
      doc(
        items,
        table('Proposal Statement | Status | Ticket', [
          'Teachers enroll students | Implemented | LMS-1',
          'The site stays up | Implemented | Maintenance',
          'Grades are exported | Missing | LMS-2',
          'Grades sync nightly | Partial | LMS-2',
        ]),
      ),
    );
    expect(itemRows(backlog)).toEqual([
      'LMS-1 | Enrollment | 5 points | - | - | - | open | -',
      'LMS-2 | Grading | 3 points | - | - | - | open | -',
      'LMS-3 | Offline queue | 8 points | - | - | - | open | -',
    ]);
    expect(rules(backlog)).toEqual([]);
  });

  it('a table of files per task that repeats the task IDs', () => {
    const backlog = backlogFromMarkdown(
      doc(
        items,
        table('タスク | ファイル | 完了予定', ['LMS-1 | src/a.ts | Day 1', 'LMS-1 | src/b.ts | Day 1', 'LMS-2 | src/c.ts | Day 2']),
      ),
    );
    expect(backlog.items.map((item) => [item.id, Object.keys(item.fields)])).toEqual([
      ['LMS-1', ['ID', 'Title', 'SP']],
      ['LMS-2', ['ID', 'Title', 'SP']],
      ['LMS-3', ['ID', 'Title', 'SP']],
    ]);
    expect(rules(backlog)).toEqual([]);
  });

  it('a row-numbered table of checks with no estimate, dependency, status, owner or sprint', () => {
    const backlog = backlogFromMarkdown(
      doc(items, table('# | 判据 | 命令 | 期望', ['1 | 契约全部合法 | `bash verify.sh` | exit 0', '2 | 确定性回放 | `pytest -q` | 全绿'])),
    );
    expect(backlog.items.map((item) => item.id)).toEqual(['LMS-1', 'LMS-2', 'LMS-3']);
  });

  it('still reports an ID written twice in a table that estimates its rows', () => {
    const backlog = backlogFromMarkdown(table('ID | Story | Points', ['LIB-1 | Search | 5', 'LIB-2 | Renew | 3', 'LIB-1 | Reserve | 5']));
    expect(rules(backlog)).toEqual(['5 duplicate-id']);
  });
});

describe('outline rows of a work breakdown', () => {
  it('head the group of the rows below them and are no items', () => {
    const backlog = backlogFromMarkdown(
      table('WBS Code | Task / Activity | Effort (Person-Days) | Dependency', [
        '**1.0** | **Project Initiation** | | ',
        '1.1 | Requirements | 3 | —',
        '1.2 | Feasibility | 2 | 1.1',
        '**2.0** | **System Design** | | ',
        '2.1 | Schema | 3 | 1.2',
        '3.0 | Testing | 2 | 2.1',
      ]),
    );
    expect(backlog.items.map((item) => [item.id, item.estimate?.expected, item.group, item.dependsOn])).toEqual([
      ['1.1', 3, '1.0 Project Initiation', []],
      ['1.2', 2, '1.0 Project Initiation', ['1.1']],
      ['2.1', 3, '2.0 System Design', ['1.2']],
      ['3.0', 2, null, ['2.1']],
    ]);
    expect(rules(backlog)).toEqual([]);
  });
});

describe('burn-down columns', () => {
  it('hold the work remaining after each sprint: a row down to 0 is done, and no column is a sprint', () => {
    const backlog = backlogFromMarkdown(
      table('PRIORITY | ITEM | INITIAL SIZE ESTIMATE | 1 | 2 | 3', [
        '1 | bootstrap del progetto | 4 | 2 | 2 | 0',
        '2 | configurazione iniziale | 4 | 4 | 3 | 1',
        '3 | logger | 5 | 3 | | ',
      ]),
    );
    expect(itemRows(backlog)).toEqual([
      '1 | bootstrap del progetto | 4 points | - | - | - | done | -',
      '2 | configurazione iniziale | 4 points | - | - | - | open | -',
      '3 | logger | 5 points | - | - | - | open | -',
    ]);
    expect(backlog.sprints).toEqual([]);
  });
});

describe('sprint cells', () => {
  it('keep a span of sprints as one sprint, and say when a cell names none', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Категория | Оценка (ч) | Спринт', [
        'TD-01 | Архитектура | 16 | 1-2',
        'TD-02 | Код | 3 | 1',
        'TD-03 | Код | 2 | 2 или 3',
        'TD-04 | API | 1 | —',
      ]),
    );
    expect(backlog.items.map((item) => [item.id, item.sprint])).toEqual([
      ['TD-01', 'Sprint 1-2'],
      ['TD-02', 'Sprint 1'],
      ['TD-03', null],
      ['TD-04', null],
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.key, sprint.name])).toEqual([
      ['1', 'Sprint 1'],
      ['1-2', 'Sprint 1-2'],
    ]);
    expect(backlog.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.rule, diagnostic.message])).toEqual([
      [5, 'unparsable-sprint', 'TD-03: "2 или 3" does not name a sprint'],
    ]);
  });
});

describe('work a table lists without IDs', () => {
  it('is read as anonymous items when its dependencies name other rows by title or "All above"', () => {
    const backlog = backlogFromMarkdown(
      doc(
        '## Timeline',
        table('Task | Duration | Depends On', [
          'Backend API endpoint | 1-2 days | stdlib/core.kleis',
          'stdlib/core.kleis | 1 day | -',
          'Frontend integration | 2-3 days | Backend API',
          'Testing & polish | 1-2 days | All above',
        ]),
      ),
      'plan.md',
    );
    expect(itemRows(backlog)).toEqual([
      'plan.md:5 | Backend API endpoint | 1.5 days | - | plan.md:6 | - | open | -',
      'plan.md:6 | stdlib/core.kleis | 1 days | - | - | - | open | -',
      'plan.md:7 | Frontend integration | 2.5 days | - | plan.md:5 | - | open | -',
      'plan.md:8 | Testing & polish | 1.5 days | - | plan.md:5,plan.md:6,plan.md:7 | - | open | -',
    ]);
    expect(backlog.items.every((item) => item.anonymous)).toBe(true);
    expect(rules(backlog)).toEqual([]);
  });

  it('stays unread without that evidence', () => {
    const backlog = backlogFromMarkdown(table('Task | Owner | Estimate', ['Paint the counter | Noor | 4h', 'Fit new shelves | Sam | 1d']));
    expect(backlog.items).toEqual([]);
    expect(rules(backlog)).toEqual(['1 unread-table']);
  });
});

describe('row lines', () => {
  it('are each row’s own line when rows above were skipped', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Title | SP', [
        'Later | Nice to have | ',
        '— | Section | ',
        'A-1 | Login | 3',
        'A-2 | Logout | 1',
        'A-1 | Login again | 3',
      ]),
    );
    expect(backlog.items.map((item) => [item.id, item.source.line])).toEqual([
      ['A-1', 5],
      ['A-2', 6],
    ]);
    expect(rules(backlog)).toEqual(['7 duplicate-id']);
  });
});
