import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BinaryFileError, decodeBytes } from './decode.js';
import { findMarkdownFiles, type IgnoreFor } from './find-files.js';
import type { SourceText } from './source.js';

export interface ReadResult {
  sources: SourceText[];
  /** Input errors, one line each, naming the file and what to do. */
  errors: string[];
}

/**
 * Paths, directories and globs to decoded texts, in the order of their paths. A bad file is
 * reported and skipped. Files are named by `nameOf`: by default relative to the working
 * directory when they lie below it, else by their absolute path.
 */
export async function readSources(
  inputs: string[],
  cwd: string,
  ignorePatterns: readonly string[] | IgnoreFor = [],
  nameOf: (absolute: string) => string = (absolute) => displayPath(absolute, cwd),
): Promise<ReadResult> {
  const found = await findMarkdownFiles(inputs, cwd, ignorePatterns);
  const errors = [...found.errors];
  const sources: SourceText[] = [];
  for (const absolute of found.files) {
    const file = nameOf(absolute);
    let bytes: Buffer;
    try {
      bytes = await readFile(absolute);
    } catch (error) {
      errors.push(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    try {
      sources.push({ file, path: absolute, ...decodeBytes(bytes, file) });
    } catch (error) {
      if (error instanceof BinaryFileError) errors.push(error.message);
      else throw error;
    }
  }
  return { sources, errors };
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

/**
 * The name of a file in a report kept in a repository: relative to the repository root, with
 * forward slashes, `../` where it lies outside, so the report reads the same on every machine and
 * from every directory.
 */
export function repositoryPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  return path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

/** The repository a path lies in: the nearest directory at or above it holding `.git`; null outside any. */
export function repositoryRoot(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
