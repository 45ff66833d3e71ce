/**
 * Writes to stdout so that a closed pipe (`backlog show | head`) ends the program quietly
 * instead of raising EPIPE.
 */
let stdoutClosed = false;

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    stdoutClosed = true;
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

export function writeOut(text: string): void {
  if (stdoutClosed) return;
  process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
}

export function writeErr(line: string): void {
  process.stderr.write(`${line}\n`);
}

export function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/**
 * The width terminal output must fit: `COLUMNS` when it is set (for a pipe or a CI log that
 * should be cut too), else the terminal's own width; undefined when stdout goes to a pipe or a
 * file, whose output is never cut.
 */
export function outputWidth(): number | undefined {
  const columns = process.env.COLUMNS?.trim();
  if (columns && /^\d+$/.test(columns) && Number(columns) > 0) return Number(columns);
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

/** How a report is drawn for stdout: in colour or not, to a width or whole. */
export function terminalOutput(): { color: boolean; width: number | undefined } {
  return { color: useColor(), width: outputWidth() };
}
