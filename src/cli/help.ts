import type { Argument, Option } from 'commander';

/**
 * Help text for options and arguments as commander writes it, except that choices, defaults and
 * presets read as they are typed: `(choices: table, md, json, default: table)`, not
 * `"table"` in quotes (a user would type the quotes in, and they mean nothing to the shell).
 */
export function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`choices: ${option.argChoices.join(', ')}`);
  const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && shown) extra.push(`default: ${option.defaultValueDescription ?? plain(option.defaultValue)}`);
  if (option.presetArg !== undefined && option.optional) extra.push(`preset: ${plain(option.presetArg)}`);
  if (option.envVar !== undefined) extra.push(`env: ${option.envVar}`);
  return withExtra(option.description, extra);
}

export function argumentDescription(argument: Argument): string {
  const extra: string[] = [];
  if (argument.argChoices) extra.push(`choices: ${argument.argChoices.join(', ')}`);
  if (argument.defaultValue !== undefined) extra.push(`default: ${argument.defaultValueDescription ?? plain(argument.defaultValue)}`);
  return withExtra(argument.description, extra);
}

function withExtra(description: string, extra: readonly string[]): string {
  if (extra.length === 0) return description;
  return description ? `${description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
