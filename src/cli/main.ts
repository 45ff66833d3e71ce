import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { UsageError, EXIT_USAGE } from '../errors.js';
import { writeErr } from './output.js';
import { registerCommands } from './commands/index.js';
import { argumentDescription, optionDescription } from './help.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('backlog')
    .description('Read markdown backlogs into one model: show, lint, critical path, forecast and capacity.')
    .version(version, '-v, --version')
    .exitOverride()
    // A usage mistake is one line, written by `main` when the error arrives.
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: () => undefined })
    .configureHelp({ optionDescription, argumentDescription });
  registerCommands(program);
  // Every subcommand reports usage mistakes through exitOverride too.
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI and answers its exit code: 0 ok, 1 problems found, 2 usage or input error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    process.exitCode = 0;
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return 0;
      }
      writeErr(usageLine(error.message, program, argv));
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      if (error.message) writeErr(`backlog: ${error.message}`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    writeErr(`backlog: internal error: ${message} (please report it with the file that caused it)`);
    if (process.env.BACKLOG_DEBUG) writeErr(String((error as Error).stack));
    return EXIT_USAGE;
  }
}

/**
 * Commander's message as the README promises every usage error: one line, prefixed `backlog:`,
 * saying where the usage is (`unknown option '--formt' (did you mean --format?); see backlog show --help`).
 */
function usageLine(message: string, program: Command, argv: readonly string[]): string {
  const text = message
    .replace(/^error:\s*/, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\(Did you mean/, '(did you mean'))
    .filter(Boolean)
    .join(' ')
    .replace(/\.$/, '');
  const first = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const command = program.commands.find((each) => each.name() === first)?.name();
  return `backlog: ${text}; see backlog${command ? ` ${command}` : ''} --help`;
}
