import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import { writeErr } from '../output.js';
import { addPlanOption, reportPlans, type PlanOption } from '../plans.js';
import { addWriteOptions, emitReport, type WriteOptions } from '../write-back.js';

interface ReportCommandOptions extends CommonOptions, WriteOptions, PlanOption {
  out?: string;
  velocity?: string;
  history?: string;
  capacity?: string;
}

export function register(program: Command): void {
  addWriteOptions(
    addPlanOption(
      addInputOptions(
        program
          .command('report')
          .description('one markdown report: summary, sprints and capacity, critical path with a gantt chart, forecast, lint')
          .option('-o, --out <file>', 'write the report to FILE (created or replaced) instead of stdout')
          .option(
            '--velocity <n|a..b>',
            'for the forecast: work per sprint, or a range like 25..40 (default: a velocity the document states)',
          )
          .option('--history <list>', 'for the forecast: velocities of past sprints, like 21,30,27')
          .option('--capacity <n>', 'capacity of every sprint (default: the config, then what the document states)'),
        ['md'],
        'md',
      ),
    ),
  ).action(async (paths: string[], options: ReportCommandOptions) => {
    if (options.out !== undefined && options.write !== undefined) {
      throw new UsageError('--out writes a whole file and --write one section of a file: give one of them');
    }
    if (options.velocity !== undefined && options.history !== undefined) throw new UsageError('give --velocity or --history, not both');
    const { parseHistory, parseVelocity } = await import('../../analyze/velocity.js');
    const velocity =
      options.velocity !== undefined
        ? parseVelocity(options.velocity)
        : options.history !== undefined
          ? parseHistory(options.history)
          : undefined;
    const capacity = options.capacity === undefined ? undefined : parseNumberOption('--capacity', options.capacity, { min: 0 });
    const { backlog, sources, config, configOf } = await loadInput(paths, options);
    const { backlogReport } = await import('../../report/report.js');
    const content = await reportPlans(backlog, { ...options, format: 'md', color: false }, (plan, name) =>
      backlogReport(plan, { sources, config, configFor: configOf, velocity, capacity, headingLevel: name === null ? 2 : 3 }),
    );
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
