import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import { terminalOutput } from '../output.js';
import { addPlanOption, reportPlans, type PlanOption } from '../plans.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

interface PlanCommandOptions extends CommonOptions, WriteOptions, PlanOption {
  capacity?: string;
  sameSprint?: boolean;
}

export function register(program: Command): void {
  addWriteOptions(
    addPlanOption(
      addInputOptions(
        program
          .command('plan')
          .description('propose sprints for unscheduled work, respecting dependencies, priority and capacity')
          .option('--capacity <n>', 'work per sprint in the backlog unit (required)')
          .option('--same-sprint', 'let an item share a sprint with its prerequisites (after them) instead of waiting for the next'),
        ['table', 'md', 'json'],
      ),
    ),
  ).action(async (paths: string[], options: PlanCommandOptions, command: Command) => {
    const format = reportFormat(command);
    if (options.capacity === undefined) throw new UsageError('plan needs --capacity N: the work one sprint holds, in the backlog unit');
    const limit = parseNumberOption('--capacity', options.capacity);
    if (limit <= 0) throw new UsageError(`--capacity expects a number above 0, got "${options.capacity}"`);

    const { backlog, config } = await loadInput(paths, options);
    const { plan } = await import('../../analyze/plan.js');
    const { formatPlan } = await import('../../report/plan/index.js');
    const output = terminalOutput();
    const content = await reportPlans(backlog, { ...options, format, color: output.color }, (one) =>
      formatPlan(plan(one, { capacity: limit, sameSprint: options.sameSprint ?? false, hoursPerDay: config.hoursPerDay }), format, output),
    );
    await emitReport({ name: 'plan', content, ...options });
  });
}
