import type { Config } from '../config/types.js';
import type { Backlog, Diagnostic, Fix, Severity } from '../model/types.js';
import type { SourceText } from '../read/source.js';

/** What every rule may look at: the model, the decoded texts it came from, and the config. */
export interface RuleContext {
  backlog: Backlog;
  sources: readonly SourceText[];
  /** The config for every file, unless `configFor` gives a file its own. */
  config: Config;
  /**
   * Each file's own config, by its name in the model: a problem takes the severity its file's
   * config gives the rule, and a figure a document states is checked with that file's settings.
   */
  configFor?: (file: string) => Config;
}

/** What a rule reports: a place, what is wrong there, and optionally how to repair it. */
export interface Report {
  file: string;
  line: number;
  column?: number;
  message: string;
  fix?: Fix;
}

/**
 * A lint rule: a small declarative object in the markdownlint style. `check` never prints; it
 * calls `report` once per problem, and the runner decides severity and whether it is shown.
 */
export interface Rule {
  name: string;
  description: string;
  tags: string[];
  defaultSeverity: Severity;
  /** True when the rule's problems can carry a fix that `--fix` applies. */
  fixable?: boolean;
  check(context: RuleContext, report: (problem: Report) => void): void;
}

/**
 * A problem as the runner returns it (field names up to `message` are the JSON contract): the
 * same shape as a diagnostic the reading stages record, with the severity the config gives it.
 */
export type Problem = Diagnostic;

export interface LintResult {
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}
