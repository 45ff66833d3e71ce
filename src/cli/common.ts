import { Option, type Command } from 'commander';
import path from 'node:path';
import type { Config } from '../config/types.js';
import { InputsReported, UsageError } from '../errors.js';
import type { LoadResult } from '../load.js';
import { writeErr } from './output.js';

export interface CommonOptions {
  format?: string;
  config?: string;
}

/** What loading looks at: the config, and where a report is written (`--write`, `--out`), which decides how files are named. */
export interface InputOptions extends CommonOptions {
  write?: string;
  out?: string;
}

/** Options every command that reads backlogs shares. */
export function addInputOptions(command: Command, formats: string[], defaultFormat = 'table'): Command {
  return command
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(defaultFormat))
    .option('-c, --config <file>', "config file for every path (default: each file's nearest .backlogrc.yaml or backlog.config.yaml)");
}

export interface LoadedInput extends LoadResult {
  /**
   * The config for figures over all the files read (hours per day in a critical path): the
   * files' own when they share one, else the config of the directory they have in common.
   */
  config: Config;
  /** Every config a file was read with, each once. */
  configs: Config[];
}

/**
 * Loads the backlog for a command, each file read with its own config (the nearest above it, or
 * `--config FILE` for all). Files that cannot be read are reported on stderr, one line each, and
 * set exit code 2, but the rest are still processed. A report written into a file names the
 * files relative to that file's repository, so it reads the same from every directory.
 */
export async function loadInput(paths: string[], options: InputOptions): Promise<LoadedInput> {
  const { configLookup } = await import('../config/nearest.js');
  const { loadBacklog } = await import('../load.js');
  const cwd = process.cwd();
  const lookup = configLookup({ cwd, explicit: options.config });
  const target = options.write ?? options.out;
  const nameOf = target === undefined ? undefined : await reportNaming(path.resolve(cwd, target));
  const result = await loadBacklog(paths, { cwd, configFor: lookup.forPath, ...(nameOf ? { nameOf } : {}) });
  for (const error of result.inputErrors) writeErr(`backlog: ${error}`);
  if (result.inputErrors.length > 0) process.exitCode = 2;
  if (result.sources.length === 0) {
    // Each path already said why it gave nothing; a second line would only repeat it.
    if (result.inputErrors.length > 0) throw new InputsReported();
    throw new UsageError('no markdown to read (pass files, directories or globs that hold *.md files)');
  }
  const config = lookup.shared(result.sources.map((source) => source.path));
  const configs = [...new Set(result.sources.map((source) => result.configOf(source.file)))];
  return { ...result, config, configs };
}

/** Names relative to the repository of the report's file (its own directory outside any repository). */
async function reportNaming(target: string): Promise<(absolute: string) => string> {
  const { repositoryPath, repositoryRoot } = await import('../read/read-sources.js');
  const root = repositoryRoot(path.dirname(target)) ?? path.dirname(target);
  return (absolute) => repositoryPath(absolute, root);
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
