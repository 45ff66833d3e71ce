import type { Block } from '../evidence/blocks.js';
import type { DocumentContext } from './document-context.js';
import { readEstimate } from '../values/estimates.js';
import { leadInUnit } from '../evidence/lead-in-unit.js';
import type { StatedUnit } from '../values/estimates.js';
import { metadataRoles } from '../roles/key-values.js';
import type { ItemRecord } from './item-record.js';
import { ALL_ABOVE, chainThrough, parseReferences } from '../values/references.js';
import { dependenciesInNote, readLinks } from '../values/relations.js';
import { isTotalCell, readTable, rowReferences, type ItemRow } from './tables.js';
import { cellCount, cellFigure, cellProgress, headerNamesWork } from '../values/claims.js';
import { sectionsNamed } from '../evidence/claim-sections.js';
import { idsInText } from '../values/ids.js';
import { unitOfHeader } from '../roles/header-roles.js';
import { LEXICON } from '../lexicon/lexicon.js';
import type { Claim, ClaimScope } from '../../model/types.js';

type ItemTable = Extract<ReturnType<typeof readTable>, { kind: 'items' }>;
type KeyValueTable = Extract<ReturnType<typeof readTable>, { kind: 'key-values' }>;

/** Figures without a unit in a column or cell count in the unit the sentence before the table states. */
function takeLeadInUnit(table: ItemTable, unit: StatedUnit | null): void {
  if (!unit) return;
  for (const column of table.header) {
    if (
      !column.unit &&
      (column.role === 'estimate' || column.role === 'optimistic' || column.role === 'likely' || column.role === 'pessimistic')
    ) {
      column.unit = unit;
    }
  }
  if (table.threePoint) table.threePointUnit ??= unit;
}

/** A table: item rows, epics, a projection, stated figures, references, or rows nothing identifies. */
export function readTableBlock(ctx: DocumentContext, block: Extract<Block, { kind: 'table' }>, original: (line: number) => number): void {
  ctx.tableCount++;
  const table = readTable(block, { extraIds: ctx.extraIds, defined: ctx.defined, isId: (token) => ctx.ids.accepts(token, 'cell') });
  if (table.kind === 'items') takeLeadInUnit(table, leadInUnit(ctx.sourceLines, original(block.line)));
  const lineOf = (index: number) => original(block.rowLines[index]);
  for (const mismatch of table.columnMismatches) {
    ctx.diagnostics.push({
      ...ctx.position(lineOf(mismatch.row)),
      rule: 'table-column-count',
      severity: 'warning',
      message: `table row has ${mismatch.cells} cells but the header has ${table.header.length}`,
    });
  }
  switch (table.kind) {
    case 'groups':
      for (const row of table.rows) {
        ctx.line = lineOf(row.row);
        ctx.registerGroup(row.id, row.title ?? '', row.release);
      }
      return;
    case 'projection':
      for (const row of table.projections) {
        ctx.claims.push({
          kind: 'projection',
          scope: { file: ctx.source.file },
          velocity: row.velocity,
          sprints: row.sprints,
          raw: row.raw,
          source: ctx.position(lineOf(row.row)),
        });
      }
      return;
    case 'key-values':
      return keyValueRows(ctx, table.pairs, lineOf);
    case 'items':
      return itemRows(ctx, table, lineOf);
    case 'unidentified':
      ctx.diagnostics.push({
        ...ctx.position(original(block.line)),
        rule: 'unread-table',
        severity: 'warning',
        message: table.idColumn
          ? `this table's "${table.idColumn.header}" column holds values that do not read as item IDs (e.g. "${table.idColumn.example}"), so its ${table.rows} row${table.rows === 1 ? ' was' : 's were'} not read as items (write IDs as a prefix, a hyphen and a number, e.g. "T-1")`
          : `this table lists ${table.rows} estimated row${table.rows === 1 ? '' : 's'} but no column identifies them, so they were not read as items (add an ID column)`,
      });
      return;
    case 'other':
      return summaryRows(ctx, block, lineOf);
    default:
      return;
  }
}

