import type { Command, Option } from 'commander';

/** What follows an option on the command line, as far as completion can tell. */
export type OptionValue =
  | { kind: 'none' }
  | { kind: 'choices'; choices: string[] }
  | { kind: 'file' }
  /** A value the shell cannot suggest (a number, a velocity range). */
  | { kind: 'other'; name: string };

export interface OptionSpec {
  short: string | null;
  long: string | null;
  description: string;
  value: OptionValue;
}

/** What the words after a command's options are. */
export type Operands = { kind: 'none' } | { kind: 'files' } | { kind: 'choices'; name: string; choices: string[] };

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  operands: Operands;
}

export interface ProgramSpec {
  name: string;
  options: OptionSpec[];
  commands: CommandSpec[];
}

/** Value names that stand for a file or directory on disk. */
const PATH_VALUES = /[<[](file|dir|directory|path|paths|glob)(\.\.\.)?[>\]]/;

/**
 * Reads what shell completion needs from the commander program itself, so that scripts stay true
 * as commands and options are added: visible commands, their options, `--format`-like choices.
 */
export function programSpec(program: Command): ProgramSpec {
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const names = commands.map((command) => command.name());
  return {
    name: program.name(),
    options: help.visibleOptions(program).map(optionSpec),
    commands: commands.map((command) => ({
      name: command.name(),
      description: firstLine(command.description()),
      options: help.visibleOptions(command).map(optionSpec),
      // The implicit `help [command]` takes a command name.
      operands: command.name() === 'help' ? { kind: 'choices', name: 'command', choices: names } : operandsOf(command),
    })),
  };
}

function optionSpec(option: Option): OptionSpec {
  return {
    short: option.short ?? null,
    long: option.long ?? null,
    description: firstLine(option.description),
    value: valueOf(option),
  };
}

function valueOf(option: Option): OptionValue {
  if (!option.required && !option.optional) return { kind: 'none' };
  if (option.argChoices) return { kind: 'choices', choices: option.argChoices };
  if (PATH_VALUES.test(option.flags)) return { kind: 'file' };
  return { kind: 'other', name: /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? 'value' };
}

function operandsOf(command: Command): Operands {
  const first = command.registeredArguments[0];
  if (!first) return { kind: 'none' };
  if (first.argChoices) return { kind: 'choices', name: first.name(), choices: first.argChoices };
  return { kind: 'files' };
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

/** Every spelling of an option: `-f`, `--format`. */
export function flagsOf(option: OptionSpec): string[] {
  return [option.short, option.long].filter((flag): flag is string => flag !== null);
}
