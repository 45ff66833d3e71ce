import type { Block } from './blocks.js';
import type { DocumentContext } from './document-context.js';
import { readEstimate } from './estimates.js';
import { metadataRoles } from './key-values.js';
import { splitLeadingId } from './leading-id.js';
import type { ItemRecord } from './records.js';
import { ALL_ABOVE, chainThrough } from './references.js';
import { dependenciesInNote, readLinks } from './relations.js';
import { readTable } from './tables.js';

type ItemTable = Extract<ReturnType<typeof readTable>, { kind: 'items' }>;
type KeyValueTable = Extract<ReturnType<typeof readTable>, { kind: 'key-values' }>;

/** A table: item rows, epics, a projection, stated figures, or rows nothing identifies. */
export function readTableBlock(ctx: DocumentContext, block: Extract<Block, { kind: 'table' }>, original: (line: number) => number): void {
  ctx.tableCount++;
  const table = readTable(block, ctx.extraIds);
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
      table.rows.forEach((row, index) => {
        ctx.line = lineOf(index);
        ctx.registerGroup(row.id, row.title ?? '', row.release);
      });
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
  table.rows.forEach((row, index) => {
    ctx.line = lineOf(index);
    const record = ctx.record(row.id, { title: null, container });
    record.estimateExpected = table.hasEstimate;
    table.header.forEach((header, column) => {
      const value = row.cells[column] ?? '';
      if (header.text) record.fields[header.text] = value;
      applyCell(ctx, record, header, value, column === table.idInTitle);
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
    above.push(row.id);
    ctx.records.push(record);
  });
  tableTotals(ctx, table, lineOf, above);
}

/** One cell of an item row, read by its column's role. */
function applyCell(
  ctx: DocumentContext,
  record: ItemRecord,
  header: ItemTable['header'][number],
  value: string,
  startsWithId: boolean,
): void {
  if (startsWithId) {
    ctx.applyRole(record, 'title', splitLeadingId(value, ctx.extraIds)?.title ?? value, header.text);
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
      if (!chain) break;
      ctx.applyRole(record, 'dependsOn', chain.before, header.text);
      ctx.applyRole(record, 'successors', chain.after, header.text);
      return;
    }
  }
  ctx.applyRole(record, header.role, value, header.text, header.unit);
}

/** A "Total" row states the sum of the table's estimate column. */
function tableTotals(ctx: DocumentContext, table: ItemTable, lineOf: (index: number) => number, ids: string[]): void {
  const column = table.header.findIndex((header) => header.role === 'estimate');
  if (column === -1 || ids.length === 0) return;
  for (const total of table.totals) {
    const raw = (total.cells[column] ?? '').replace(/[*_`]/g, '').trim();
    const stated = table.header[column].unit;
    const reading = readEstimate(raw, {
      ...ctx.estimateContext,
      unit: stated?.unit ?? ctx.unitOfKey(table.header[column].text) ?? ctx.nearest('size')?.unit ?? null,
      factor: stated?.factor,
    });
    if (!reading || !('estimate' in reading) || reading.estimate.kind !== 'single') continue;
    const position = ctx.position(lineOf(total.row));
    ctx.claims.push({
      kind: 'total',
      scope: { ...ctx.scope(), items: [...ids] },
      which: 'all',
      value: reading.estimate.expected,
      unit: /\p{L}/u.test(raw) || table.header[column].unit ? reading.estimate.unit : null,
      raw: `${total.cells.filter(Boolean).join(' | ')}`,
      source: position,
    });
  }
}
