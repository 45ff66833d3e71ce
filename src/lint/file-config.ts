import type { Config } from '../config/types.js';
import type { RuleContext } from './types.js';

/** The config a file is linted with: its own, or the one for every file. */
export function configOfFile(context: Pick<RuleContext, 'config' | 'configFor'>, file: string): Config {
  return context.configFor ? context.configFor(file) : context.config;
}
