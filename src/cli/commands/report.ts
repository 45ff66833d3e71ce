import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addInputOptions, loadInput, type CommonOptions } from '../common.js';
import { writeErr } from '../output.js';
import { addWriteOptions, emitReport, type WriteOptions } from '../write-back.js';

interface ReportCommandOptions extends CommonOptions, WriteOptions {
  out?: string;
}

export function register(program: Command): void {
  addWriteOptions(
    addInputOptions(
      program
        .command('report')
        .description('one markdown report: summary, sprints and capacity, critical path with a gantt chart, forecast, lint')
        .option('-o, --out <file>', 'write the report to FILE (created or replaced) instead of stdout'),
      ['md'],
      'md',
    ),
  ).action(async (paths: string[], options: ReportCommandOptions) => {
    if (options.out !== undefined && options.write !== undefined) {
      throw new UsageError('--out writes a whole file and --write one section of a file: give one of them');
    }
    const { backlog, sources, config } = await loadInput(paths, options);
    const { backlogReport } = await import('../../report/report.js');
    const content = backlogReport(backlog, { sources, config });
    if (options.out === undefined) {
      await emitReport({ name: 'report', content, ...options });
      return;
    }
    await writeWholeFile(options.out, content);
    writeErr(`wrote the report to ${options.out}`);
  });
}

/** Replaces an existing file atomically (keeping its permissions), or creates a new one. */
async function writeWholeFile(file: string, content: string): Promise<void> {
  const { existsSync, writeFileSync } = await import('node:fs');
  if (existsSync(file)) {
    const { writeFileAtomic } = await import('../../write/atomic-write.js');
    writeFileAtomic(file, content);
    return;
  }
  try {
    writeFileSync(file, content, { flag: 'wx' });
  } catch (error) {
    throw new UsageError(`${file}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
