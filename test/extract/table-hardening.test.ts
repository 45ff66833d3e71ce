import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rolesOf, unitOfHeader } from '../../src/extract/roles/header-roles.js';
import { parseReferences } from '../../src/extract/values/references.js';
import { readLinks, dependenciesInNote } from '../../src/extract/values/relations.js';
import { backlogFromMarkdown, backlogFromSources } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { decodeBytes } from '../../src/read/decode.js';

const table = (header: string, rows: string[]) => {
  const columns = header.split('|').length;
  return [`| ${header} |`, `|${'---|'.repeat(columns)}`, ...rows.map((row) => `| ${row} |`)].join('\n');
};

const dependencies = (backlog: Backlog) => Object.fromEntries(backlog.items.map((item) => [item.id, item.dependsOn]));
const unread = (backlog: Backlog) =>
  backlog.diagnostics.filter((diagnostic) => diagnostic.rule === 'unread-table').map((diagnostic) => diagnostic.message);

describe('dependencies written as relations (finding 1)', () => {
  it('reads "is blocked by" and "blocks" in a linked-issues column, and no other relation', () => {
    const backlog = backlogFromMarkdown(
      table('Key | Summary | SP | Linked issues', [
        'ACC-1 | Ledger | 5 | ',
        'ACC-2 | Payouts | 8 | is blocked by ACC-1, relates to ACC-4',
        'ACC-3 | Refunds | 3 | blocks ACC-4',
        'ACC-4 | Partial refunds | 5 | duplicates ACC-2; clones ACC-1',
        'ACC-5 | Docs | 1 | relates to ACC-1',
      ]),
    );
    expect(dependencies(backlog)).toEqual({ 'ACC-1': [], 'ACC-2': ['ACC-1'], 'ACC-3': [], 'ACC-4': ['ACC-3'], 'ACC-5': [] });
    expect(backlog.items.flatMap((item) => item.unresolved)).toEqual([]);
  });

  it('reads the relation phrases and where a list of IDs after them ends', () => {
    expect(readLinks('Is blocked by PAY-1, PAY-2 and PAY-3 relates to PAY-9', [])).toEqual({
      dependsOn: ['PAY-1', 'PAY-2', 'PAY-3'],
      successors: [],
    });
    expect(readLinks('depends on PAY-1<br>blocks PAY-7', [])).toEqual({ dependsOn: ['PAY-1'], successors: ['PAY-7'] });
    expect(readLinks('unblocks PAY-7; is cloned by PAY-8', [])).toEqual({ dependsOn: [], successors: [] });
    expect(readLinks('https://tracker.example/browse/PAY-7', [])).toEqual({ dependsOn: [], successors: [] });
  });

  it('takes the Jira CSV link columns by their direction', () => {
    expect(rolesOf('Inward issue link (Blocks)')).toEqual(['dependsOn']);
    expect(rolesOf('Outward issue link (Blocks)')).toEqual(['successors']);
  });

  it('reads a notes cell only where it says "Depends on", "Blocked by" or starts with "after" of IDs', () => {
    const backlog = backlogFromMarkdown(
      table('Key | Summary | SP | Notes', [
        'OPS-1 | Spike | 2 | done',
        'OPS-2 | Upgrade | 8 | Depends on: OPS-1',
        'OPS-3 | Migrate | 5 | Blocked by OPS-2 (waiting on review)',
        'OPS-4 | Cleanup | 3 | after OPS-3; needs OPS-2',
        'OPS-5 | Perf | 5 | not blocked by OPS-4 any more',
        'OPS-6 | Docs | 1 | depends on the vendor contract',
      ]),
    );
    expect(dependencies(backlog)).toEqual({
      'OPS-1': [],
      'OPS-2': ['OPS-1'],
      'OPS-3': ['OPS-2'],
      'OPS-4': ['OPS-3'],
      'OPS-5': [],
      'OPS-6': [],
    });
    expect(dependenciesInNote('no longer depends on OPS-1', [])).toEqual([]);
  });

  it('still takes a notes column as the title when the table has no other', () => {
    const backlog = backlogFromMarkdown(table('ID | Notes | SP', ['N-1 | Write the release notes | 2', 'N-2 | Record the demo | 1']));
    expect(backlog.items.map((item) => item.title)).toEqual(['Write the release notes', 'Record the demo']);
  });
});

