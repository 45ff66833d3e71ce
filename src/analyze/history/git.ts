import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { HistoryError } from './errors.js';
import type { GitHistory, HistoryCommit } from './types.js';

export { HistoryError };
export type { GitHistory, HistoryCommit };

/**
 * Reading a plan's history from git: the one module under analyze/ that touches the process
 * (it runs the `git` binary, without a shell). Everything after it (`replayHistory`,
 * `historySprints`) is pure over what it returns.
 */

/** Runs git with arguments and optional stdin; resolves stdout as bytes. */
export type GitRunner = (args: string[], options: { cwd: string; input?: string }) => Promise<Buffer>;

interface GitFailure extends Error {
  code?: string | number;
  stderr?: Buffer | string;
}

/** The real git: `execFile`, no shell, stdout as bytes (blob contents may be any encoding). */
export const runGit: GitRunner = (args, { cwd, input }) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: 1 << 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error as GitFailure, { stderr }));
        else resolve(stdout);
      },
    );
    // git may exit before reading its input (a failing rev-parse): that is its answer, not an error of ours.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? '');
  });

function firstLine(text: Buffer | string | undefined): string {
  return (
    String(text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '')
      ?.replace(/^fatal:\s*/, '') ?? ''
  );
}

async function git(run: GitRunner, args: string[], cwd: string, input?: string): Promise<Buffer> {
  try {
    return await run(args, { cwd, input });
  } catch (error) {
    const failure = error as GitFailure;
    if (failure.code === 'ENOENT') throw new HistoryError('--history git needs the git binary, and there is none on PATH');
    throw failure;
  }
}

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The top level of the repository holding `directory`, or a HistoryError naming `shown`. */
async function topLevel(run: GitRunner, directory: string, shown: string): Promise<string> {
  try {
    return (await git(run, ['rev-parse', '--show-toplevel'], directory)).toString('utf8').trim();
  } catch (error) {
    if (error instanceof HistoryError) throw error;
    throw new HistoryError(
      `${shown} is not in a git repository, so --history git has no history to read (${firstLine((error as GitFailure).stderr) || 'git rev-parse failed'})`,
    );
  }
}

/**
 * The history of `files` (`file` as shown, `path` on disk): the first-parent commits of HEAD
 * that changed any of them, oldest first, with each file's blob at each commit and the bytes of
 * every blob. Five git processes however long the history (rev-parse twice, log, then
 * `cat-file --batch-check` and `cat-file --batch` over stdin). Throws a HistoryError, one line, when the
 * files are not in one git repository, the clone is shallow, or a file was never committed.
 */
export async function readGitHistory(files: readonly { file: string; path: string }[], run: GitRunner = runGit): Promise<GitHistory> {
  if (files.length === 0) throw new HistoryError('--history git needs markdown files to read the history of');
  const tops = new Map<string, string>();
  for (const { file, path: where } of files) {
    const directory = path.dirname(real(where));
    if (!tops.has(directory)) tops.set(directory, real(await topLevel(run, directory, file)));
  }
  const roots = [...new Set(tops.values())];
  if (roots.length > 1) {
    throw new HistoryError(`the plan's files are in ${roots.length} git repositories (${roots.join(', ')}): --history git reads one`);
  }
  const root = roots[0];
  const shallow = (await git(run, ['rev-parse', '--is-shallow-repository'], root)).toString('utf8').trim();
  if (shallow === 'true') {
    throw new HistoryError(
      `${root} is a shallow clone, so its history is cut short: fetch all of it (git fetch --unshallow; in GitHub Actions, fetch-depth: 0)`,
    );
  }
  const relative = files.map(({ path: where }) => path.relative(root, real(where)).split(path.sep).join('/'));
  const unreadable = files.find((_, index) => /[\n\r]/.test(relative[index]));
  if (unreadable) throw new HistoryError(`${unreadable.file}: a path with a line break cannot be read from git`);

  let log: string;
  try {
    log = (await git(run, ['--literal-pathspecs', 'log', '--first-parent', '--format=%H %ct', 'HEAD', '--', ...relative], root)).toString(
      'utf8',
    );
  } catch (error) {
    const reason = firstLine((error as GitFailure).stderr);
    throw new HistoryError(`${files[0].file} has no git history to read${reason ? ` (${reason})` : ''}`);
  }
  const commits = log
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [hash, time] = line.trim().split(' ');
      return { hash, time: Number(time), blobs: [] as (string | null)[] };
    })
    .reverse();
  if (commits.length === 0) {
    throw new HistoryError(
      `${files.length === 1 ? files[0].file : "the plan's files"} ${files.length === 1 ? 'has' : 'have'} no git history (never committed)`,
    );
  }

  // Each file's blob at each commit, one line per commit and file.
  const requests = commits.flatMap((commit) => relative.map((file) => `${commit.hash}:${file}`));
  const checks = (await git(run, ['cat-file', '--batch-check'], root, `${requests.join('\n')}\n`)).toString('utf8').split('\n');
  const seen = new Set<number>();
  commits.forEach((commit, row) => {
    commit.blobs = relative.map((_, column) => {
      const answer = checks[row * relative.length + column] ?? '';
      const match = /^([0-9a-f]{40,64}) blob \d+$/.exec(answer);
      if (!match) return null;
      seen.add(column);
      return match[1];
    });
  });
  const never = files.find((_, column) => !seen.has(column));
  if (never) {
    throw new HistoryError(`${never.file} has no git history (it was never committed): commit it, or leave --history git out`);
  }

  const blobs = [...new Set(commits.flatMap((commit) => commit.blobs.filter((blob): blob is string => blob !== null)))];
  const contents = parseBatch(await git(run, ['cat-file', '--batch'], root, `${blobs.join('\n')}\n`));
  return { files: files.map(({ file }) => file), commits, contents };
}

/** `git cat-file --batch` output: `<sha> blob <size>\n<bytes>\n`, one after the other. */
function parseBatch(output: Buffer): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  let at = 0;
  while (at < output.length) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) break;
    const header = output.toString('utf8', at, end).split(' ');
    at = end + 1;
    if (header[1] !== 'blob') continue;
    const size = Number(header[2]);
    contents.set(header[0], output.subarray(at, at + size));
    at += size + 1;
  }
  return contents;
}
