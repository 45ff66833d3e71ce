import { github } from './github.js';
import { json } from './json.js';
import { md } from './md.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { FormatOptions, Formatter } from './types.js';

/** `--format` choices, in the order help lists them. */
export const LINT_FORMATS = ['stylish', 'json', 'github', 'sarif', 'md'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export const FORMATTERS: Record<LintFormat, Formatter> = { stylish, json, github, sarif, md };
