import type { SizeRange } from '../../config/types.js';
import type { Block } from '../evidence/blocks.js';
import { rolesOf, unitOfHeader, type Role } from '../roles/header-roles.js';
import { readEstimate, toNumber, unitOfWord, type StatedUnit } from '../values/estimates.js';
import type { DefinedIds } from '../evidence/defined-ids.js';
import { cleanId, idKey, looksLikeColumnId, looksLikeId } from '../values/ids.js';
import { leadingIds, splitLeadingId } from '../values/leading-id.js';
import { LEXICON, perLexicon, type Lexicon } from '../lexicon/lexicon.js';
import { ALL_ABOVE, parseReferences } from '../values/references.js';
import { readSprintName } from '../values/sprints.js';

export interface Column {
  text: string;
  role: Role | undefined;
  unit: StatedUnit | null;
}

interface Common {
  header: Column[];
  /** Rows whose cell count differs from the header's (0-based row index). */
  columnMismatches: { row: number; cells: number }[];
}

/** One row of work in a table of items. */
export interface ItemRow {
  /** The row's ID; for work the table lists without one (`anonymous`), empty until the reader names it by file and line. */
  id: string;
  cells: string[];
  /** The row's index among the table's body rows. */
  row: number;
  /** No column identifies the row: it is named by its file and line. */
  anonymous?: true;
  /** The row restates an item the document defines elsewhere (a heading, a bold line, an entry): its title there. */
  restates?: { title: string };
  /** In a table whose cells start with the ID (`idInTitle`), what follows it there. */
  title?: string;
  /** The outline row above it that heads its group ("| **1.0** | **Project Initiation** | | |"): its ID. */
  group?: string;
}

export type ReadTable =
  | (Common & {
      kind: 'items';
      rows: ItemRow[];
      hasEstimate: boolean;
      threePoint: [number, number, number] | null;
      threePointUnit: StatedUnit | null;
      /** "| **Total** | | **21** |" rows at the foot of the table. */
      totals: { cells: string[]; row: number }[];
      /** "| **Phase 1 subtotal** | 3.5 | …": totals of some rows above, not of the table. */
      subtotals: { cells: string[]; row: number }[];
      /** Kanban tables: one column per status, the item's marked with an X. */
      statusColumns: { index: number; name: string }[] | null;
      /** No ID column: the column whose cells each start with the item's ID ("T1 Landing page", "Task 1 — Setup"). */
      idInTitle: number | null;
      /** Outline rows that head the rows below them ("1.0" over "1.1", "1.2"): groups, not items. */
      groups: { id: string; title: string; row: number }[];
      /** Columns of the work remaining after each sprint (a burn-down per row): the last filled value is what remains. */
      burndown: number[] | null;
      /** The rows are "<word> N" ("Step 1"): references to "Step 1-3" or a bare "2" in the table name its rows. */
      rowWord: { word: string; spaced: boolean } | null;
    })
  | (Common & { kind: 'groups'; rows: { id: string; title: string | null; release: string | null; row: number }[] })
  | (Common & { kind: 'projection'; projections: { velocity: number; sprints: number; raw: string; row: number }[] })
  | (Common & { kind: 'key-values'; pairs: { key: string; value: string; row: number }[] })
  /** A table that annotates items defined elsewhere (a traceability matrix, files per task): it defines none. */
  | (Common & { kind: 'references'; column: number })
  | (Common & { kind: 'other' })
  /**
   * Rows of work with nothing that identifies them: reported, not guessed at. `idColumn` names
   * the column headed as IDs whose values do not read as IDs, when there is one.
   */
  | (Common & { kind: 'unidentified'; rows: number; idColumn?: { header: string; example: string } });

/** What reading a table needs from the rest of its document. */
export interface TableEvidence {
  /** The configured ID patterns. */
  extraIds: readonly RegExp[];
  /** The items the document defines at heading, bold-line and entry leads (evidence/defined-ids.ts). */
  defined?: DefinedIds;
  /** Whether a cell is one of the document's IDs ("H1" among "A1" … "J3"; evidence/id-evidence.ts). */
  isId?: (token: string) => boolean;
}

/** "Total", "Grand total", "Итого", "合計", "Σ" at the start of a foot row's first cells ("Suma częściowa" is a subtotal). */
export function isTotalCell(cell: string): boolean {
  return LEXICON.startsWith('total', cell) > 0 && !LEXICON.contains('subtotal', cell);
}

/** "Phase 1 subtotal", "Zwischensumme", "小計": a total of some of the rows above. */
function isSubtotalCell(cell: string): boolean {
  return LEXICON.contains('subtotal', cell);
}

