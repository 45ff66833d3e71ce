import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import { terminalOutput, writeErr } from '../output.js';
import { addPlanOption, reportPlans, type PlanOption } from '../plans.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

const DEFAULT_TRIALS = 10_000;
const MAX_SEED = 2 ** 31 - 1;

interface CriticalPathCommandOptions extends CommonOptions, WriteOptions, PlanOption {
  all?: boolean;
  sprint?: string;
  group?: string;
  deadline?: string;
  simulate?: string | true;
  seed?: string;
}

export function register(program: Command): void {
  addWriteOptions(
    addPlanOption(
      addInputOptions(
        program
          .command('critical-path')
          .description('the chain of dependent work that decides the end: CPM dates and floats, PERT spread, Monte Carlo')
          .option('--all', 'count done items at their estimate too (default: they weigh nothing)')
          .option('--sprint <name>', 'only the items of this sprint (name or number)')
          .option('--group <name>', 'only the items of this group or epic (name or ID)')
          .option('--deadline <n>', 'the chance of finishing within N (in the backlog unit)')
          .option('--simulate [trials]', `Monte Carlo over the estimates' ranges (default ${DEFAULT_TRIALS} trials)`)
          .option('--seed <n>', 'seed for --simulate (default 42): the same seed, the same answer'),
        ['table', 'md', 'json', 'mermaid', 'dot'],
      ),
    ),
  ).action(async (paths: string[], options: CriticalPathCommandOptions, command: Command) => {
    const format = reportFormat(command);
    const analysis = analysisOptions(options);
    const { backlog, config } = await loadInput(paths, options);
    const { criticalPath, MissingSelection } = await import('../../analyze/critical-path.js');
    const { CycleError, formatCycle } = await import('../../analyze/graph.js');
    const { formatCriticalPath } = await import('../../report/critical-path/index.js');
    const output = terminalOutput();
    // A cycle in one plan leaves that plan without a path (the cycle is named); the others are still reported.
    let cycles = false;
    const content = await reportPlans(
      backlog,
      { ...options, format, color: output.color, skipped: (error) => error instanceof MissingSelection },
      async (plan) => {
        try {
          return await formatCriticalPath(criticalPath(plan, { ...analysis, hoursPerDay: config.hoursPerDay }), format, output);
        } catch (error) {
          if (!(error instanceof CycleError)) throw error;
          for (const cycle of error.cycles) writeErr(`backlog: dependency cycle: ${formatCycle(cycle)}`);
          cycles = true;
          return null;
        }
      },
    );
    if (cycles) process.exitCode = 2;
    if (content !== '') await emitReport({ name: 'critical-path', content, ...options });
  });
}

/** Checks the numbers before anything is read, so a typo costs no parsing. */
function analysisOptions(options: CriticalPathCommandOptions) {
  if (options.seed !== undefined && options.simulate === undefined) throw new UsageError('--seed is for --simulate; add --simulate');
  const seed = options.seed === undefined ? 42 : parseNumberOption('--seed', options.seed, { min: 0, integer: true });
  if (seed > MAX_SEED) throw new UsageError(`--seed expects a whole number up to ${MAX_SEED}, got "${options.seed}"`);
  const trials = options.simulate === undefined || options.simulate === true ? DEFAULT_TRIALS : trialsOf(options.simulate);
  return {
    all: options.all ?? false,
    sprint: options.sprint,
    group: options.group,
    deadline: options.deadline === undefined ? undefined : parseNumberOption('--deadline', options.deadline, { min: 0 }),
    simulate: options.simulate === undefined ? undefined : { trials, seed },
  };
}

/** `--simulate plan.md` takes the path for the trial count: say so rather than "not a number". */
function trialsOf(value: string): number {
  if (!/^\s*[\d.e+]+\s*$/i.test(value)) {
    throw new UsageError(
      `--simulate takes an optional number of trials, got "${value}" (put paths before --simulate, or write --simulate=${DEFAULT_TRIALS})`,
    );
  }
  return parseNumberOption('--simulate', value, { min: 1, integer: true });
}
