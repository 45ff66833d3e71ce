/**
 * Running the real binary (`npm test` builds dist/ first) the way the CLI tests expect: output
 * captured as text, colour off unless asked for, never cut to a COLUMNS width, and no stack
 * traces from BACKLOG_DEBUG leaking into stderr, whatever the shell running the tests has set.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve('bin/backlog.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Where to run; the test process's directory when not given. */
  cwd?: string;
  /** Force colour on (FORCE_COLOR=1, no NO_COLOR) instead of off. */
  colour?: boolean;
  /** Milliseconds before the run is killed; no limit when not given. */
  timeout?: number;
}

/** The environment of the test process with the colour and debug variables set as the tests need. */
export function cliEnvironment(colour = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.BACKLOG_DEBUG;
  // Piped output is cut to COLUMNS when it is set: a shell that exports it would change every table.
  delete env.COLUMNS;
  if (colour) env.FORCE_COLOR = '1';
  else env.NO_COLOR = '1';
  return env;
}

/** `backlog ARGS`, to the end. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: cliEnvironment(options.colour),
    timeout: options.timeout,
    // Output past the 1 MiB default would kill the run; the hardening tests read 50 MB documents.
    maxBuffer: 1 << 30,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
