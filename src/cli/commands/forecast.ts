import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addInputOptions, loadInput, parseNumberOption, type CommonOptions } from '../common.js';
import type { HistoryTimeline } from '../../analyze/history/replay.js';
import type { SourceText } from '../../read/source.js';
import { terminalOutput, writeErr } from '../output.js';
import { addPlanOption, reportPlans, type PlanOption } from '../plans.js';
import { addWriteOptions, emitReport, reportFormat, type WriteOptions } from '../write-back.js';

interface ForecastCommandOptions extends CommonOptions, WriteOptions, PlanOption {
  velocity?: string;
  velocityPerPerson?: string;
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
    addPlanOption(
      addInputOptions(
        program
          .command('forecast')
          .description(
            'remaining work and the sprints to finish it, with a burn-up: at a velocity, or as percentiles over a velocity range or history and ranged estimates',
          )
          .option(
            '--velocity <n|a..b>',
            'work per sprint in the backlog unit, or a range like 25..40 (default: a velocity the document states)',
          )
          .option(
            '--velocity-per-person <n|a..b>',
            "one person's work per sprint, or a range: the velocity is it times the team size (--team, or the document's)",
          )
          .option(
            '--history <list|git>',
            "velocities of past sprints, like 21,30,27,33, or git: done work per sprint-length window of the plan's git history; each future sprint draws one",
          )
          .option('--trials <n>', 'Monte Carlo trials, when a velocity range or history or ranged estimates are drawn', '10000')
          .option('--seed <n>', 'random seed: the same seed gives the same percentiles')
          .option('--team <n>', 'people working in parallel: adds the dependency-aware figure (default: a team size the document states)')
          .option('--start <date>', 'first day of the first sprint (YYYY-MM-DD): answers get end dates')
          .option('--sprint-length <length>', 'sprint length in weeks or working days, like 2w or 10d (default 2w)')
          .option('--scenarios <list>', 'velocities for a projection table, like 25,30,40'),
        ['table', 'md', 'json'],
      ),
    ),
  ).action(async (paths: string[], options: ForecastCommandOptions, command: Command) => {
    const format = reportFormat(command);
    const { parseHistory, parseVelocity, parseVelocityList } = await import('../../analyze/velocity.js');
    const { parseIsoDate, parseSprintLength } = await import('../../analyze/working-days.js');
    const given = [
      options.velocity !== undefined && '--velocity',
      options.velocityPerPerson !== undefined && '--velocity-per-person',
      options.history !== undefined && '--history',
    ].filter(Boolean);
    if (given.length > 1) throw new UsageError(`give one of --velocity, --velocity-per-person and --history, not ${given.join(' and ')}`);
    // Every option is checked before any file is read: a typo should not wait for a big backlog.
    const fromGit = options.history?.trim().toLowerCase() === 'git';
    const velocity =
      options.velocity !== undefined
        ? parseVelocity(options.velocity)
        : options.history !== undefined && !fromGit
          ? parseHistory(options.history)
          : undefined;
    const velocityPerPerson =
      options.velocityPerPerson === undefined ? undefined : parseVelocity(options.velocityPerPerson, '--velocity-per-person');
    const trials = parseNumberOption('--trials', options.trials, { min: 1, integer: true });
    const seed = options.seed === undefined ? undefined : parseNumberOption('--seed', options.seed, { integer: true });
    const team = options.team === undefined ? undefined : parseNumberOption('--team', options.team, { min: 1, integer: true });
    if (options.start !== undefined) parseIsoDate(options.start);
    const sprintDays = options.sprintLength === undefined ? undefined : parseSprintLength(options.sprintLength);
    const scenarios = options.scenarios === undefined ? undefined : parseVelocityList(options.scenarios, '--scenarios');

    const { backlog, config, sources } = await loadInput(paths, options);
    const { forecast, forecastUnit } = await import('../../analyze/forecast.js');
    const { lexiconFor, withLexicon } = await import('../../extract/lexicon/lexicon.js');
    const { formatForecast } = await import('../../report/forecast/index.js');
    const sourceLine = lineReader(sources);
    const output = terminalOutput();
    const content = await reportPlans(backlog, { ...options, format, color: output.color }, async (plan) => {
      let history: HistoryTimeline | undefined;
      let historyProblem: string | undefined;
      if (fromGit) {
        const { HistoryError, readGitHistory } = await import('../../analyze/history/git.js');
        const { replayHistory } = await import('../../analyze/history/replay.js');
        const files = new Set(plan.files.map((file) => file.file));
        try {
          const log = await readGitHistory(sources.filter((source) => files.has(source.file)));
          history = replayHistory(log, { config, unit: forecastUnit(plan), hoursPerDay: config.hoursPerDay });
        } catch (error) {
          if (!(error instanceof HistoryError)) throw error;
          historyProblem = error.message;
        }
      }
      // A sprint heading or a status in the config's own words (done, cancelled) reads as the loader read it.
      const result = withLexicon(lexiconFor(config.vocabulary), () =>
        forecast(plan, {
          velocity,
          velocityPerPerson,
          history,
          historyProblem,
          trials,
          seed,
          team,
          start: options.start,
          sprintDays,
          scenarios,
          hoursPerDay: config.hoursPerDay,
          sourceLine,
        }),
      );
      // The answer says it too; on stderr it reaches a CI log that keeps only the figures.
      if (result.historyProblem !== undefined) writeErr(`backlog: warning: --history git: ${result.historyProblem}`);
      return formatForecast(result, format, output);
    });
    await emitReport({ name: 'forecast', content, ...options });
  });
}

/** A line of the files read, split once per file when first asked for. */
function lineReader(sources: readonly SourceText[]): (file: string, line: number) => string | undefined {
  const lines = new Map<string, string[]>();
  return (file, line) => {
    let split = lines.get(file);
    if (!split) {
      split = sources.find((source) => source.file === file)?.text.split(/\r?\n/) ?? [];
      lines.set(file, split);
    }
    return split[line - 1];
  };
}
