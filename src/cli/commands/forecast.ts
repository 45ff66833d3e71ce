import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import { useColor } from '../output.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

interface ForecastCommandOptions extends CommonOptions, WriteOptions {
  velocity?: string;
  history?: string;
  trials: string;
  seed?: string;
  team?: string;
  start?: string;
  sprintLength?: string;
  scenarios?: string;
}

export function register(program: Command): void {
  addWriteOptions(
    addInputOptions(
      program
        .command('forecast')
        .description('remaining work and the sprints to finish it: at a velocity, or as percentiles over a range or history')
        .option(
          '--velocity <n|a..b>',
          'work per sprint in the backlog unit, or a range like 25..40 (default: a velocity the document states)',
        )
        .option('--history <list>', 'velocities of past sprints, like 21,30,27,33: each future sprint draws one of them')
        .option('--trials <n>', 'Monte Carlo trials for a range or history', '10000')
        .option('--seed <n>', 'random seed: the same seed gives the same percentiles')
        .option('--team <n>', 'people working in parallel: adds the dependency-aware figure (default: a team size the document states)')
        .option('--start <date>', 'first day of the first sprint (YYYY-MM-DD): answers get end dates')
        .option('--sprint-length <length>', 'sprint length in weeks or working days, like 2w or 10d (default 2w)')
        .option('--scenarios <list>', 'velocities for a projection table, like 25,30,40'),
      ['table', 'md', 'json'],
    ),
  ).action(async (paths: string[], options: ForecastCommandOptions, command: Command) => {
    const format = reportFormat(command);
    const { parseHistory, parseVelocity, parseVelocityList } = await import('../../analyze/velocity.js');
    const { parseIsoDate, parseSprintLength } = await import('../../analyze/working-days.js');
    if (options.velocity !== undefined && options.history !== undefined) throw new UsageError('give --velocity or --history, not both');
    // Every option is checked before any file is read: a typo should not wait for a big backlog.
    const velocity =
      options.velocity !== undefined
        ? parseVelocity(options.velocity)
        : options.history !== undefined
          ? parseHistory(options.history)
          : undefined;
    const trials = parseNumberOption('--trials', options.trials, { min: 1, integer: true });
    const seed = options.seed === undefined ? undefined : parseNumberOption('--seed', options.seed, { integer: true });
    const team = options.team === undefined ? undefined : parseNumberOption('--team', options.team, { min: 1, integer: true });
    if (options.start !== undefined) parseIsoDate(options.start);
    const sprintDays = options.sprintLength === undefined ? undefined : parseSprintLength(options.sprintLength);
    const scenarios = options.scenarios === undefined ? undefined : parseVelocityList(options.scenarios, '--scenarios');

    const { backlog, config } = await loadInput(paths, options);
    const { forecast } = await import('../../analyze/forecast.js');
    const result = forecast(backlog, {
      velocity,
      trials,
      seed,
      team,
      start: options.start,
      sprintDays,
      scenarios,
      hoursPerDay: config.hoursPerDay,
    });
    const { formatForecast } = await import('../../report/forecast/index.js');
    await emitReport({ name: 'forecast', content: await formatForecast(result, format, { color: useColor() }), ...options });
  });
}
