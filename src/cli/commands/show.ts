import type { Command } from 'commander';
import { addInputOptions, loadInput, type CommonOptions } from '../common.js';
import { addPlanOption, reportPlans, type PlanOption } from '../plans.js';
import { terminalOutput } from '../output.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

export function register(program: Command): void {
  addWriteOptions(
    addPlanOption(
      addInputOptions(program.command('show').description('print the backlog model: items, estimates, sprints, dependencies'), [
        'table',
        'md',
        'json',
      ]),
    ),
  ).action(async (paths: string[], options: CommonOptions & WriteOptions & PlanOption, command: Command) => {
    const format = reportFormat(command);
    const { backlog } = await loadInput(paths, options);
    const { formatShow } = await import('../../report/show.js');
    const output = terminalOutput();
    const content = await reportPlans(backlog, { ...options, format, color: output.color }, (plan) => formatShow(plan, format, output));
    await emitReport({ name: 'show', content, ...options });
  });
}
