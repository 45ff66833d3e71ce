import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { UsageError, EXIT_USAGE } from '../errors.js';
import { writeErr } from './output.js';
import { registerCommands } from './commands/index.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('backlog')
    .description('Read markdown backlogs into one model: show, lint, critical path, forecast and capacity.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
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
