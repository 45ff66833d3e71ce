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
