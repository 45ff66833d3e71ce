/**
 * What the server answers, as LSP values: diagnostics, hovers, symbols, code actions. Each is a
 * function of one analysis and one file, so that it is tested without a connection.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  SymbolKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver/node';
import { planNamer } from '../config/plan-globs.js';
import { buildPlans } from '../model/plans.js';
import { extractFile } from '../extract/extract-file.js';
import { lexiconFor, withLexicon } from '../extract/lexicon/lexicon.js';
import type { FileExtraction } from '../extract/records/item-record.js';
import { applicableFixes, fileText, fixSources } from '../lint/fix.js';
import type { Problem } from '../lint/types.js';
import type { Item, Sprint } from '../model/types.js';
import { formatNumber, unitLabel } from '../model/units.js';
import type { SourceText } from '../read/source.js';
import type { Analysis, Place } from './analysis.js';
import type { FileEntry } from './project.js';

/** The `source` of every diagnostic, as editors show it beside the rule name. */
export const SOURCE = 'backlog';
/** The code action kind of "fix everything fixable in this file", under `source.fixAll`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.backlog`;

/** A position in the file as read → the editor's (a dropped byte-order mark shifts the first line). */
function toEditor(entry: FileEntry, line: number, character: number): Position {
  return { line, character: character + (line === 0 ? entry.bomShift : 0) };
}

/** The editor's position → the file as read. */
export function fromEditor(entry: FileEntry, position: Position): { line: number; character: number } {
  return { line: position.line, character: Math.max(position.character - (position.line === 0 ? entry.bomShift : 0), 0) };
}

export function placeRange(place: Place): Range {
  const { entry, occurrence } = place;
  return { start: toEditor(entry, occurrence.line, occurrence.start), end: toEditor(entry, occurrence.line, occurrence.end) };
}

export function placeLocation(place: Place): Location {
  return { uri: place.entry.uri, range: placeRange(place) };
}

/** The problems `backlog lint` reports for the file, as diagnostics: rule names as codes, the config's severities. */
export function diagnosticsFor(entry: FileEntry, analysis: Analysis): Diagnostic[] {
  if (entry.error !== null) {
    return [{ range: lineRange(entry, [''], 0, 0), severity: DiagnosticSeverity.Error, source: SOURCE, message: entry.error }];
  }
  const lines = analysis.lines(entry).lines;
  return analysis.problemsOf(entry).map((problem) => toDiagnostic(entry, lines, problem));
}

function toDiagnostic(entry: FileEntry, lines: readonly string[], problem: Problem): Diagnostic {
  const line = Math.min(Math.max(problem.line - 1, 0), Math.max(lines.length - 1, 0));
  return {
    range: lineRange(entry, lines, line, problem.column - 1),
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: problem.rule,
    source: SOURCE,
    message: problem.message,
  };
}

/** From a column to the end of the line's text: where a problem is reported, as ESLint's editors mark a line. */
function lineRange(entry: FileEntry, lines: readonly string[], line: number, column: number): Range {
  const text = lines[line] ?? '';
  const start = Math.min(Math.max(column, 0), text.length);
  const end = Math.max(text.trimEnd().length, start);
  return { start: toEditor(entry, line, start), end: toEditor(entry, line, end) };
}

/** A config that cannot be used, as a diagnostic on its first line. */
export function configDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message,
  };
}

// --- hover -------------------------------------------------------------------------------------

/** Markdown that must not turn a title into markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

function estimateText(item: Item): string {
  const estimate = item.estimate;
  if (!estimate) return 'none';
  const value =
    estimate.low === estimate.high
      ? formatNumber(estimate.expected)
      : `${formatNumber(estimate.low)}–${formatNumber(estimate.high)}, expected ${formatNumber(estimate.expected)}`;
  const raw = estimate.raw.replace(/\s+/g, ' ').trim();
  const written = raw && raw !== formatNumber(estimate.expected) ? ` (written \`${raw.replace(/`/g, "'")}\`)` : '';
  return `${value} ${unitLabel(estimate.unit, estimate.expected)}${written}`;
}

function named(id: string, analysis: Analysis): string {
  const item = analysis.item(id);
  return item?.title ? `${escapeMarkdown(id)} (${escapeMarkdown(shorten(item.title))})` : escapeMarkdown(id);
}

function shorten(text: string, width = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** What an editor shows over an item's ID: the item, and where it stands on the critical path. */
export function hoverMarkdown(item: Item, analysis: Analysis): string {
  const facts: string[] = [];
  facts.push(`estimate: ${estimateText(item)}`);
  facts.push(
    `sprint: ${item.sprint ? escapeMarkdown(item.sprint) : 'none'}${item.partial ? ` (partly: ${escapeMarkdown(item.partial)})` : ''}`,
  );
  facts.push(`status: ${item.status ? escapeMarkdown(item.status) : 'not given'}${item.done ? ' (done)' : ''}`);
  facts.push(`depends on: ${item.dependsOn.length > 0 ? item.dependsOn.map((id) => named(id, analysis)).join(', ') : 'nothing'}`);
  if (item.unresolved.length > 0) facts.push(`names nothing known: ${item.unresolved.map(escapeMarkdown).join(', ')}`);
  if (item.parent) facts.push(`part of: ${named(item.parent, analysis)}`);
  if (item.children.length > 0) facts.push(`tasks: ${item.children.map(escapeMarkdown).join(', ')}`);
  facts.push(scheduleText(item, analysis));
  facts.push(`defined at ${escapeMarkdown(item.source.file)}:${item.source.line}`);
  const title = item.title ? ` — ${escapeMarkdown(item.title.replace(/\s+/g, ' ').trim())}` : '';
  return [`**${escapeMarkdown(item.id)}**${title}`, '', ...facts.map((fact) => `- ${fact}`)].join('\n');
}

