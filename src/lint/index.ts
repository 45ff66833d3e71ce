import { DEFAULT_CONFIG, type Config } from '../config/types.js';
import type { Backlog } from '../model/types.js';
import type { SourceText } from '../read/source.js';
import { runRules } from './run-rules.js';
import type { LintResult } from './types.js';

export { RULES } from './rules/index.js';
export type { LintResult, Problem, Rule, RuleContext } from './types.js';

export interface LintOptions {
  /** The decoded texts the backlog was read from: inline `backlog-disable` comments live there. */
  sources?: readonly SourceText[];
  config?: Config;
  /** Each file's own config, by its name in the model (`loadBacklog`'s `configOf`); `config` for the rest. */
  configFor?: (file: string) => Config;
}

/** The library entry point: every enabled rule over a backlog, as sorted problems and counts. */
export function lint(backlog: Backlog, options: LintOptions = {}): LintResult {
  return runRules({
    backlog,
    sources: options.sources ?? [],
    config: options.config ?? DEFAULT_CONFIG,
    ...(options.configFor ? { configFor: options.configFor } : {}),
  });
}

export { configOfFile } from './file-config.js';
