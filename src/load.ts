import { DEFAULT_CONFIG, type Config } from './config/types.js';
import { extractFile } from './extract/extract-file.js';
import { buildBacklog } from './model/build-backlog.js';
import type { Backlog } from './model/types.js';
import { decodeBytes } from './read/decode.js';
import { readSources } from './read/read-sources.js';
import type { SourceText } from './read/source.js';

export interface LoadResult {
  backlog: Backlog;
  sources: SourceText[];
  /** Files that could not be read at all, one line each. */
  inputErrors: string[];
}

/** Reads files, directories or globs into one backlog. Never throws on a bad file. */
export async function loadBacklog(paths: string[], options: { cwd?: string; config?: Config } = {}): Promise<LoadResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const { sources, errors } = await readSources(paths, options.cwd ?? process.cwd(), config.ignore);
  return { backlog: backlogFromSources(sources, config), sources, inputErrors: errors };
}

/** The pure part of loading: decoded texts to the model. */
export function backlogFromSources(sources: readonly SourceText[], config: Config = DEFAULT_CONFIG): Backlog {
  return buildBacklog(sources.map((source) => extractFile(source, config)));
}

/** One in-memory markdown document to the model, as `loadBacklog` would read it from a file. */
export function backlogFromMarkdown(text: string, file = 'backlog.md', config: Config = DEFAULT_CONFIG): Backlog {
  return backlogFromSources([sourceFromText(text, file)], config);
}

export function sourceFromText(text: string, file = 'backlog.md'): SourceText {
  return { file, path: file, ...decodeBytes(new TextEncoder().encode(text), file) };
}