/**
 * A two-column table of pairs. Under a story heading, when its keys are metadata keys ("| Estimate
 * | 5 SP |", "| Depends on | US-0 |"), its rows are that story's metadata as `**Key**: value`
 * lines would be; stated figures ("| Capacity | 20 |") stay claims.
 */
function keyValueRows(ctx: DocumentContext, pairs: KeyValueTable['pairs'], lineOf: (index: number) => number): void {
  const item = ctx.nearest('item');
  const describesItem = item !== undefined && isMetadataTable(pairs);
  for (const pair of pairs) {
    ctx.line = lineOf(pair.row);
    if (ctx.criticalPathText(`${pair.key}: ${pair.value}`, ctx.line)) continue;
    if (describesItem && !ctx.isClaimLine([pair])) ctx.metadata(item, [pair]);
    else ctx.keyValueClaims([pair]);
  }
}

/** At least half its keys name a field of an item: a table of a story's tasks ("| Write tests | 4h |") is not its metadata. */
function isMetadataTable(pairs: KeyValueTable['pairs']): boolean {
  const known = pairs.filter((pair) => metadataRoles(pair.key).length > 0);
  return known.length * 2 >= pairs.length;
}

function itemRows(ctx: DocumentContext, table: ItemTable, lineOf: (index: number) => number): void {
  const container = `table:${ctx.tableCount}`;
  const above: string[] = [];
  const size = ctx.nearest('size');
  // Outline rows ("| **1.0** | **Project Initiation** | | |") head the groups of the rows below them.
  const groups = new Map<string, string>();
  for (const group of table.groups) {
    ctx.line = lineOf(group.row);
    groups.set(group.id, ctx.registerGroup(group.id, group.title));
  }
  for (const row of table.rows) {
    ctx.line = lineOf(row.row);
    // Work without an ID is named by its file and line, for the totals below as for the model.
    if (row.anonymous) row.id = `${ctx.source.file}:${ctx.line}`;
    const id = row.id;
    // A row that restates an item defined elsewhere takes its title and its place from there.
    const record = ctx.record(id, { title: row.restates?.title || null, container, ...(row.restates ? { parent: null } : {}) });
    if (row.anonymous) record.anonymous = true;
    if (row.group) record.group = groups.get(row.group) ?? record.group;
    record.estimateExpected = table.hasEstimate;
    table.header.forEach((header, column) => {
      const value = row.cells[column] ?? '';
      if (header.text) record.fields[header.text] = value;
      applyCell(ctx, record, table, header, value, column === table.idInTitle ? row : null);
    });
    if (table.threePoint) {
      const [o, m, p] = table.threePoint.map((column) => row.cells[column] ?? '');
      if (o && m && p) {
        const reading = readEstimate(`${o}/${m}/${p}`, {
          ...ctx.estimateContext,
          unit: table.threePointUnit?.unit ?? null,
          factor: table.threePointUnit?.factor,
        });
        if (reading && 'estimate' in reading) record.estimate = { ...reading.estimate, raw: `${o} / ${m} / ${p}` };
      }
    }
    if (!record.estimate && !record.unreadEstimate && size && !table.hasEstimate) {
      record.estimate = {
        unit: size.unit,
        low: size.value,
        high: size.value,
        expected: size.value,
        raw: size.raw,
        kind: 'single',
        variance: 0,
      };
    }
    if (record.references.includes(ALL_ABOVE)) {
      record.references = [...record.references.filter((reference) => reference !== ALL_ABOVE), ...above];
    }
    if (table.statusColumns) {
      const marked = table.statusColumns.find((column) => /\S/.test(row.cells[column.index] ?? ''));
      if (marked) record.status = marked.name;
    }
    // A burn-down row that has reached 0 has no work left.
    if (table.burndown) {
      const remaining = table.burndown.map((column) => (row.cells[column] ?? '').replace(/[*_`]/g, '').trim()).filter(Boolean);
      if (remaining.length > 0 && Number(remaining[remaining.length - 1].replace(',', '.')) === 0) record.done = true;
    }
    above.push(id);
    ctx.records.push(record);
  }
  tableTotals(ctx, table, lineOf, above);
}

/** One cell of an item row, read by its column's role; `lead` is the row when the cell starts with its ID. */
function applyCell(
  ctx: DocumentContext,
  record: ItemRecord,
  table: ItemTable,
  header: ItemTable['header'][number],
  value: string,
  lead: ItemRow | null,
): void {
  if (lead) {
    ctx.applyRole(record, 'title', lead.title ?? value, header.text);
    return;
  }
  switch (header.role) {
    case 'links': {
      const links = readLinks(value, ctx.extraIds);
      record.references.push(...links.dependsOn);
      record.successors.push(...links.successors);
      return;
    }
    case 'notes':
      record.references.push(...dependenciesInNote(value, ctx.extraIds));
      return;
    case 'dependsOn': {
      const chain = chainThrough(value, record.id);
      if (chain) {
        ctx.applyRole(record, 'dependsOn', chain.before, header.text);
        ctx.applyRole(record, 'successors', chain.after, header.text);
        return;
      }
      // "Step 1-3", "2" where the rows are "Step 1" … "Step 5": the rows they name.
      if (table.rowWord) {
        record.references.push(...rowReferences(parseReferences(value, ctx.extraIds), table.rowWord));
        return;
      }
      break;
    }
  }
  ctx.applyRole(record, header.role, value, header.text, header.unit);
}

/** A column whose figures a total row adds up, and what of each item's estimate it holds. */
interface SummedColumn {
  index: number;
  measure?: 'low' | 'likely' | 'high';
}

/**
 * The columns a total row adds up: the estimate column; with a three-point estimate, each of the
 * optimistic, most likely and pessimistic columns, and a column of expected values ("PERT").
 */
function summedColumns(table: ItemTable): SummedColumn[] {
  const columns: SummedColumn[] = [];
  const estimate = table.header.findIndex((header) => header.role === 'estimate');
  if (estimate !== -1) columns.push({ index: estimate });
  if (table.threePoint) {
    const [o, m, p] = table.threePoint;
    columns.push({ index: o, measure: 'low' }, { index: m, measure: 'likely' }, { index: p, measure: 'high' });
    const expected = table.header.findIndex((header) => header.role === undefined && LEXICON.is('expectedValue', header.text));
    if (expected !== -1 && estimate === -1) columns.push({ index: expected });
  }
  return columns;
}

/** The cells of a table row as its source line writes them: "| a | b |" is a, b. */
function sourceCells(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
  return cells;
}

/**
 * A "Total" row states the sums of the table's estimate columns over all its rows; a row that
 * calls itself a subtotal ("Phase 1 subtotal") over the rows since the previous one. Each cell
 * is read as written: "~17時間" is about 17 hours, "140-200" a range, "6.2" to one decimal.
 */
function tableTotals(ctx: DocumentContext, table: ItemTable, lineOf: (index: number) => number, ids: string[]): void {
  const columns = summedColumns(table);
  if (columns.length === 0 || ids.length === 0) return;
  const rows: { cells: string[]; row: number; items: string[] }[] = table.totals.map((total) => ({ ...total, items: ids }));
  // Rows neither an item nor a total: a subtotal sums the item rows since the one before it.
  const idAt = new Map(table.rows.map((row) => [row.row, row.id]));
  const totalRows = new Set(table.totals.map((total) => total.row));
  let since: string[] = [];
  for (let index = 0; Number.isFinite(lineOf(index)); index++) {
    const id = idAt.get(index);
    if (id !== undefined) {
      since.push(id);
      continue;
    }
    if (totalRows.has(index)) continue;
    const cells = sourceCells(ctx.sourceLines[lineOf(index) - 1] ?? '').map((cell) => cell.replace(/[*_`]/g, ''));
    if (!cells.slice(0, 2).some((cell) => LEXICON.contains('subtotal', cell.replace(/[*_`]/g, '')))) continue;
    if (since.length > 0) rows.push({ cells, row: index, items: since });
    since = [];
  }
  for (const total of rows) {
    const position = ctx.position(lineOf(total.row));
    for (const column of columns) {
      const header = table.header[column.index];
      const stated = cellFigure(total.cells[column.index] ?? '', header.unit);
      if (!stated) continue;
      const claim: Claim = {
        kind: 'total',
        scope: { ...ctx.scope(), items: [...total.items] },
        which: 'all',
        value: stated.value,
        unit: stated.unit,
        raw: `${total.cells.filter(Boolean).join(' | ')}`,
        source: position,
        figure: stated.figure,
      };
      if (column.measure) claim.measure = column.measure;
      ctx.claims.push(claim);
    }
  }
}

/**
 * A summary table: one row per part of the document, a count of its items ("| P3 | 4 |"), how
 * many are done ("0 / 4") or its total ("| Frontend | 7 | 22-30h |"), and a total row for the
 * whole document. A row is about the IDs it lists, else about the one section whose heading its
 * label names ("P3" names "## Öncelik 3 (P3) - …"), else about nothing. A table none of whose
 * rows names a part of the document states nothing about its items, not even in its total row.
 */
function summaryRows(ctx: DocumentContext, block: Extract<Block, { kind: 'table' }>, lineOf: (index: number) => number): void {
  const header = block.header.map((cell) => cell.text.replace(/[*_`]/g, '').trim());
  const rows = block.rows.map((row) => row.map((cell) => cell.text.replace(/[*_`]/g, '').trim()));
  if (header.length < 2 || rows.length < 2) return;
  const filled = (column: number) => rows.map((row) => row[column] ?? '').filter((cell) => cell && !/^[-–—]$/.test(cell));
  const count = header.findIndex(
    (text, column) => column > 0 && LEXICON.is('countHeader', text) && filled(column).every((cell) => cellCount(cell) !== null),
  );
  const progress = header.findIndex(
    (_, column) => column > 0 && filled(column).length > 0 && filled(column).every((cell) => cellProgress(cell) !== null),
  );
  const work = header.findIndex(
    (text, column) =>
      column > 0 && column !== count && headerNamesWork(text) && filled(column).some((cell) => cellFigure(cell, unitOfHeader(text))),
  );
  if (count === -1 && progress === -1 && work === -1) return;
  const listed = header.findIndex((_, column) => column > 0 && rows.some((row) => idsInText(row[column] ?? '', ctx.extraIds).length >= 2));
  const scopes = rows.map((row, index): ClaimScope | null => {
    const label = (row[0] ?? '').replace(/^[^\p{L}\p{N}]+/u, '').trim();
    if (!label) return null;
    if (isTotalCell(label)) return { file: ctx.source.file };
    const ids = listed === -1 ? [] : idsInText(row[listed] ?? '', ctx.extraIds);
    if (ids.length > 0) return { file: ctx.source.file, items: ids };
    const named = sectionsNamed(ctx.sourceLines, label.replace(/\s*[(（].*$/u, ''));
    if (named.length === 0) return null;
    const line = lineOf(index);
    return { file: ctx.source.file, sections: [{ line, end: line + 1, title: label, aliases: named }], sectionOnly: true };
  });
  // Rows that list IDs count them; what they add up may be part of an item ("UF-101残り"), as in a schedule.
  const counts = (scope: ClaimScope | null) =>
    scope !== null && (scope.sections !== undefined || (scope.items !== undefined && count !== -1));
  // The total row is the document's only when the other rows break the document down.
  if (!scopes.some(counts)) return;
  rows.forEach((row, index) => {
    const scope = scopes[index];
    if (!scope) return;
    const source = ctx.position(lineOf(index));
    const raw = row.filter(Boolean).join(' | ');
    const stated = count === -1 ? null : cellCount(row[count] ?? '');
    if (stated !== null) ctx.claims.push({ kind: 'count', scope, which: 'all', value: stated, raw, source });
    const done = progress === -1 ? null : cellProgress(row[progress] ?? '');
    if (done) {
      ctx.claims.push({ kind: 'count', scope, which: 'done', value: done.done, raw, source });
      if (stated === null) ctx.claims.push({ kind: 'count', scope, which: 'all', value: done.of, raw, source });
    }
    const total = work === -1 || scope.items ? null : cellFigure(row[work] ?? '', unitOfHeader(header[work]));
    if (total)
      ctx.claims.push({ kind: 'total', scope, which: 'all', value: total.value, unit: total.unit, raw, source, figure: total.figure });
  });
}