/** Marks that stand for a status on their own: done, in progress, waiting, dropped, to do. */
const STATUS_MARK = /^(?:[✔✓✅☑✗✘❌❎✖🚧⏳⌛🔄⬜☐]|x)$/iu;

/** A kanban column's header: a status, or a stage of the board ("Backlog", "Review"). */
function isStatusHeader(text: string): boolean {
  return LEXICON.is('openStatus', text) || LEXICON.is('done', text) || LEXICON.is('boardColumn', text);
}

/** Header roles from whole header words only: "Estimate", not "Planner → implementer handoff point". */
const wholeWords = perLexicon((lexicon): Lexicon => ({ ...lexicon, contains: () => false }));

/** Roles whose column says a row is work: what it costs, what it waits for, who does it, when, in what state. */
const WORK_ROLES: readonly Role[] = [
  'estimate',
  'optimistic',
  'likely',
  'pessimistic',
  'dependsOn',
  'successors',
  'links',
  'status',
  'owner',
  'sprint',
];

/** Scripts written without spaces: a title in them is one long "word". */
const RUN_ON = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function plainCell(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Several words: "Action DB Schema", "構成分析と要件定義". */
function isMultiWord(text: string): boolean {
  return /\p{L}\S*\s+\S*\p{L}/u.test(text) || (RUN_ON.test(text) && [...text].length >= 4);
}

/** A sentence rather than a figure: "Start after Task 1 commit; …". */
function isSentence(text: string): boolean {
  return (text.match(/\p{L}+/gu) ?? []).length >= 3;
}

/** The share of the values that are distinct, case and spacing aside. */
function distinctShare(values: readonly string[]): number {
  if (values.length === 0) return 0;
  return new Set(values.map((value) => plainCell(value).toLowerCase())).size / values.length;
}

/** "1, 2, 3" or "1, 1, 2": row numbers, days or weeks counted along the rows, not amounts. */
function countsAlong(values: readonly string[]): boolean {
  if (values.length < 3 || !values.every((value) => /^\d+$/.test(value))) return false;
  const numbers = values.map(Number);
  return (
    numbers[0] <= 1 && numbers.every((value, index) => index === 0 || (value >= numbers[index - 1] && value - numbers[index - 1] <= 1))
  );
}

/** The header without markup or a trailing number sign: "**Step**", "Step #", "Task No." → the word. */
function headerWord(text: string): string {
  return plainCell(text)
    .replace(/\s*(?:#|no\.?|nr\.?|№)$/iu, '')
    .trim();
}

/**
 * Decides what a table holds — items, epics, a velocity projection, stated figures, references
 * to items defined elsewhere, or nothing for the model — and assigns each column its role, from
 * its header words and its content: the ID column holds distinct IDs (or numbers under a word
 * for items, "Step"); a title holds near-unique text; a group repeats its values; an estimate
 * reads as quantities.
 */
export function readTable(block: Extract<Block, { kind: 'table' }>, evidence: TableEvidence): ReadTable {
  const { extraIds, defined } = evidence;
  const headerTexts = block.header.map((cell) => cell.text);
  const cells = block.rows.map((row) => row.map((cell) => cell.text));
  const columnMismatches = block.html
    ? []
    : cells.flatMap((row, index) => (row.length !== headerTexts.length ? [{ row: index, cells: row.length }] : []));
  const candidates = headerTexts.map((text) => rolesOf(text));
  const header: Column[] = headerTexts.map((text) => ({ text, role: undefined, unit: unitOfHeader(text) }));
  const common = { header, columnMismatches };
  const isTotal = (row: string[]) => row.slice(0, 2).some((cell) => isTotalCell(cleanId(cell)));
  // "| **Phase 1 subtotal** | 3.5 |": a short label, not a row whose ID is followed by a title that says "subtotal".
  const isSubtotal = (row: string[]) =>
    !isTotal(row) &&
    !looksLikeColumnId(cleanId(row[0] ?? ''), extraIds) &&
    row.slice(0, 2).some((cell) => isSubtotalCell(plainCell(cell)) && plainCell(cell).split(' ').length <= 5);
  const bodyRows = cells.filter((row) => !isTotal(row) && !isSubtotal(row));
  const nonEmpty = (column: number) => cells.map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
  const bodyValues = (column: number) => bodyRows.map((row) => plainCell(row[column] ?? '')).filter(Boolean);
  const idShare = (column: number, strict: boolean) => {
    const values = nonEmpty(column);
    if (values.length === 0) return 0;
    return values.filter((value) => (strict ? looksLikeId(value, extraIds) : looksLikeColumnId(value, extraIds))).length / values.length;
  };

  const projection = readProjection(headerTexts, cells);
  if (projection) return { ...common, kind: 'projection', projections: projection };

  const demoted = rolesByContent(headerTexts, candidates, header, bodyValues);

  const groupColumn = candidates.findIndex((roles, column) => roles[0] === 'group' && idShare(column, false) >= 0.5);
  if (groupColumn !== -1 && !candidates.some((roles, column) => roles.includes('id') && idShare(column, false) >= 0.5)) {
    return groupTable(common, candidates, cells, groupColumn, headerTexts[groupColumn], extraIds);
  }
  let idColumn = candidates.findIndex((roles, column) => roles.includes('id') && idShare(column, false) >= 0.5);
  // Without an ID header, the first column of ID-like values — unless it names people or roles,
  // or the table is a matrix with a column per sprint (a team allocation, not a list of items).
  const estimateColumn = candidates.findIndex((roles) => roles.includes('estimate'));
  const burndown = burndownColumns(headerTexts, bodyRows, estimateColumn);
  const sprintColumns = headerTexts.filter((text, column) => readSprintName(text, true) && !burndown?.includes(column)).length;
  if (idColumn === -1 && sprintColumns < 2) {
    idColumn = headerTexts.findIndex(
      (_, column) => idShare(column, true) >= 0.8 && !candidates[column].some((role) => role !== 'id' && role !== 'title'),
    );
  }
  // "| Step | … |" over 1, 2, 3: a word for items heads the numbers that identify the rows.
  let rowWord: { word: string; spaced: boolean } | null = null;
  let numberedByWord = false;
  if (idColumn === -1) {
    const numbered = wordNumberColumn(headerTexts, bodyRows);
    if (numbered !== -1) {
      idColumn = numbered;
      numberedByWord = true;
      const word = headerWord(headerTexts[numbered]);
      const written = defined?.numbersAfter(word);
      if (written && bodyValues(numbered).some((value) => written.numbers.has(String(Number(value))))) {
        rowWord = { word, spaced: written.spaced };
      }
    }
  }
  if (idColumn === -1) idColumn = rankAsId(candidates, cells);

  const hasRole = (role: Role, except = -1) => candidates.some((roles, column) => column !== except && roles.includes(role));
  const hasWork = WORK_ROLES.some((role) => hasRole(role, idColumn)) || statusHeaderCount(headerTexts, candidates) >= 2;
  const titleColumn = candidates.findIndex((roles) => roles[0] === 'title');
  // "| Task | … |" over 2…10 where "### Task 2: …" headings define the items: the rows restate them.
  const word = rowWord;
  const restating = word !== null && bodyValues(idColumn).some((value) => defined?.leadOf(rowId(word, value)));

  if (idColumn !== -1) {
    const reference = referenceColumn(candidates, cells, bodyValues, idColumn, hasRole('estimate') || hasRole('optimistic'), extraIds);
    if (reference) return { ...common, kind: 'references', column: idColumn };
  }

  // No ID column: a column whose every cell starts with an item the document defines elsewhere
  // ("Task 1 — Setup", "W0 契约与校验", "Epic 1: Content Audit") restates those items.
  const restated = idColumn === -1 ? definedLeads(candidates, cells, isTotal, isSubtotal, defined) : null;
  const titleIds =
    idColumn === -1 && !restated && titleColumn !== -1
      ? leadingIds(
          bodyRows.map((row) => row[titleColumn] ?? ''),
          extraIds,
        )
      : null;
  const anonymous = idColumn === -1 && !restated && !titleIds ? anonymousWork(headerTexts, candidates, bodyRows) : false;
  if (idColumn === -1 && !restated && !titleIds && !anonymous) {
    if (headerTexts.length === 2 && cells.length > 0) {
      return {
        ...common,
        kind: 'key-values',
        pairs: cells.map((row, index) => ({ key: row[0] ?? '', value: row[1] ?? '', row: index })).filter((pair) => pair.key),
      };
    }
    const unreadIds = unreadIdColumn(
      headerTexts,
      candidates,
      cells.filter((row) => !isTotal(row)),
      extraIds,
    );
    if (unreadIds) return { ...common, kind: 'unidentified', ...unreadIds };
    const estimated = unidentifiedWork(header, candidates, cells);
    return estimated > 0 ? { ...common, kind: 'unidentified', rows: estimated } : { ...common, kind: 'other' };
  }

  if (idColumn !== -1 && (candidates[idColumn].includes('group') || rolesOf(headerTexts[idColumn]).includes('group'))) {
    return groupTable(common, candidates, cells, idColumn, headerTexts[idColumn], extraIds);
  }
  if (idColumn !== -1) {
    const ids = bodyValues(idColumn);
    // Requirement lists (FR1, NFR2, REQ-3) trace scope; they are not work items.
    if (ids.filter((id) => /^(?:N?FR|REQ)[-\s]?\d/i.test(cleanId(id))).length >= 0.8 * ids.length) return { ...common, kind: 'other' };
    // "| # | Criterion | Command | Expected |" numbered 1…n with nothing about work: a numbered list of checks, risks or questions.
    const counter = ids.every((id, index) => Number(cleanId(id).replace('#', '')) === index + 1);
    if ((counter || numberedByWord) && !hasWork && !restating) return { ...common, kind: 'other' };
  }

  const used = new Set<Role>(['id']);
  if (idColumn !== -1) header[idColumn].role = 'id';
  // Specific roles first, so "Ticket" next to an "ID" column is the title, not a second ID.
  for (let column = 0; column < header.length; column++) {
    if (column === idColumn) continue;
    const role = candidates[column].find((candidate) => candidate !== 'id' && !used.has(candidate));
    if (!role) continue;
    header[column].role = role;
    used.add(role);
  }
  // An untitled column of status marks (✅ 🚧 ⏳ ❌) is the status.
  header.forEach((column, index) => {
    const values = nonEmpty(index);
    if (
      !column.text.trim() &&
      !used.has('status') &&
      values.length > 0 &&
      values.every((value) => STATUS_MARK.test(value.replace(/\uFE0F/g, '').trim()))
    ) {
      column.role = 'status';
      used.add('status');
    }
  });
  // Without a title column, the first column of near-unique text: a column that repeats its
  // values is a category or a state, and rows restating items take their titles where those are defined.
  if (!used.has('title') && !restated && !restating) {
    const title = header.findIndex((column, index) => {
      if (index === idColumn || demoted.has(index) || burndown?.includes(index)) return false;
      if (column.role !== undefined && column.role !== 'notes') return false;
      const values = bodyValues(index);
      return values.some((value) => /\p{L}{3,}/u.test(value)) && distinctShare(values) >= 0.8;
    });
    if (title >= 0) header[title].role = 'title';
  }

  const o = header.findIndex((column) => column.role === 'optimistic');
  const m = header.findIndex((column) => column.role === 'likely');
  const p = header.findIndex((column) => column.role === 'pessimistic');
  const threePoint: [number, number, number] | null = o >= 0 && m >= 0 && p >= 0 ? [o, m, p] : null;
  const statusHeaders = header.flatMap((column, index) =>
    (column.role === undefined || column.role === 'status') && isStatusHeader(column.text.trim())
      ? [{ index, name: column.text.trim() }]
      : [],
  );

  const rows: ItemRow[] = [];
  const totals: { cells: string[]; row: number }[] = [];
  const subtotals: { cells: string[]; row: number }[] = [];
  let titled = 0;
  cells.forEach((row, index) => {
    if (isTotal(row)) {
      totals.push({ cells: row, row: index });
      return;
    }
    if (isSubtotal(row)) {
      subtotals.push({ cells: row, row: index });
      return;
    }
    if (restated) {
      const lead = restated.leads[index]!;
      rows.push({ id: lead.id, cells: row, row: index, restates: { title: lead.title }, title: lead.rest });
      return;
    }
    if (titleIds) {
      const title = splitLeadingId(row[titleColumn] ?? '', extraIds)?.title ?? row[titleColumn] ?? '';
      rows.push({ id: titleIds[titled++], cells: row, row: index, title });
      return;
    }
    if (anonymous) {
      rows.push({ id: '', cells: row, row: index, anonymous: true });
      return;
    }
    const id = cleanId(row[idColumn] ?? '', extraIds);
    // A row that repeats the header ("| `ID` | Name | …") is not an item.
    const isId = looksLikeColumnId(id, extraIds) || evidence.isId?.(id) === true;
    if (id && isId && id.toLowerCase() !== cleanId(headerTexts[idColumn]).toLowerCase()) {
      const named = rowWord ? rowId(rowWord, id) : id;
      const lead = rowWord ? defined?.leadOf(named) : null;
      rows.push(lead ? { id: lead.id, cells: row, row: index, restates: { title: lead.title } } : { id: named, cells: row, row: index });
    }
  });
  const workColumns = header.flatMap((column, index) =>
    column.role === 'estimate' || column.role === 'dependsOn' || threePoint?.includes(index) ? [index] : [],
  );
  const groups = idColumn !== -1 && !rowWord ? outlineGroups(rows, workColumns, header) : [];
  return {
    ...common,
    kind: 'items',
    rows: groups.length > 0 ? rows.filter((row) => !groups.some((group) => group.row === row.row)) : rows,
    totals,
    subtotals,
    hasEstimate: used.has('estimate') || threePoint !== null,
    threePoint,
    threePointUnit: threePoint ? (header[threePoint[1]].unit ?? header[threePoint[0]].unit) : null,
    statusColumns: statusHeaders.length >= 2 ? statusHeaders : null,
    idInTitle: restated ? restated.column : titleIds ? titleColumn : null,
    groups,
    burndown,
    rowWord,
  };
}

/**
 * A dependency cell of a table whose rows are "<word> N": "Step 1-3" names Step 1, 2 and 3, a
 * bare "2" names Step 2; anything else is left as written.
 */
export function rowReferences(references: readonly string[], word: { word: string; spaced: boolean }): string[] {
  const range = new RegExp(String.raw`^(?:${escapeRegExp(word.word)})?\s*#?(\d+)\s*(?:-|–|—|~|〜|～|\.\.)\s*(\d+)$`, 'iu');
  const one = new RegExp(String.raw`^(?:${escapeRegExp(word.word)})?\s*#?(\d{1,4})$`, 'iu');
  return references.flatMap((reference) => {
    const span = range.exec(reference.trim());
    if (span && Number(span[2]) > Number(span[1]) && Number(span[2]) - Number(span[1]) <= 100) {
      return Array.from({ length: Number(span[2]) - Number(span[1]) + 1 }, (_, index) => rowId(word, String(Number(span[1]) + index)));
    }
    const single = one.exec(reference.trim());
    return single ? [rowId(word, single[1])] : [reference];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** "Step 3" where the document writes it so, "手順3" where it writes no space. */
function rowId(word: { word: string; spaced: boolean }, value: string): string {
  return `${word.word}${word.spaced ? ' ' : ''}${Number(cleanId(value).replace('#', ''))}`;
}

function statusHeaderCount(headers: readonly string[], candidates: Role[][]): number {
  return headers.filter(
    (text, column) => (candidates[column].length === 0 || candidates[column][0] === 'status') && isStatusHeader(text.trim()),
  ).length;
}

/**
 * Roles the content overrules or supplies, decided before the ID column: an estimate header
 * matched by one loose word over sentences is notes; a header that is only a unit word ("時間",
 * "Tage") over quantities is the estimate in that unit; a group header ("Scope", "Feature")
 * over distinct phrases is the title. Answers the columns demoted to notes.
 */
function rolesByContent(
  headers: readonly string[],
  candidates: Role[][],
  header: Column[],
  bodyValues: (column: number) => string[],
): Set<number> {
  const demoted = new Set<number>();
  const quantities = (column: number, values: string[]) =>
    values.filter((value) => {
      const unit = header[column].unit;
      const reading = readEstimate(value, { unit: unit?.unit ?? null, factor: unit?.factor, scale: {}, openEndedFactor: 1.5 });
      return reading !== null && 'estimate' in reading;
    }).length;
  candidates.forEach((roles, column) => {
    const values = bodyValues(column);
    if (values.length === 0) return;
    if (roles.includes('estimate') && !rolesOf(headers[column], wholeWords()).includes('estimate')) {
      const sentences = values.filter(isSentence).length;
      if (sentences * 2 > values.length && quantities(column, values) * 2 < values.length) {
        candidates[column] = ['notes'];
        header[column].unit = null;
        demoted.add(column);
      }
      return;
    }
    if (roles.length === 0) {
      const word = headerWord(headers[column]);
      const unit = unitOfWord(word);
      if (!unit || LEXICON.is('weekWord', word) || countsAlong(values)) return;
      if (quantities(column, values) * 2 > values.length) candidates[column] = ['estimate'];
      return;
    }
    if (roles[0] === 'group' && values.length >= 3 && distinctShare(values) === 1) {
      const phrases = values.filter((value) => isMultiWord(value) && !looksLikeColumnId(value)).length;
      if (phrases * 2 >= values.length) candidates[column] = ['title'];
    }
  });
  // A second title (the group's phrases beside a "Title" column) describes the row: no role.
  const titles = candidates.flatMap((roles, column) => (roles[0] === 'title' ? [column] : []));
  if (titles.length > 1) {
    for (const column of titles) if (rolesOf(headers[column])[0] !== 'title') candidates[column] = [];
  }
  return demoted;
}

/**
 * The column of distinct bare numbers headed by a word for items or steps ("Step", "Task",
 * "Schritt", "手順"), or -1.
 */
function wordNumberColumn(headers: readonly string[], rows: readonly string[][]): number {
  if (rows.length === 0) return -1;
  return headers.findIndex((text, column) => {
    const word = headerWord(text);
    if (!word || !(LEXICON.is('itemWord', word) || LEXICON.is('stepWord', word))) return false;
    const values = rows.map((row) => cleanId(row[column] ?? ''));
    return values.every((value) => /^\d{1,4}$/.test(value)) && new Set(values.map(Number)).size === values.length;
  });
}

/**
 * Whether the ID column only refers to items: its IDs repeat in a table that estimates nothing
 * ("| タスク | ファイル |" listing UF-101 twice), it mixes IDs with plain words ("Maintenance"),
 * or it is the last column of a table about something else ("| Proposal Statement | … | Ticket |").
 */
function referenceColumn(
  candidates: Role[][],
  cells: string[][],
  bodyValues: (column: number) => string[],
  column: number,
  estimated: boolean,
  extraIds: readonly RegExp[],
): boolean {
  const values = bodyValues(column).map((value) => cleanId(value, extraIds));
  const ids = values.filter((value) => looksLikeColumnId(value, extraIds));
  if (ids.length === 0 || estimated) return false;
  if (new Set(ids.map(idKey)).size < ids.length) return true;
  const words = values.filter(
    (value) =>
      !looksLikeColumnId(value, extraIds) && /\p{L}{3,}/u.test(value) && !LEXICON.is('none', value) && !LEXICON.is('noEstimate', value),
  );
  if (column > 0 && words.length > 0) return true;
  const subject = bodyValues(0);
  return (
    column > 0 &&
    column === candidates.length - 1 &&
    cells.length > 0 &&
    !candidates[0].some((role) => role === 'id' || role === 'title') &&
    subject.length > 0 &&
    subject.every((value) => /\p{L}{2}/u.test(value)) &&
    distinctShare(subject) >= 0.8
  );
}

/**
 * The column whose every body row starts with an item the document defines elsewhere, each a
 * different one: the rows restate those items. Looked for in the title column first, then in
 * columns of names (groups, releases, no role). Null when there is none.
 */
function definedLeads(
  candidates: Role[][],
  cells: string[][],
  isTotal: (row: string[]) => boolean,
  isSubtotal: (row: string[]) => boolean,
  defined: DefinedIds | undefined,
): { column: number; leads: ({ id: string; title: string; rest: string } | null)[] } | null {
  if (!defined || cells.length === 0) return null;
  const order = candidates
    .map((roles, column) => ({ roles, column }))
    .filter(({ roles }) => roles.length === 0 || ['title', 'group', 'release'].includes(roles[0]))
    .sort((a, b) => Number(b.roles[0] === 'title') - Number(a.roles[0] === 'title'));
  for (const { column } of order) {
    const leads = cells.map((row) => (isTotal(row) || isSubtotal(row) ? null : defined.leadOf(row[column] ?? '')));
    const body = cells.filter((row) => !isTotal(row) && !isSubtotal(row));
    const found = leads.filter((lead) => lead !== null);
    if (body.length === 0 || found.length !== body.length) continue;
    if (new Set(found.map((lead) => idKey(lead.id))).size !== found.length) continue;
    return { column, leads };
  }
  return null;
}

/**
 * Work the table lists without IDs, read as items named by file and line: a title column of
 * distinct names, an estimate column that reads for most rows, and a dependency column that names
 * other rows by title ("Backend API" for "Backend API endpoint") or "All above".
 */
function anonymousWork(headers: readonly string[], candidates: Role[][], rows: readonly string[][]): boolean {
  const estimate = candidates.findIndex((roles) => roles.includes('estimate'));
  const title = candidates.findIndex((roles, column) => column !== estimate && roles.includes('title'));
  const depends = candidates.findIndex((roles, column) => column !== title && column !== estimate && roles.includes('dependsOn'));
  if (estimate === -1 || title === -1 || depends === -1 || rows.length < 2) return false;
  const titles = rows.map((row) => plainCell(row[title] ?? ''));
  if (titles.some((value) => !/\p{L}/u.test(value)) || distinctShare(titles) < 1) return false;
  if (rows.every((row) => SIZE_CELL.test(plainCell(row[0] ?? '')))) return false;
  const unit = unitOfHeader(headers[estimate]);
  const estimated = rows.filter((row) => {
    const reading = readEstimate(row[estimate] ?? '', { unit: unit?.unit ?? null, factor: unit?.factor, scale: {}, openEndedFactor: 1.5 });
    return reading !== null && 'estimate' in reading;
  }).length;
  if (estimated * 2 <= rows.length) return false;
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // The rows by the first word of their titles: a reference names the one row whose title starts with its words.
  const byFirstWord = new Map<string, { index: number; words: string[] }[]>();
  titles.forEach((title, index) => {
    const name = words(title);
    const first = name[0];
    if (first === undefined) return;
    const rows = byFirstWord.get(first);
    if (rows) rows.push({ index, words: name });
    else byFirstWord.set(first, [{ index, words: name }]);
  });
  let named = 0;
  let references = 0;
  rows.forEach((row, index) => {
    for (const reference of parseReferences(row[depends] ?? '')) {
      references++;
      if (reference === ALL_ABOVE) {
        if (index > 0) named++;
        continue;
      }
      const wanted = words(reference);
      const matches = (byFirstWord.get(wanted[0] ?? '') ?? []).filter(
        (name) => name.index !== index && wanted.length <= name.words.length && wanted.every((word, at) => name.words[at] === word),
      );
      if (matches.length === 1) named++;
    }
  });
  return named > 0 && named * 2 >= references;
}

/**
 * The columns of a burn-down: two or more headed by consecutive sprints ("1 | 2 | 3", "S1 |
 * S2") or by dates beside the estimate, their numbers never rising along a row and starting at
 * most at the row's estimate. Null when the table has none.
 */
function burndownColumns(headers: readonly string[], rows: readonly string[][], estimate: number): number[] | null {
  if (estimate === -1 || rows.length === 0) return null;
  const sprints = headers.flatMap((text, column) => {
    const sprint = column === estimate ? null : readSprintName(text, true);
    return sprint && /^\d+$/.test(sprint.key) ? [{ column, key: Number(sprint.key) }] : [];
  });
  const consecutive = sprints.filter((sprint, index) => index === 0 || sprint.key === sprints[index - 1].key + 1);
  const dates = headers.flatMap((text, column) => (column !== estimate && DATE_HEADER.test(plainCell(text)) ? [column] : []));
  const columns = consecutive.length >= 2 && consecutive.length === sprints.length ? consecutive.map((sprint) => sprint.column) : dates;
  if (columns.length < 2) return null;
  const number = (text: string) => (/^\d+(?:[.,]\d+)?$/.test(plainCell(text)) ? toNumber(plainCell(text)) : null);
  let filled = 0;
  for (const row of rows) {
    const values = columns.map((column) => plainCell(row[column] ?? ''));
    const last = values.findLastIndex((value) => value !== '');
    let previous = number(row[estimate] ?? '') ?? Infinity;
    for (const value of values.slice(0, last + 1)) {
      const amount = number(value);
      if (amount === null || amount > previous) return null;
      previous = amount;
      filled++;
    }
  }
  return filled > 0 ? columns : null;
}

const DATE_HEADER = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)$/;

/**
 * Outline rows of a work breakdown: a row whose ID is the parent of the IDs after it ("1.0" or
 * "1" before "1.1", "1.2") and whose work cells are empty heads a group, and is no item.
 * Each row under it gets its ID as `group`.
 */
function outlineGroups(
  rows: ItemRow[],
  workColumns: readonly number[],
  header: readonly Column[],
): { id: string; title: string; row: number }[] {
  const groups: { id: string; title: string; row: number }[] = [];
  const title = header.findIndex((column) => column.role === 'title');
  let open: { prefix: string; id: string } | null = null;
  rows.forEach((row, index) => {
    const key = idKey(row.id);
    const next = rows[index + 1];
    const prefix = `${key.replace(/(?:\.0+)+$/, '')}.`;
    const empty = workColumns.every((column) => plainCell(row.cells[column] ?? '') === '');
    if (/^\d+(?:\.\d+)*$/.test(key) && next && idKey(next.id).startsWith(prefix) && empty) {
      groups.push({ id: row.id, title: title >= 0 ? plainCell(row.cells[title] ?? '') : '', row: row.row });
      open = { prefix, id: row.id };
      return;
    }
    if (open && key.startsWith(open.prefix)) row.group = open.id;
    else open = null;
  });
  return groups;
}

/**
 * A column headed as the ID ("ID", "Key", "#") whose values do not read as IDs, in a table of
 * titled, estimated or dependent work: its rows are not read, and the reader is told why.
 */
function unreadIdColumn(
  header: string[],
  candidates: Role[][],
  cells: string[][],
  extraIds: readonly RegExp[],
): { rows: number; idColumn: { header: string; example: string } } | null {
  const column = candidates.findIndex((roles) => roles.length === 1 && roles[0] === 'id');
  const has = (role: Role) => candidates.some((roles, index) => index !== column && roles.includes(role));
  if (column === -1 || !has('title') || !(has('estimate') || has('dependsOn'))) return null;
  const values = cells.map((row) => (row[column] ?? '').trim()).filter(Boolean);
  const example = values.find((value) => !looksLikeColumnId(value, extraIds));
  return example ? { rows: values.length, idColumn: { header: header[column].replace(/[*_`]/g, '').trim(), example } } : null;
}

/**
 * How many rows look like work items that have no ID: a title and an estimate that reads as
 * one, in a table that is not a size legend. Zero when the table is something else.
 */
function unidentifiedWork(header: Column[], candidates: Role[][], cells: string[][]): number {
  const estimate = candidates.findIndex((roles) => roles.includes('estimate'));
  const title = candidates.findIndex((roles, column) => column !== estimate && roles.includes('title'));
  if (estimate === -1 || title === -1 || cells.every((row) => SIZE_CELL.test((row[0] ?? '').replace(/[*_`]/g, '').trim()))) return 0;
  const unit = header[estimate].unit;
  return cells.filter((row) => {
    const reading = readEstimate(row[estimate] ?? '', { unit: unit?.unit ?? null, factor: unit?.factor, scale: {}, openEndedFactor: 1.5 });
    return /\p{L}{2}/u.test(row[title] ?? '') && reading !== null && 'estimate' in reading;
  }).length;
}

/**
 * Backlogs in the Scrum Primer style number their items only by priority or rank. When such a
 * column holds distinct whole numbers beside a title and an estimate, it identifies the rows.
 */
function rankAsId(candidates: Role[][], cells: string[][]): number {
  const has = (role: Role) => candidates.some((roles) => roles.includes(role));
  if (!has('title') || !has('estimate') || cells.length < 2) return -1;
  return candidates.findIndex((roles, column) => {
    if (!roles.includes('priority')) return false;
    const values = cells.map((row) => (row[column] ?? '').trim());
    return values.every((value) => /^\d{1,4}$/.test(value)) && new Set(values).size === values.length;
  });
}

function groupTable(
  common: Common,
  candidates: Role[][],
  cells: string[][],
  idColumn: number,
  idHeader: string,
  extraIds: readonly RegExp[],
): ReadTable {
  const title = candidates.findIndex((roles, column) => column !== idColumn && roles.includes('title'));
  const release = candidates.findIndex((roles) => roles.includes('release'));
  // A bare number under an "Epic" header names "Epic 1", as the document's prose does.
  const word = cleanId(idHeader).replace(/s$/i, '');
  return {
    ...common,
    kind: 'groups',
    rows: cells.flatMap((row, index) => {
      if (!looksLikeColumnId(row[idColumn] ?? '', extraIds)) return [];
      const id = cleanId(row[idColumn], extraIds);
      return [
        {
          id: /^\d+$/.test(id) ? `${word} ${id}` : id,
          title: title >= 0 ? (row[title] ?? null) : null,
          release: release >= 0 ? (row[release] ?? null) : null,
          row: index,
        },
      ];
    }),
  };
}

const SIZE_CELL = /^(XXS|XS|S|M|L|XL|XXL)$/i;

/**
 * A T-shirt legend: "| Size | Effort |" rows such as "| **M** | ~3–5 days |". Sizes whose effort
 * reads as time (or points) define the scale; anything else leaves the table alone.
 */
export function readScaleTable(block: Extract<Block, { kind: 'table' }>, openEndedFactor: number): Record<string, SizeRange> {
  const rows = block.rows.map((row) => row.map((cell) => cell.text.replace(/[*_`]/g, '').trim()));
  if (rows.length < 2 || !rows.every((row) => SIZE_CELL.test(row[0] ?? ''))) return {};
  const scale: Record<string, SizeRange> = {};
  for (let column = 1; column < block.header.length && Object.keys(scale).length === 0; column++) {
    for (const row of rows) {
      const reading = readEstimate(row[column] ?? '', { unit: null, scale: {}, openEndedFactor });
      if (!reading || !('estimate' in reading) || !/\p{L}/u.test(row[column] ?? '')) continue;
      scale[row[0].toUpperCase()] = { low: reading.estimate.low, high: reading.estimate.high, unit: reading.estimate.unit };
    }
    if (Object.keys(scale).length < rows.length / 2) Object.keys(scale).forEach((key) => delete scale[key]);
  }
  return scale;
}

/** "| Velocity | Sprints | Duration |" rows: "25 pts/sprint | 8 | 16 weeks". */
function readProjection(header: string[], rows: string[][]): { velocity: number; sprints: number; raw: string; row: number }[] | null {
  const velocity = header.findIndex((text) => LEXICON.contains('velocity', text));
  const sprints = header.findIndex((text) => LEXICON.is('sprintCount', text));
  if (velocity === -1 || sprints === -1) return null;
  const projections: { velocity: number; sprints: number; raw: string; row: number }[] = [];
  rows.forEach((row, index) => {
    const v = /(\d+(?:[.,]\d+)?)/.exec(row[velocity] ?? '');
    const s = /^~?\s*(\d+(?:[.,]\d+)?)/.exec((row[sprints] ?? '').trim());
    if (v && s) {
      projections.push({ velocity: toNumber(v[1]), sprints: toNumber(s[1]), raw: row.join(' | '), row: index });
    }
  });
  return projections.length > 0 ? projections : null;
}
