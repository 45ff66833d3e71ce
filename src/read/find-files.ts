import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

/**
 * The `ignore` patterns that apply to a file, and the directory they are relative to (a config's
 * own directory, as a .gitignore's): each file may have a config of its own.
 */
export type IgnoreFor = (absoluteFile: string) => { patterns: readonly string[]; base: string | null };

export interface FoundFiles {
  files: string[];
  /** One line each: a path that named nothing, or a directory with no markdown. */
  errors: string[];
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands the paths a user typed (files, directories, globs) into markdown files, sorted by
 * path (so the order the paths are given in changes nothing), without duplicates. Directories
 * and globs honour the .gitignore files of the directories they search and the `ignore` patterns
 * from configuration: one list for every file, or each file's own (`IgnoreFor`), matched against
 * the path below the directory searched and below the config's own directory. A file named
 * explicitly is always read.
 */
export async function findMarkdownFiles(
  inputs: string[],
  cwd: string,
  ignorePatterns: readonly string[] | IgnoreFor = [],
): Promise<FoundFiles> {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const absolute = path.resolve(cwd, file);
    if (!seen.has(absolute)) {
      seen.add(absolute);
      files.push(absolute);
    }
  };
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    if (existsSync(absolute)) {
      const stat = statSync(absolute);
      if (stat.isFile()) {
        add(absolute);
        continue;
      }
      if (stat.isDirectory()) {
        const found = await searchDirectory(absolute, ['**/*.md', '**/*.markdown'], ignorePatterns);
        if (found.length === 0) errors.push(`${input}: no markdown files (*.md) in this directory${otherFilesHint(absolute, input)}`);
        found.forEach(add);
        continue;
      }
    }
    if (isDynamicPattern(input)) {
      const found = await searchDirectory(cwd, [input], ignorePatterns);
      if (found.length === 0) errors.push(`${input}: the pattern matches no files`);
      found.forEach(add);
      continue;
    }
    errors.push(`${input}: no such file or directory`);
  }
  return { files: files.sort(), errors };
}

/** Backlogs saved as .txt are read when named: say how, rather than only that nothing was found. */
function otherFilesHint(directory: string, input: string): string {
  const texts = readdirSync(directory).filter((name) => /\.(?:txt|mdown|mkd)$/i.test(name));
  if (texts.length === 0) return '';
  const extension = path.extname(texts[0]);
  return `; to read its ${texts.length} ${extension} file${texts.length === 1 ? '' : 's'}, name them: ${path.join(input, `*${extension}`)}`;
}

async function searchDirectory(root: string, patterns: string[], ignorePatterns: readonly string[] | IgnoreFor): Promise<string[]> {
  const matches = await glob(patterns, { cwd: root, absolute: true, dot: false, ignore: ALWAYS_SKIPPED });
  const filter = gitignoreFilter(root, typeof ignorePatterns === 'function' ? [] : ignorePatterns);
  const configured = typeof ignorePatterns === 'function' ? configIgnores(ignorePatterns) : () => false;
  return matches
    .filter((file) => {
      const relative = below(root, file);
      // A pattern may reach outside the directory it starts from ("../docs/*.md"); the
      // .gitignore files of this directory say nothing about such files.
      return (relative === null || !filter.ignores(relative)) && !configured(file, relative);
    })
    .sort();
}

/** Whether a file's own config ignores it: its patterns below the directory searched, or below the config's directory. */
function configIgnores(ignoreFor: IgnoreFor): (file: string, relative: string | null) => boolean {
  const filters = new Map<string, Ignore>();
  return (file, relative) => {
    const { patterns, base } = ignoreFor(file);
    if (patterns.length === 0) return false;
    const key = patterns.join('\n');
    let filter = filters.get(key);
    if (!filter) {
      filter = ignore().add([...patterns]);
      filters.set(key, filter);
    }
    const fromBase = base === null ? null : below(base, file);
    return (relative !== null && filter.ignores(relative)) || (fromBase !== null && filter.ignores(fromBase));
  };
}

/** The path of a file below a directory, with forward slashes; null when it is not below it. */
function below(dir: string, file: string): string | null {
  const relative = path.relative(dir, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? null : toPosix(relative);
}

/** The .gitignore of the searched directory and its ancestors up to the repository root. */
function gitignoreFilter(root: string, extra: readonly string[]): Ignore {
  const filter = ignore().add([...extra]);
  let dir = root;
  const chain: string[] = [];
  for (;;) {
    chain.push(dir);
    if (existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const ancestor of chain.reverse()) {
    const gitignore = path.join(ancestor, '.gitignore');
    if (!existsSync(gitignore)) continue;
    const prefix = toPosix(path.relative(root, ancestor));
    for (const line of readFileSync(gitignore, 'utf8').split(/\r?\n/)) {
      const pattern = line.trim();
      if (!pattern || pattern.startsWith('#')) continue;
      // Patterns of an ancestor's .gitignore apply relative to that ancestor; above the searched
      // root only unanchored patterns can match below it.
      if (prefix && prefix.startsWith('..')) {
        if (!pattern.replace(/\/$/, '').includes('/')) filter.add(pattern);
      } else filter.add(pattern);
    }
  }
  return filter;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