describe('dependency cells (finding 2)', () => {
  it('splits on spaces between IDs, on 、 ， ； and drops a "Depends on:" or "is blocked by" label', () => {
    expect(parseReferences('#42 #43')).toEqual(['#42', '#43']);
    expect(parseReferences('R1、R2，R3；R4')).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(parseReferences('Depends on: PAY-101')).toEqual(['PAY-101']);
    expect(parseReferences('is blocked by PAY-101 and PAY-102')).toEqual(['PAY-101', 'PAY-102']);
    expect(parseReferences('З-1 З-2')).toEqual(['З-1', 'З-2']);
    // Words and IDs side by side stay one reference for the model to resolve or report.
    expect(parseReferences('Story 3')).toEqual(['Story 3']);
    expect(parseReferences('Release 2')).toEqual(['Release 2']);
  });

  it('reads an arrow chain as what comes before the item, and what it names after the item as following it', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Task | SP | Depends on', [
        'A-1 | a | 1 | ',
        'A-2 | b | 1 | A-1 → A-2',
        'A-3 | c | 1 | A-1 -> A-2',
        'A-4 | d | 1 | A-2 → A-4 → A-5',
        'A-5 | e | 1 | ',
      ]),
    );
    expect(dependencies(backlog)).toEqual({ 'A-1': [], 'A-2': ['A-1'], 'A-3': ['A-1', 'A-2'], 'A-4': ['A-2'], 'A-5': ['A-4'] });
  });
});

describe('header synonyms and units (finding 3)', () => {
  it('knows dependency headers in French, Chinese and Russian', () => {
    for (const header of ['Prérequis', 'Prerequis', 'Pré-requis', '前置任务', 'Зависит от', 'Зависимости'])
      expect(rolesOf(header), header).toEqual(['dependsOn']);
  });

  it('reads an Azure DevOps iteration path as its sprint', () => {
    const backlog = backlogFromMarkdown(
      table('ID | Title | Effort | Iteration Path', [
        '4812 | Tenant switcher | 5 | Contoso\\Sprint 31',
        '4815 | Theming | 8 | Contoso\\Sprint 32',
      ]),
    );
    expect(backlog.items.map((item) => item.sprint)).toEqual(['Sprint 31', 'Sprint 32']);
  });

  it('takes a WBS column as the ID', () => {
    const backlog = backlogFromMarkdown(
      table('WBS | Task | Duration | Predecessors', ['1.1 | Inventory | 2d | ', '1.2 | Schema | 3d | 1.1']),
    );
    expect(dependencies(backlog)).toEqual({ '1.1': [], '1.2': ['1.1'] });
  });

  it('counts person-days headers in days', () => {
    for (const header of ['MD', 'Man-days', 'PD', 'Person-days', 'Personentage']) {
      expect(rolesOf(header), header).toEqual(['estimate']);
      expect(unitOfHeader(header)?.unit, header).toBe('days');
    }
    expect(unitOfHeader('Aufwand (PT)')?.unit).toBe('days');
    // Outside a German effort header, "pt" stays the points it abbreviates.
    expect(unitOfHeader('Estimate (pt)')?.unit).toBe('points');
    const backlog = backlogFromMarkdown(table('Nr. | Anforderung | Aufwand (PT)', ['A-1 | Artikelstamm | 3', 'A-2 | Inventur | 2,5']));
    expect(backlog.items.map((item) => [item.estimate?.expected, item.estimate?.unit])).toEqual([
      [3, 'days'],
      [2.5, 'days'],
    ]);
  });
});

describe('IDs in other scripts (finding 4)', () => {
  it('reads letter-prefixed IDs in any script under an ID header, with their dependencies', () => {
    const backlog = backlogFromMarkdown(table('№ | Задача | SP | Зависит от', ['ЗАД-1 | Вход | 3 | —', 'ЗАД-2 | Каталог | 5 | ЗАД-1']));
    expect(dependencies(backlog)).toEqual({ 'ЗАД-1': [], 'ЗАД-2': ['ЗАД-1'] });
    expect(backlogFromMarkdown(table('ID | 任务 | SP', ['任务-1 | 登录 | 3', '任务-2 | 订单 | 5'])).items.map((item) => item.id)).toEqual([
      '任务-1',
      '任务-2',
    ]);
  });

  it('reads bare numbers under a № header as under #', () => {
    const backlog = backlogFromMarkdown(table('№ | Задача | Оценка | Зависит от', ['1 | Вход | 3 | —', '2 | Каталог | 5 | 1']));
    expect(dependencies(backlog)).toEqual({ '1': [], '2': ['1'] });
  });

  it('does not pick such IDs out of a column no header calls the ID', () => {
    const backlog = backlogFromMarkdown(table('Этап | Задача | SP', ['ЭТАП-1 | Вход | 3', 'ЭТАП-2 | Каталог | 5']));
    expect(backlog.items).toEqual([]);
  });

  it('says why a table whose ID column holds no IDs was not read', () => {
    const backlog = backlogFromMarkdown(table('ID | Task | SP', ['ЗАД 1 | a task | 3', 'ЗАД 2 | b task | 5']));
    expect(backlog.items).toEqual([]);
    expect(unread(backlog)).toEqual([
      'this table\'s "ID" column holds values that do not read as item IDs (e.g. "ЗАД 1"), so its 2 rows were not read as items (write IDs as a prefix, a hyphen and a number, e.g. "T-1")',
    ]);
  });
});

