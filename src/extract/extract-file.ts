import type { Config, SizeRange } from '../config/types.js';
import { readMarkdown } from '../parse/parse-markdown.js';
import { prepareText } from '../parse/prepare-text.js';
import type { SourceText } from '../read/source.js';
import { toBlocks, type Block } from './evidence/blocks.js';
import { DocumentContext } from './records/document-context.js';
import { gatherDefinedIds } from './evidence/defined-ids.js';
import { gatherIdEvidence } from './evidence/id-evidence.js';
import { gatherWorkShapes } from './evidence/work-shapes.js';
import { readScaleStatement } from './values/estimates.js';
import { idKey } from './values/ids.js';
import { lexiconFor, withLexicon } from './lexicon/lexicon.js';
import { readEntry } from './records/read-entry.js';
import { readHeading } from './records/read-heading.js';
import { readTableBlock } from './records/read-table-block.js';
import { readCode, readFrontMatter, readLine } from './records/read-text.js';
import type { FileExtraction } from './records/item-record.js';
import { readRestatedEstimates } from './records/restated-estimates.js';
import { settleAnonymous } from './records/settle-anonymous.js';
import { readScaleTable } from './records/tables.js';

/**
 * One decoded document to records: the text is prepared (wrapped rows rejoined, tables set
 * apart), parsed to mdast, flattened to blocks, and each block read in order with the context
 * the blocks above it set. The config's words (`vocabulary`) are active while it is read, also
 * for callers that extract files one by one (the language server).
 */
export function extractFile(source: SourceText, config: Config): FileExtraction {
  return withLexicon(lexiconFor(config.vocabulary), () => readDocument(source, config));
}

function readDocument(source: SourceText, config: Config): FileExtraction {
  const ctx = new DocumentContext(source, config);
  const prepared = prepareText(source.text, source.file);
  ctx.diagnostics.push(...source.diagnostics, ...prepared.diagnostics);
  const lines = prepared.text.split('\n');
  const blocks = readMarkdown(prepared.text, (pieces) => toBlocks(pieces, lines));
  ctx.ids = gatherIdEvidence(blocks, lines, ctx.extraIds);
  ctx.defined = gatherDefinedIds(ctx.sourceLines, (token, place) => ctx.ids.accepts(token, place));
  const workShapes = gatherWorkShapes(blocks);
  // A scale stated anywhere in the document (prose first, then a size legend table) defines the
  // sizes used before it too; configuration fills in the sizes the document leaves out.
  const legend: Record<string, SizeRange> = {};
  for (const block of blocks) if (block.kind === 'table') Object.assign(legend, readScaleTable(block, config.openEndedFactor));
  ctx.estimateContext.scale = { ...config.scales, ...legend, ...readScaleStatement(source.text, config.openEndedFactor) };
  const original = (line: number) => prepared.originalLine[line - 1] ?? line;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    // Each block is let go once read: a big table's cells need not outlive their records.
    blocks[index] = EMPTY_BLOCK;
    ctx.line = original(block.line);
    readBlock(ctx, block, original);
  }
  // A gantt chart usually draws the items a table already lists; it is read only when
  // nothing else in the file is.
  if (ctx.records.length === 0) ctx.records.push(...ctx.ganttRecords);
  readRestatedEstimates(ctx);
  const records = settleAnonymous(ctx.records);
  // Never a blank: a document that looks like a list of work but yields none says what it saw.
  if (records.length === 0 && workShapes.length > 0) {
    ctx.diagnostics.push({
      ...ctx.position(original(workShapes[0].line)),
      rule: 'unread-document',
      severity: 'warning',
      message: `no items were read, though the document has ${workShapes.map((shape) => shape.what).join(', ')}; start each piece of work with an ID (e.g. "T-1 Build API") or give it an estimate (e.g. "Build API (4h)")`,
    });
  }
  return {
    file: {
      file: source.file,
      items: new Set(records.map((record) => idKey(record.id))).size,
      encoding: source.encoding,
      bom: source.bom,
      repairedMojibake: source.mojibake !== null,
    },
    records,
    sprints: [...ctx.sprints.values()],
    groups: ctx.groups,
    claims: ctx.claims,
    diagnostics: ctx.diagnostics,
  };
}

const EMPTY_BLOCK: Block = { kind: 'break', line: 0 };

function readBlock(ctx: DocumentContext, block: Block, original: (line: number) => number): void {
  switch (block.kind) {
    case 'heading':
      return readHeading(ctx, block.depth, block.text);
    case 'line':
      return readLine(ctx, block.text);
    case 'entry':
      return readEntry(ctx, block.text, block.checked);
    case 'table':
      return readTableBlock(ctx, block, original);
    case 'code':
      return readCode(ctx, block.text);
    case 'frontmatter':
      return readFrontMatter(ctx, block.text);
    case 'break':
    case 'html':
      return;
  }
}
