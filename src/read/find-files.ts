import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface FoundFiles {
  files: string[];
  /** One line each: a path that named nothing, or a directory with no markdown. */
  errors: string[];
}

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands the paths a user typed (files, directories, globs) into markdown files, in a stable
 * order, without duplicates. Directories and globs honour the .gitignore files of the
 * directories they search and the `ignore` patterns from configuration; a file named
 * explicitly is always read.
 */
export async function findMarkdownFiles(inputs: string[], cwd: string, ignorePatterns: string[] = []): Promise<FoundFiles> {
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
  return { files, errors };
}

/** Backlogs saved as .txt are read when named: say how, rather than only that nothing was found. */
function otherFilesHint(directory: string, input: string): string {
  const texts = readdirSync(directory).filter((name) => /\.(?:txt|mdown|mkd)$/i.test(name));
  if (texts.length === 0) return '';
  const extension = path.extname(texts[0]);
  return `; to read its ${texts.length} ${extension} file${texts.length === 1 ? '' : 's'}, name them: ${path.join(input, `*${extension}`)}`;
}

async function searchDirectory(root: string, patterns: string[], ignorePatterns: string[]): Promise<string[]> {
  const matches = await glob(patterns, { cwd: root, absolute: true, dot: false, ignore: ALWAYS_SKIPPED });
  const filter = gitignoreFilter(root, ignorePatterns);
  return matches
    .filter((file) => {
      const relative = toPosix(path.relative(root, file));
      // A pattern may reach outside the directory it starts from ("../docs/*.md"); the
      // .gitignore files of this directory say nothing about such files.
      return relative.startsWith('..') || path.isAbsolute(relative) || !filter.ignores(relative);
    })
    .sort();
}

/** The .gitignore of the searched directory and its ancestors up to the repository root. */
function gitignoreFilter(root: string, extra: string[]): Ignore {
  const filter = ignore().add(extra);
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