describe('total rows in other languages (finding 5)', () => {
  it('takes each as the stated total of the table', () => {
    for (const word of ['Итого', 'Всего', '合计', '总计', '合計', 'Σ', 'Totaux', 'Totale', 'Totaal', 'Suma', 'Gesamtsumme']) {
      const backlog = backlogFromMarkdown(table('ID | Story | SP', ['A-1 | a | 5', 'A-2 | b | 3', `**${word}** | | **9**`]));
      expect(
        backlog.claims.map((claim) => claim.kind === 'total' && [claim.value, claim.scope.items]),
        word,
      ).toEqual([[9, ['A-1', 'A-2']]]);
    }
  });

  it('does not take a word that merely starts like one', () => {
    const backlog = backlogFromMarkdown(table('ID | Story | SP', ['Summary | a | 5', 'A-2 | b | 3']));
    expect(backlog.claims).toEqual([]);
  });
});

describe('a header-less column of status marks (finding 6)', () => {
  it('is the status when every mark in it is one', () => {
    const backlog = backlogFromMarkdown(
      table(' | ID | Task | Est.', [
        '✅ | T1 | Copy | 1d',
        '🚧 | T2 | Checkout | 2d',
        '⏳ | T3 | Email | 1d',
        '❌ | T4 | Press | 1d',
        ' | T5 | Kit | 1d',
      ]),
    );
    expect(backlog.items.map((item) => [item.status, item.done])).toEqual([
      ['✅', true],
      ['🚧', false],
      ['⏳', false],
      ['❌', false],
      [null, false],
    ]);
  });

  it('is left alone when it holds anything else', () => {
    const backlog = backlogFromMarkdown(table(' | ID | Task | Est.', ['✅ | T1 | Copy | 1d', '🔥 | T2 | Checkout | 2d']));
    expect(backlog.items.map((item) => item.status)).toEqual([null, null]);
  });
});

describe('IDs at the start of each title (finding 7)', () => {
  it('reads the ID from every title when each one starts with one', () => {
    const backlog = backlogFromMarkdown(
      table('Title | Estimate | Blocked by', [
        '[#42](https://example.com/issues/42) Add dark mode | 3 | ',
        '[#43](https://example.com/issues/43) Shortcuts | 5 | #42',
        '#47 Palette | 8 | #42, #43',
      ]),
    );
    expect(backlog.items.map((item) => [item.id, item.title, item.dependsOn])).toEqual([
      ['#42', 'Add dark mode', []],
      ['#43', 'Shortcuts', ['#42']],
      ['#47', 'Palette', ['#42', '#43']],
    ]);
    const bold = backlogFromMarkdown(
      table('Task | Est.', ['**T1** Landing page | 1d', 'T2: Checkout | 2d', 'T3 — Email | 1d', '**Total** | 4d']),
    );
    expect(bold.items.map((item) => [item.id, item.title])).toEqual([
      ['T1', 'Landing page'],
      ['T2', 'Checkout'],
      ['T3', 'Email'],
    ]);
  });

  it('keeps the table unread when one title has no ID, or the leading words are names of different kinds', () => {
    const missing = backlogFromMarkdown(table('Task | Est. | Owner', ['T1 Landing page | 1d | Ana', 'Checkout | 2d | Ben']));
    expect(missing.items).toEqual([]);
    expect(unread(missing)).toHaveLength(1);
    const products = backlogFromMarkdown(table('Task | Est. | Owner', ['EC2 resize | 1d | Ana', 'RDS2 upgrade | 2d | Ben']));
    expect(products.items).toEqual([]);
  });
});

describe('a tracker export (fixtures/tables/tracker-export.md)', () => {
  const file = 'fixtures/tables/tracker-export.md';
  const backlog = backlogFromSources([{ file, path: file, ...decodeBytes(readFileSync(file), file) }]);

  it('reads links, notes, iteration paths and the Σ row exactly', () => {
    expect(
      backlog.items.map((item) => [
        item.id,
        item.title,
        item.estimate?.expected,
        item.sprint,
        item.dependsOn.join(',') || '-',
        item.unresolved.join(',') || '-',
      ]),
    ).toEqual([
      ['LED-7', 'Double-entry core', 8, 'Sprint 4', '-', '-'],
      ['LED-8', 'Currency table', 3, 'Sprint 4', 'LED-7', '-'],
      ['LED-9', 'Journal import', 5, 'Sprint 5', 'LED-8,LED-7', '-'],
      ['LED-10', 'Audit trail', 2, 'Sprint 5', 'LED-9,LED-8', '-'],
      ['LED-11', 'Export to CSV', 1, null, '-', '-'],
    ]);
    expect(backlog.unit).toBe('points');
    expect(backlog.claims.map((claim) => [claim.kind, claim.kind === 'total' && claim.value])).toEqual([['total', 19]]);
    expect(backlog.diagnostics).toEqual([]);
  });
});
