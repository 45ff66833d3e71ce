/**
 * Running the real binary on generated files, and the checks every hardening test makes: the
 * exact exit code, stderr as one clear line (or nothing), no stack trace, files left as they were.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, cliEnvironment, runCli, type CliRun } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A fresh temporary directory holding `files` (text as UTF-8, or exact bytes); see tempDir for when it goes. */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir('hardening');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** `backlog ARGS` in `cwd`, to the end; a run that hangs fails the test instead of stalling the suite. */
export function run(args: string[], cwd: string, timeout = 60_000): CliRun {
  return runCli(args, { cwd, timeout });
}

/**
 * `backlog ARGS | head -1`: reads stdout up to its first line, then closes the pipe while the
 * command is still writing.
 */
export function runUntilFirstLine(args: string[], cwd: string): Promise<CliRun & { firstLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnvironment() });
    let stdout = '';
    let stderr = '';
    let closed = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (closed) return;
      stdout += chunk;
      if (stdout.includes('\n')) {
        closed = true;
        child.stdout.destroy();
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, firstLine: stdout.split('\n')[0] }));
  });
}

/** No stack trace, and exactly the one line expected (a string, or a pattern for long lines). */
export function expectOneLine(stderr: string, line: string | RegExp): void {
  expect(stderr).not.toContain('\n    at ');
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

export interface FileState {
  bytes: Buffer;
  mtimeMs: number;
  mode: number;
}

export function fileState(file: string): FileState {
  const stat = statSync(file);
  return { bytes: readFileSync(file), mtimeMs: stat.mtimeMs, mode: stat.mode };
}

/** The file still holds the same bytes, and was not even rewritten with them. */
export function expectUnchanged(file: string, before: FileState): void {
  const after = fileState(file);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(after.mode).toBe(before.mode);
}

/** The show command's JSON, reduced to what the hardening tests compare. */
export function itemsOf(stdout: string): { id: string; title: string; expected: number | null; dependsOn: string[]; line: number }[] {
  const json = JSON.parse(stdout) as {
    items: { id: string; title: string; estimate: { expected: number } | null; dependsOn: string[]; source: { line: number } }[];
  };
  return json.items.map((item) => ({
    id: item.id,
    title: item.title,
    expected: item.estimate?.expected ?? null,
    dependsOn: item.dependsOn,
    line: item.source.line,
  }));
}

/** A backlog table: a header, its delimiter row and one row per entry. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}
