import type { Command } from 'commander';
import { EXIT_PROBLEMS } from '../../errors.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import { terminalOutput } from '../output.js';
import { addPlanOption, reportPlans, type PlanOption } from '../plans.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

interface CapacityCommandOptions extends CommonOptions, WriteOptions, PlanOption {
  capacity?: string;
  strict?: boolean;
  team?: string;
  sprintLength?: string;
}

export function register(program: Command): void {
  addWriteOptions(
    addPlanOption(
      addInputOptions(
        program
          .command('capacity')
          .description('each sprint’s committed work against its capacity (exit 1 when one is over), and dependency order across sprints')
          .option('--capacity <n>', 'capacity of every sprint in the backlog unit (default: the config, then what the document states)')
          .option('--strict', 'dependency order: also flag an item in the same sprint as something it depends on')
          .option('--team <n>', 'people in the team: capacity = team × working days when estimates are in days or hours')
          .option('--sprint-length <length>', 'sprint length for team × working days, like 2w or 10d (default 2w)'),
        ['table', 'md', 'json'],
      ),
    ),
  ).action(async (paths: string[], options: CapacityCommandOptions, command: Command) => {
    const format = reportFormat(command);
    const { parseSprintLength } = await import('../../analyze/working-days.js');
    const limit = options.capacity === undefined ? undefined : parseNumberOption('--capacity', options.capacity, { min: 0 });
    const team = options.team === undefined ? undefined : parseNumberOption('--team', options.team, { min: 1, integer: true });
    const sprintDays = options.sprintLength === undefined ? undefined : parseSprintLength(options.sprintLength);

    const { backlog, config, configOf } = await loadInput(paths, options);
    const { capacity } = await import('../../analyze/capacity.js');
    const { formatCapacity } = await import('../../report/capacity/index.js');
    const output = terminalOutput();
    let over = false;
    const content = await reportPlans(backlog, { ...options, format, color: output.color }, (plan) => {
      const result = capacity(plan, {
        capacity: limit,
        configCapacity: config.capacity,
        configCapacityFor: (sprint) => configOf(sprint.source.file).capacity,
        team,
        sprintDays,
        hoursPerDay: config.hoursPerDay,
        strict: options.strict ?? false,
      });
      over ||= result.sprints.some((sprint) => sprint.over);
      return formatCapacity(result, format, output);
    });
    await emitReport({ name: 'capacity', content, ...options });
    if (over) process.exitCode = Math.max(Number(process.exitCode ?? 0), EXIT_PROBLEMS);
  });
}
