import type { Config } from '../config/types.js';
import type { Backlog, Fix } from '../model/types.js';
import { decodeBytes } from '../read/decode.js';
import type { SourceText } from '../read/source.js';
import { runRules } from './run-rules.js';
import type { LintResult, Problem } from './types.js';

/**
 * How sources become a backlog: injected, so that fixing stays a pure function over texts. Each
 * file is read with `configFor(file)` when it is given, else with `config`.
 */
export type BuildBacklog = (sources: readonly SourceText[], config: Config, configFor?: (file: string) => Config) => Backlog;

export interface FixedFile {
  /** The source as it was read. */
  source: SourceText;
  /** The file's whole text after every fix (without BOM; `encodeText` adds it back). */
  text: string;
}

export interface FixOutcome {
  /** Only the files that changed. */
  fixed: FixedFile[];
  /** The sources as they are after fixing, the backlog read from them and what is left to report. */
  sources: SourceText[];
  backlog: Backlog;
  result: LintResult;
}

/** ESLint's bound: fixes that keep producing fixes stop here rather than loop forever. */
const MAX_PASSES = 10;

/**
 * Applies the fixes of fixable problems, file by file, and lints again until nothing changes.
 * Passes make mixed repairs right: an encoding repair replaces a whole file, and the other
 * fixes of that file are only known in the repaired text, so they come in the next pass. With
 * `configFor`, each file is read and linted with its own config.
 */
export function fixSources(
  sources: readonly SourceText[],
  config: Config,
  build: BuildBacklog,
  configFor?: (file: string) => Config,
): FixOutcome {
  const original = new Map(sources.map((source) => [source.file, source]));
  const context = configFor ? { config, configFor } : { config };
  let current = [...sources];
  let backlog = build(current, config, configFor);
  let result = runRules({ backlog, sources: current, ...context });
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    current = current.map((source) => {
      const fixes = applicableFixes(source, result.problems);
      if (fixes.length === 0) return source;
      const text = applyFixes(fileText(source), fixes);
      if (text === fileText(source)) return source;
      changed = true;
      return sourceWithText(source, text);
    });
    if (!changed) break;
    backlog = build(current, config, configFor);
    result = runRules({ backlog, sources: current, ...context });
  }
  const fixed = current
    .filter((source) => fileText(source) !== fileText(original.get(source.file)!))
    .map((source) => ({ source: original.get(source.file)!, text: fileText(source) }));
  return { fixed, sources: current, backlog, result };
}

/** The text the file holds, as decoded: before any in-memory repair of double encoding. */
export function fileText(source: SourceText): string {
  return source.mojibake ?? source.text;
}

/**
 * The fixes that can be applied to this file's text in one pass, sorted and non-overlapping.
 * A fix spanning the whole file (the encoding repair) goes alone. Fix offsets of other rules
 * are in the repaired text, so a file still holding double-encoded text takes none of them;
 * nor does a file with bytes that are not UTF-8, which writing back would replace.
 */
export function applicableFixes(source: SourceText, problems: readonly Problem[]): Fix[] {
  const text = fileText(source);
  if (source.diagnostics.some((diagnostic) => diagnostic.rule === 'encoding' && !diagnostic.fix)) return [];
  const fixes = problems.filter((problem) => problem.file === source.file && problem.fix).map((problem) => problem.fix!);
  const whole = fixes.find((fix) => fix.start === 0 && fix.end === text.length);
  if (whole) return [whole];
  if (source.mojibake !== null) return [];
  const chosen: Fix[] = [];
  for (const fix of [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const previous = chosen.at(-1);
    if (fix.start < 0 || fix.end > text.length || fix.end < fix.start) continue;
    if (previous && fix.start < previous.end) continue; // overlapping: the next pass gets it if still needed
    chosen.push(fix);
  }
  return chosen;
}

/** Applies sorted, non-overlapping fixes from the end, so earlier offsets stay valid. */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  let result = text;
  for (let index = fixes.length - 1; index >= 0; index--) {
    const fix = fixes[index];
    result = result.slice(0, fix.start) + fix.text + result.slice(fix.end);
  }
  return result;
}

/** The bytes of a file's text in its own encoding, with its BOM when it had one. */
export function encodeText(text: string, encoding: SourceText['encoding'], bom: boolean): Uint8Array {
  if (encoding === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const body = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') body.swap16();
  // UTF-16 is only recognised by its BOM, so it always has one.
  return Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

/** The source as it would read after the file took `text`: decoded again, so later passes see what a fresh run would. */
function sourceWithText(source: SourceText, text: string): SourceText {
  return { ...source, ...decodeBytes(encodeText(text, source.encoding, source.bom), source.file) };
}
