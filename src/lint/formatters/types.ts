import type { LintResult, Rule } from '../types.js';

export interface FormatOptions {
  /** Colour for a terminal; only the stylish format uses it. */
  color: boolean;
  /** The rule registry, for formats that describe the rules (SARIF). */
  rules: readonly Rule[];
  /** The tool's version, for formats that name the tool. */
  version: string;
  /** The terminal's width: stylish wraps long messages to fit it. Without one nothing is wrapped. */
  width?: number;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
