import { github } from './github.js';
import { json } from './json.js';
import { md } from './md.js';
import type { LintFormat } from './names.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export { LINT_FORMATS, type LintFormat } from './names.js';
export type { FormatOptions, Formatter } from './types.js';

export const FORMATTERS: Record<LintFormat, Formatter> = { stylish, json, github, sarif, md };