function scheduleText(item: Item, analysis: Analysis): string {
  const schedule = analysis.schedule(item);
  if (!schedule.ok) return `critical path: ${schedule.reason}`;
  const scheduled = schedule.byId.get(item.id);
  if (!scheduled) return 'critical path: not scheduled';
  const { result } = schedule;
  const unit = (value: number) => (result.lengthIn === 'items' ? (value === 1 ? 'item' : 'items') : unitLabel(result.unit, value));
  const times = `early start ${formatNumber(scheduled.earlyStart)}, late start ${formatNumber(scheduled.lateStart)}, float ${formatNumber(scheduled.totalFloat)} ${unit(scheduled.totalFloat)}`;
  if (scheduled.critical) return `${times}: **critical** (the critical path is ${formatNumber(result.length)} ${unit(result.length)} long)`;
  return `${times}: not critical${scheduled.done ? ' (done: it weighs nothing)' : ''}`;
}

// --- symbols -----------------------------------------------------------------------------------

/** The file's items and sprints as an outline: sprints hold their items, stories their tasks. */
export function documentSymbols(entry: FileEntry, analysis: Analysis): DocumentSymbol[] {
  const lines = analysis.lines(entry).lines;
  const items = analysis.backlog.items.filter((item) => item.source.file === entry.file);
  const sprints = analysis.backlog.sprints.filter((sprint) => sprint.source.file === entry.file);
  const symbols = new Map<string, DocumentSymbol>();
  for (const item of items) symbols.set(item.id, itemSymbol(entry, lines, item, analysis));
  const sprintSymbols = new Map<string, DocumentSymbol>(
    sprints.map((sprint) => [sprint.name, sprintSymbol(entry, lines, sprint, analysis)]),
  );
  const top: DocumentSymbol[] = [...sprintSymbols.values()];
  for (const item of items) {
    const symbol = symbols.get(item.id)!;
    const parent = item.parent ? symbols.get(analysis.item(item.parent)?.id ?? item.parent) : undefined;
    const sprint = item.sprint ? sprintSymbols.get(item.sprint) : undefined;
    if (parent && parent !== symbol) parent.children!.push(symbol);
    else if (sprint) sprint.children!.push(symbol);
    else top.push(symbol);
  }
  for (const symbol of top) widen(symbol);
  return sortSymbols(top);
}

function itemSymbol(entry: FileEntry, lines: readonly string[], item: Item, analysis: Analysis): DocumentSymbol {
  const line = item.source.line - 1;
  const definition = analysis.definition(item);
  const range = lineRange(entry, lines, line, 0);
  const selection = definition && definition.occurrence.end > definition.occurrence.start ? placeRange(definition) : range;
  const estimate = item.estimate ? `${formatNumber(item.estimate.expected)} ${unitLabel(item.estimate.unit, item.estimate.expected)}` : '';
  const title = shorten(item.title, 60);
  return {
    name: item.anonymous ? title || item.id : item.id,
    detail: [item.anonymous ? '' : title, estimate, item.done ? 'done' : ''].filter(Boolean).join(' · '),
    kind: item.children.length > 0 ? SymbolKind.Class : SymbolKind.Field,
    range,
    selectionRange: selection,
    children: [],
  };
}

function sprintSymbol(entry: FileEntry, lines: readonly string[], sprint: Sprint, analysis: Analysis): DocumentSymbol {
  const range = lineRange(entry, lines, sprint.source.line - 1, 0);
  const unit = analysis.backlog.unit;
  return {
    name: sprint.name,
    detail: `${sprint.items.length} item${sprint.items.length === 1 ? '' : 's'}${unit ? `, ${formatNumber(sprint.committed)} ${unitLabel(unit, sprint.committed)}` : ''}`,
    kind: SymbolKind.Namespace,
    range,
    selectionRange: range,
    children: [],
  };
}

