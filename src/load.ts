import path from 'node:path';
import { DEFAULT_CONFIG, type Config } from './config/types.js';
import { planNamer } from './config/plan-globs.js';
import { extractFile } from './extract/extract-file.js';
import { lexiconFor, withLexicon, type Lexicon } from './extract/lexicon/lexicon.js';
import type { FileExtraction } from './extract/records/item-record.js';
import { buildPlans } from './model/plans.js';
import type { Backlog } from './model/types.js';
import { decodeBytes } from './read/decode.js';
import { readSources } from './read/read-sources.js';
import type { SourceText } from './read/source.js';

export interface LoadOptions {
  /** Where relative paths start, and what files are named relative to (default: the process's). */
  cwd?: string;
  /** One config for every file (the defaults when neither this nor `configFor` is given). */
  config?: Config;
  /**
   * A config per file, by its absolute path, as the CLI reads them (`configLookup(…).forPath`:
   * the nearest config above each file). Wins over `config`.
   */
  configFor?: (absolutePath: string) => Config;
  /** How files are named in the model and in messages, by absolute path (default: relative to `cwd` below it). */
  nameOf?: (absolutePath: string) => string;
}

export interface LoadResult {
  backlog: Backlog;
  sources: SourceText[];
  /** Files that could not be read at all, one line each. */
  inputErrors: string[];
  /** The config each file was read with, by its name in the model (`source.file`). */
  configOf: (file: string) => Config;
}

/** Reads files, directories or globs into one backlog. Never throws on a bad file. */
export async function loadBacklog(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const configFor = options.configFor;
  const ignore = configFor
    ? (absolute: string) => {
        const own = configFor(absolute);
        return { patterns: own.ignore, base: own.source === null ? null : path.dirname(own.source) };
      }
    : config.ignore;
  const { sources, errors } = await readSources(paths, options.cwd ?? process.cwd(), ignore, options.nameOf);
  const byFile = new Map(sources.map((source) => [source.file, configFor ? configFor(source.path) : config]));
  const configOf = (file: string) => byFile.get(file) ?? config;
  return { backlog: backlogFromSources(sources, (source) => configOf(source.file)), sources, inputErrors: errors, configOf };
}

/** A config for every source, or each source's own. */
export type SourceConfig = Config | ((source: SourceText) => Config);

/**
 * The pure part of loading: decoded texts to the model, each file read with its config and put in
 * its plan. A config's words (`vocabulary`) join the built-in ones for its files: their extraction
 * reads them, and the model reads their statuses with them ("Geliefert" is done where the config
 * says so), through the active lexicon; what the model reads across files (references, groups)
 * takes the config's words when every file has the same, else the built-in ones.
 */
export function backlogFromSources(sources: readonly SourceText[], config: SourceConfig = DEFAULT_CONFIG): Backlog {
  const configFor = typeof config === 'function' ? config : () => config;
  const lexicons = new Map<FileExtraction, Lexicon>();
  const extractions = sources.map((source) => {
    const own = configFor(source);
    const extraction = extractFile(source, own);
    lexicons.set(extraction, lexiconFor(own.vocabulary));
    return extraction;
  });
  const distinct = new Set(lexicons.values());
  const shared = distinct.size === 1 ? [...distinct][0] : lexiconFor();
  return withLexicon(shared, () => buildPlans(extractions, planNamer(sources, configFor), (extraction) => lexicons.get(extraction)));
}

/** One in-memory markdown document to the model, as `loadBacklog` would read it from a file. */
export function backlogFromMarkdown(text: string, file = 'backlog.md', config: Config = DEFAULT_CONFIG): Backlog {
  return backlogFromSources([sourceFromText(text, file)], config);
}

export function sourceFromText(text: string, file = 'backlog.md'): SourceText {
  return { file, path: file, ...decodeBytes(new TextEncoder().encode(text), file) };
}
