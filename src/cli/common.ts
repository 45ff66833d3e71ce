import { Option, type Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { InputsReported, UsageError } from '../errors.js';
import type { LoadResult } from '../load.js';
import { writeErr } from './output.js';

export interface CommonOptions {
  format?: string;
  config?: string;
}

/** Options every command that reads backlogs shares. */
export function addInputOptions(command: Command, formats: string[], defaultFormat = 'table'): Command {
  return command
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(defaultFormat))
    .option('-c, --config <file>', 'config file (default: nearest .backlogrc.yaml or backlog.config.yaml)');
}

export interface LoadedInput extends LoadResult {
  config: Config;
}

/**
 * Loads config and backlog for a command. Files that cannot be read are reported on stderr, one
 * line each, and set exit code 2, but the rest are still processed.
 */
export async function loadInput(paths: string[], options: CommonOptions): Promise<LoadedInput> {
  const { loadConfig } = await import('../config/load-config.js');
  const { loadBacklog } = await import('../load.js');
  const cwd = process.cwd();
  const config = loadConfig(options.config, configStart(paths, cwd));
  const result = await loadBacklog(paths, { cwd, config });
  for (const error of result.inputErrors) writeErr(`backlog: ${error}`);
  if (result.inputErrors.length > 0) process.exitCode = 2;
  if (result.sources.length === 0) {
    // Each path already said why it gave nothing; a second line would only repeat it.
    if (result.inputErrors.length > 0) throw new InputsReported();
    throw new UsageError('no markdown to read (pass files, directories or globs that hold *.md files)');
  }
  return { ...result, config };
}

/**
 * Where the search for a config file starts: the first path's directory, so that
 * `backlog lint docs/plan.md` from the repository root finds docs/.backlogrc.yaml, walking up
 * from there to the root as markdownlint-cli2 does.
 */
function configStart(paths: string[], cwd: string): string {
  const first = paths[0] ? path.resolve(cwd, paths[0]) : cwd;
  if (!existsSync(first)) return cwd;
  return statSync(first).isDirectory() ? first : path.dirname(first);
}

/** Parses a number option strictly: the whole string must be a number. */
export function parseNumberOption(flag: string, value: string, { min = -Infinity, integer = false } = {}): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min || (integer && !Number.isInteger(number))) {
    const what = integer ? 'a whole number' : 'a number';
    throw new UsageError(`${flag} expects ${what}${min > -Infinity ? ` of at least ${min}` : ''}, got "${value}"`);
  }
  return number;
}