/** A parent's range covers its children's (editors expect it), wherever in the file the children stand. */
function widen(symbol: DocumentSymbol): Range {
  for (const child of symbol.children ?? []) {
    const range = widen(child);
    if (before(range.start, symbol.range.start)) symbol.range = { ...symbol.range, start: range.start };
    if (before(symbol.range.end, range.end)) symbol.range = { ...symbol.range, end: range.end };
  }
  if (symbol.children) symbol.children = sortSymbols(symbol.children);
  return symbol.range;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function sortSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.sort((a, b) => a.selectionRange.start.line - b.selectionRange.start.line || a.name.localeCompare(b.name));
}

/** For clients without hierarchical symbols: the same outline, flat, each with the name of what holds it. */
export function flatSymbols(uri: string, symbols: readonly DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    {
      name: symbol.name,
      kind: symbol.kind,
      location: { uri, range: symbol.selectionRange },
      ...(container ? { containerName: container } : {}),
    },
    ...flatSymbols(uri, symbol.children ?? [], symbol.name),
  ]);
}

// --- code actions ------------------------------------------------------------------------------

/** The editor position of an offset in the file's text as read. */
function offsetPosition(entry: FileEntry, text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return toEditor(entry, line, offset - lineStart);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

const FIX_TITLES: Readonly<Record<string, string>> = {
  encoding: 'Repair the double-encoded text (encoding)',
  'table-row-wrapped': 'Rejoin the wrapped table row (table-row-wrapped)',
};

/**
 * A quick fix for every fixable problem in the range (the edit `--fix` makes for it), and, when
 * the file has any, one action that makes every repair `--fix` would make in the file.
 */
export function codeActions(entry: FileEntry, analysis: Analysis, range: Range, only: readonly string[] | undefined): CodeAction[] {
  const source = entry.source;
  if (!source) return [];
  const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const text = fileText(source);
  const lines = analysis.lines(entry).lines;
  const fixable = analysis.problemsOf(entry).filter((problem) => problem.fix);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const problem of fixable) {
      const diagnostic = toDiagnostic(entry, lines, problem);
      if (!overlaps(diagnostic.range, range)) continue;
      const [fix] = applicableFixes(source, [problem]);
      if (!fix) continue;
      const edit: TextEdit = {
        range: { start: offsetPosition(entry, text, fix.start), end: offsetPosition(entry, text, fix.end) },
        newText: fix.text,
      };
      actions.push({
        title: FIX_TITLES[problem.rule] ?? `Fix ${problem.rule} as --fix does`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [entry.uri]: [edit] } },
      });
    }
  }
  // Fix-all when asked for by kind (on save), or beside the quick fixes of a problem under the cursor.
  if (fixable.length > 0 && ((only !== undefined && wants(FIX_ALL_KIND)) || (only === undefined && actions.length > 0))) {
    const edit = fixAllEdit(entry, analysis);
    if (edit)
      actions.push({
        title: 'Fix all backlog problems that --fix repairs',
        kind: FIX_ALL_KIND,
        edit: { changes: { [entry.uri]: [edit] } },
      });
  }
  return actions;
}

/**
 * What `backlog lint --fix` would make of the file, as one edit: the fixes are applied pass by
 * pass over all the project's files, as `--fix` does, with the kept extractions of the files
 * that have not changed. Whole lines are replaced, from the first change to the last.
 */
export function fixAllEdit(entry: FileEntry, analysis: Analysis): TextEdit | null {
  const readable = analysis.files.filter((candidate) => candidate.source !== null && candidate.extraction !== null);
  const kept = new Map<SourceText, FileExtraction>(readable.map((candidate) => [candidate.source!, candidate.extraction!]));
  const outcome = fixSources(
    readable.map((candidate) => candidate.source!),
    analysis.config,
    (sources, config) =>
      withLexicon(lexiconFor(config.vocabulary), () =>
        buildPlans(
          sources.map((source) => structuredClone(kept.get(source) ?? extractFile(source, config))),
          planNamer(sources, () => config),
        ),
      ),
  );
  const fixed = outcome.fixed.find((candidate) => candidate.source.file === entry.file);
  if (!fixed) return null;
  const before = fileText(fixed.source);
  const after = fixed.text;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let common = 0;
  while (common < shorter - start && before[before.length - 1 - common] === after[after.length - 1 - common]) common++;
  start = before.lastIndexOf('\n', start - 1) + 1;
  let end = before.length - common;
  const lineEnd = before.indexOf('\n', end);
  end = end > start && before[end - 1] === '\n' ? end : lineEnd === -1 ? before.length : lineEnd + 1;
  return {
    range: { start: offsetPosition(entry, before, start), end: offsetPosition(entry, before, end) },
    newText: after.slice(start, after.length - (before.length - end)),
  };
}
