import { UsageError } from '../errors.js';
import { workItems } from '../model/totals.js';
import type { Backlog, Claim, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY, dominantUnit } from '../model/units.js';
import { sizeDrawOf, WorkDraw } from './estimate-draws.js';
import { statedFigures, type StatedFigure } from './forecast-stated.js';
import { compileListSchedule } from './forecast-schedule.js';
import { HistoryError } from './history/errors.js';
import type { HistoryTimeline } from './history/replay.js';
import { historySprints, isoDateOf, type HistorySprints } from './history/sprints.js';
import { listSchedule } from './list-schedule.js';
import { priorityRanker } from './priority.js';
import { DEFAULT_SEED, seededRandom } from './random.js';
import { sprintsFor } from './sprints-for.js';
import { completedSprints, isCancelled, type CompletedSprint, type SourceLine } from './velocity-sources.js';
import { percentilesOf, progressQuantiles, simulateSprints, type Percentiles, type SprintHistogram } from './velocity-simulation.js';
import { meanVelocity, scaleVelocity, type Velocity } from './velocity.js';
import { DEFAULT_SPRINT_DAYS, parseIsoDate, sprintEndDate } from './working-days.js';
import { sumWork, workOf } from './work-sum.js';

export const DEFAULT_TRIALS = 10_000;
/**
 * Items × trials up to which a team's dependency-aware schedule is rebuilt from every trial's
 * drawn sizes (1,000 items at 10,000 trials: about a second); beyond it each trial scales the
 * expected schedule.
 */
export const PER_TRIAL_SCHEDULE_LIMIT = 10_000_000;
/** Future sprints the burn-up lists at most: a long forecast shows every few sprints, and always the last. */
export const BURN_UP_SPRINTS = 24;

export interface ForecastOptions {
  /** Without it: per person × team, the git history, the document's finished sprints, the velocity it states; else a UsageError. */
  velocity?: Velocity;
  /** Work per person per sprint (a figure or a range): the velocity is it times the team size, which must be known. */
  velocityPerPerson?: Velocity;
  /** The plan's history (`replayHistory`): velocities per sprint-length window, the burn-up's past, dates. */
  history?: HistoryTimeline;
  /**
   * Why the git history that was asked for could not be read: the document's own velocity (its
   * finished sprints, or one it states) is used instead and the answer says why; without one, a
   * UsageError with this reason.
   */
  historyProblem?: string;
  /** Monte Carlo trials, when anything is drawn: a velocity range or history, or ranged estimates. */
  trials?: number;
  seed?: number;
  /** People working in parallel; without it, a team size the document states. Enables the dependency-aware figure. */
  team?: number;
  /** The first day of the first sprint, `YYYY-MM-DD`: answers get end dates. */
  start?: string;
  /** Working days per sprint (default 10: two weeks). */
  sprintDays?: number;
  /** Velocities for a projection table. */
  scenarios?: number[];
  hoursPerDay?: number;
  /**
   * The text of a line of the plan's files: lets a sprint the document marks finished in its
   * heading ("## Sprint 2 ✅") count as completed though some of its items stayed open.
   */
  sourceLine?: SourceLine;
  /** Items × trials up to which a team's schedule is rebuilt every trial (default PER_TRIAL_SCHEDULE_LIMIT). */
  perTrialScheduleLimit?: number;
}

type Source = { raw: string; source: Claim['source'] };

/**
 * Where the velocity came from: a flag, per person × team, the git history, the document's
 * finished sprints, or a figure it states; 'none' when nothing remains and none was needed.
 */
export type VelocitySource = 'option' | 'per-person' | 'git' | 'sprints' | 'document' | 'none';

export interface DependencyForecast {
  team: number;
  teamSource: 'option' | 'document';
  teamClaim?: Source;
  /**
   * When the last item ends if each person works at rate 1 (in the backlog unit per person), by
   * list scheduling in dependency order. Null when a dependency cycle makes it impossible.
   */
  makespan: number | null;
  /** makespan × team: the work the velocity has to cover for the dependencies to let it finish. */
  effectiveWork: number | null;
  /** Items in a dependency cycle, when there is one. */
  blocked: string[];
  /** Sprints at the fixed velocity with the expected estimates (absent when anything is drawn). */
  sprints?: number;
  /** Each person's share of the velocity per sprint (of its mean, for a range or history). */
  perPerson: number;
  /** Open items bigger than a person's share: one person needs more than a sprint for each. */
  largerThanShare?: { count: number; largest: { id: string; work: number } };
  /**
   * With drawn estimates: `trial` when every trial scheduled its own sizes, `scaled` when the
   * backlog is too big for that (see PER_TRIAL_SCHEDULE_LIMIT) and each trial scaled the expected
   * schedule's work by its own total.
   */
  drawnSchedule?: 'trial' | 'scaled';
}

export interface Scenario {
  velocity: number;
  sprints: number;
  /** Working days: sprints × sprint length. */
  durationDays: number;
  end?: string;
}

/** A past sprint whose done work is a velocity the forecast draws from. */
export interface PastSprint {
  /** The document's sprint name, or for the git history the window's dates. */
  name: string;
  /** A history window's first and last day (UTC). */
  start?: string;
  end?: string;
  done: number;
}

export interface PastVelocities {
  source: 'git' | 'sprints';
  sprints: PastSprint[];
  /** For the git history: commits read, work done before the first whole sprint (at the first commit, and after it). */
  commits?: number;
  doneBefore?: number;
  doneOutside?: number;
}

/** The burn-up: past sprints (from the git history or the document's finished sprints), now, and the forecast's fan. */
export interface BurnUp {
  /** Where the past comes from; with neither, only `now` and the future. */
  source: 'git' | 'sprints' | null;
  past: { label: string; end?: string; done: number; scope: number }[];
  now: { end?: string; done: number; scope: number };
  /**
   * Done work by the end of each future sprint (every few sprints beyond 24): `p50` is reached in
   * half the trials, `p85` in 85% of them. They meet the scope at P50 and at the answer (P85);
   * without anything drawn they are one line, meeting it at `sprints`.
   */
  future: { sprint: number; end?: string; p50: number; p85: number; scope: number }[];
}

export interface ForecastResult {
  unit: Unit | null;
  /** Expected estimates of the work items not done, in `unit`. */
  remaining: number;
  /** Expected estimates of the work items done (cancelled ones aside). */
  done: number;
  velocity: Velocity;
  velocitySource: VelocitySource;
  velocityClaim?: Source;
  /** For `per-person`: the figure per person and the team it was multiplied by. */
  perPerson?: { velocity: Velocity; team: number };
  /** The past sprints behind a `git` or `sprints` velocity (or the git history's, beside a given velocity). */
  pastSprints?: PastVelocities;
  /** Why `--history git` gave no velocity, when the document's own was used instead (or a given one). */
  historyProblem?: string;
  /**
   * The answer in whole sprints: remaining ÷ velocity rounded up, or the dependency-aware figure
   * when later. When anything is drawn: the 85th percentile ("85% likely within").
   */
  sprints: number;
  /** Sprints by velocity alone (P85 when anything is drawn). */
  velocitySprints: number;
  /** What sets the end: the velocity, or the dependencies (with a team size, when they finish later). */
  limitedBy: 'velocity' | 'dependencies';
  /** When anything is drawn: nearest-rank percentiles of the sprints to finish, over the trials. */
  percentiles?: Percentiles;
  /** The same by velocity alone, when a dependency-aware figure is part of `percentiles`. */
  velocityPercentiles?: Percentiles;
  histogram?: SprintHistogram;
  /** The Monte Carlo run, and what it drew: the velocity (a range or history), the estimates (ranges, three-point, T-shirt sizes). */
  simulation?: { trials: number; seed: number; drawn: ('velocity' | 'estimates')[] };
  /** When estimates are drawn: how many open items are, and the remaining work if every one came out lowest or highest. */
  estimates?: { drawn: number; low: number; high: number };
  dependencies?: DependencyForecast;
  /** Work items not done that add nothing to `remaining`. */
  leftOut: { otherUnit: string[]; unestimated: string[] };
  sprintDays: number;
  /**
   * End dates, with a start date (the last working day of the last sprint) or from the git history
   * (sprints of calendar weeks after the last commit).
   */
  dates?: { start: string; end: string; percentiles?: Record<keyof Percentiles, string>; from: 'start' | 'git' };
  scenarios?: Scenario[];
  burnUp: BurnUp;
  stated: StatedFigure[];
}

/** The first usable figure of this kind the document states (a velocity of 0 says nothing). */
function statedFigure<K extends 'velocity' | 'team-size'>(backlog: Backlog, kind: K): Extract<Claim, { kind: K }> | undefined {
  return backlog.claims.find((claim): claim is Extract<Claim, { kind: K }> => claim.kind === kind && claim.value > 0);
}

type ChosenVelocity = Pick<ForecastResult, 'velocity' | 'velocitySource' | 'velocityClaim' | 'perPerson'>;

const NO_VELOCITY =
  'give --velocity N (or a range like 25..40), --history LIST or --history git: the document states no velocity and records no finished sprint';

/**
 * The velocity to use, in order: the option; per person × team; the git history's sprints; the
 * document's finished sprints; a velocity it states. A git history that was asked for but gave
 * nothing falls back to the document's own velocity, or is the error.
 */
function chooseVelocity(
  backlog: Backlog,
  options: ForecastOptions,
  team: number | null,
  git: HistorySprints | undefined,
  completed: CompletedSprint[],
  historyProblem: string | undefined,
  nothingOpen: boolean,
): ChosenVelocity {
  if (options.velocity) return { velocity: options.velocity, velocitySource: 'option' };
  if (options.velocityPerPerson) {
    if (team === null) throw new UsageError('--velocity-per-person needs a team size: give --team N (the document states none)');
    return {
      velocity: scaleVelocity(options.velocityPerPerson, team),
      velocitySource: 'per-person',
      perPerson: { velocity: options.velocityPerPerson, team },
    };
  }
  if (git) return { velocity: { kind: 'history', values: git.sprints.map((sprint) => sprint.done) }, velocitySource: 'git' };
  if (completed.length > 0)
    return { velocity: { kind: 'history', values: completed.map((sprint) => sprint.done) }, velocitySource: 'sprints' };
  const claim = statedFigure(backlog, 'velocity');
  // Nothing left to do needs no velocity: the answer is zero sprints whatever the pace.
  if (!claim && nothingOpen) return { velocity: { kind: 'fixed', value: 0 }, velocitySource: 'none' };
  if (!claim) throw new UsageError(historyProblem ?? NO_VELOCITY);
  return {
    velocity: { kind: 'fixed', value: claim.value },
    velocitySource: 'document',
    velocityClaim: { raw: claim.raw, source: claim.source },
  };
}

function chooseTeam(backlog: Backlog, given: number | undefined): Pick<DependencyForecast, 'team' | 'teamSource' | 'teamClaim'> | null {
  if (given !== undefined) return { team: given, teamSource: 'option' };
  const claim = statedFigure(backlog, 'team-size');
  if (!claim) return null;
  return { team: claim.value, teamSource: 'document', teamClaim: { raw: claim.raw, source: claim.source } };
}

/** The unit a forecast of this backlog counts in: the backlog's, else the one most open items use. */
export function forecastUnit(backlog: Backlog): Unit | null {
  return backlog.unit ?? dominantUnit(workItems(backlog).filter((item) => !item.done));
}

/** Sprints 1 … last, every few when there are more than `rows`, always the last. */
export function sampleSprints(last: number, rows = BURN_UP_SPRINTS): number[] {
  if (last <= 0) return [];
  const step = Math.ceil(last / rows);
  const sprints: number[] = [];
  for (let sprint = step; sprint < last; sprint += step) sprints.push(sprint);
  sprints.push(last);
  return sprints;
}

/** "Sprint 1: Operational MVP Foundation" and "Sprint 1 (Weeks 1-2)" are "Sprint 1" on a chart's axis. */
function shortSprintName(name: string): string {
  return name.split(/\s*[:(（–—]/u)[0].trim() || name;
}

/**
 * When the remaining work will be done: sprints at a velocity (exact, rounded up), or the
 * percentiles of a seeded Monte Carlo when anything is uncertain — each trial draws every open
 * item's size from its estimate (see `sizeDrawOf`) and each sprint's velocity from its range or
 * history; the later dependency-aware figure when a team size is known; a burn-up with the past
 * and the P50/P85 fan; dates, scenarios, and the document's own figures beside the computed
 * ones. Pure: the same backlog and options give the same answer. A backlog of exact estimates
 * at a velocity range draws what it always did (estimates come from a stream of their own).
 */
export function forecast(backlog: Backlog, options: ForecastOptions = {}): ForecastResult {
  const hoursPerDay = options.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const sprintDays = options.sprintDays ?? DEFAULT_SPRINT_DAYS;
  if (!Number.isInteger(trials) || trials < 1) throw new UsageError(`trials must be a whole number of at least 1, got ${trials}`);
  if (!Number.isInteger(sprintDays) || sprintDays < 1)
    throw new UsageError(`sprint length must be a whole number of working days, got ${sprintDays}`);
  if (options.team !== undefined && (!Number.isInteger(options.team) || options.team < 1)) {
    throw new UsageError(`team size must be a whole number of at least 1, got ${options.team}`);
  }
  if (options.velocity && options.velocityPerPerson) throw new UsageError('give a velocity or a velocity per person, not both');

  const work = workItems(backlog);
  const open = work.filter((item) => !item.done);
  const unit = backlog.unit ?? dominantUnit(open);
  const { total: remaining, otherUnit, unestimated } = sumWork(open, unit, hoursPerDay);
  const done = work.reduce((sum, item) => (item.done && !isCancelled(item) ? sum + workOf(item, unit, hoursPerDay) : sum), 0);

  let historyProblem = options.historyProblem;
  let git: HistorySprints | undefined;
  if (options.history && historyProblem === undefined) {
    try {
      git = historySprints(options.history, sprintDays);
    } catch (error) {
      if (!(error instanceof HistoryError)) throw error;
      historyProblem = error.message;
    }
  }
  const completed = completedSprints(backlog, unit, hoursPerDay, options.sourceLine);
  const team = chooseTeam(backlog, options.team);
  const chosen = chooseVelocity(backlog, options, team?.team ?? null, git, completed, historyProblem, open.length === 0);
  const { velocity } = chosen;

  const sizes = open.map((item) => workOf(item, unit, hoursPerDay));
  const rank = priorityRanker(open);
  let dependencies: DependencyForecast | undefined;
  if (team) {
    const schedule = listSchedule(open, sizes, team.team, rank);
    const perPerson = meanVelocity(velocity) / team.team;
    dependencies = {
      ...team,
      makespan: schedule.makespan,
      effectiveWork: schedule.makespan === null ? null : schedule.makespan * team.team,
      blocked: schedule.blocked,
      perPerson,
    };
    const larger = open.flatMap((item, index) => (sizes[index] > perPerson * (1 + 1e-9) ? [{ id: item.id, work: sizes[index] }] : []));
    if (larger.length > 0) {
      const largest = larger.reduce((big, entry) => (entry.work > big.work ? entry : big));
      dependencies.largerThanShare = { count: larger.length, largest };
    }
  }
  const dependencyWork = dependencies?.effectiveWork ?? null;
  // The work the answer has to cover: the dependency-aware figure, never below the work itself.
  const answerWork = dependencyWork === null ? remaining : Math.max(remaining, dependencyWork);

  const result: ForecastResult = {
    unit,
    remaining,
    done,
    ...chosen,
    sprints: 0,
    velocitySprints: 0,
    limitedBy: 'velocity',
    leftOut: { otherUnit, unestimated },
    sprintDays,
    burnUp: { source: null, past: [], now: { done, scope: done + remaining }, future: [] },
    stated: statedFigures(backlog, unit, hoursPerDay),
  };
  if (historyProblem !== undefined) result.historyProblem = historyProblem;
  if (git) {
    result.pastSprints = {
      source: 'git',
      sprints: git.sprints.map((sprint) => {
        const [start, end] = [isoDateOf(sprint.start), isoDateOf(sprint.end)];
        return { name: `${start} – ${end}`, start, end, done: sprint.done };
      }),
      commits: git.commits,
      doneBefore: git.doneBefore,
      doneOutside: git.doneOutside,
    };
  } else if (completed.length > 0) {
    result.pastSprints = { source: 'sprints', sprints: completed.map((sprint) => ({ name: sprint.name, done: sprint.done })) };
  }
  if (dependencies) result.dependencies = dependencies;

  const draws = new WorkDraw(open.map((item) => sizeDrawOf(item, unit, hoursPerDay)));
  const drawEstimates = draws.drawn > 0;
  let fan: (sprints: number[]) => { p50: number[]; p85: number[] };
  if (!drawEstimates && velocity.kind === 'fixed') {
    result.velocitySprints = sprintsFor(remaining, velocity.value);
    result.sprints = result.velocitySprints;
    if (dependencies && dependencyWork !== null) {
      dependencies.sprints = sprintsFor(dependencyWork, velocity.value);
      result.sprints = Math.max(result.sprints, dependencies.sprints);
    }
    const line = (sprints: number[]) =>
      sprints.map((sprint) => (sprint >= result.sprints ? 1 : Math.min(1, (sprint * velocity.value) / answerWork)));
    fan = (sprints) => ({ p50: line(sprints), p85: line(sprints) });
  } else {
    const workTargets = new Float64Array(trials);
    const dependencyTargets = dependencies && dependencyWork !== null ? new Float64Array(trials) : null;
    if (drawEstimates) {
      result.estimates = { drawn: draws.drawn, low: draws.low, high: draws.high };
      const random = seededRandom(seed, 1);
      const perTrial =
        dependencyTargets && open.length * trials <= (options.perTrialScheduleLimit ?? PER_TRIAL_SCHEDULE_LIMIT)
          ? compileListSchedule(open, dependencies!.team, rank)
          : null;
      const trialSizes = new Float64Array(open.length);
      for (let trial = 0; trial < trials; trial++) {
        if (perTrial) {
          workTargets[trial] = draws.fill(random, trialSizes);
          dependencyTargets![trial] = Math.max(workTargets[trial], perTrial(trialSizes) * dependencies!.team);
        } else {
          workTargets[trial] = draws.total(random);
          if (dependencyTargets) {
            const scaled = remaining > 0 ? (dependencyWork! * workTargets[trial]) / remaining : dependencyWork!;
            dependencyTargets[trial] = Math.max(workTargets[trial], scaled);
          }
        }
      }
      if (dependencies && dependencyTargets) dependencies.drawnSchedule = perTrial ? 'trial' : 'scaled';
    } else {
      workTargets.fill(remaining);
      dependencyTargets?.fill(answerWork);
    }
    const targets = dependencyTargets ? [workTargets, dependencyTargets] : [workTargets];
    const [byVelocity, byDependencies] = simulateSprints(targets, velocity, trials, seed);
    const histogram = byDependencies ?? byVelocity;
    const drawn: ('velocity' | 'estimates')[] = [];
    if (velocity.kind !== 'fixed') drawn.push('velocity');
    if (drawEstimates) drawn.push('estimates');
    result.simulation = { trials, seed, drawn };
    result.histogram = histogram;
    result.percentiles = percentilesOf(histogram);
    result.sprints = result.percentiles.p85;
    result.velocitySprints = percentilesOf(byVelocity).p85;
    if (byDependencies) result.velocityPercentiles = percentilesOf(byVelocity);
    const answerTargets = dependencyTargets ?? workTargets;
    fan = (sprints) => {
      const [p50, p85] = progressQuantiles(answerTargets, answerTargets, velocity, trials, seed, sprints, [0.5, 0.85]);
      return { p50, p85 };
    };
  }
  if (result.sprints > result.velocitySprints) result.limitedBy = 'dependencies';

  const endOf = dateFunction(options.start, git, sprintDays);
  if (endOf) {
    result.dates = { start: endOf.start, end: endOf(result.sprints), from: endOf.from };
    if (result.percentiles) {
      const { p50, p70, p85, p95 } = result.percentiles;
      result.dates.percentiles = { p50: endOf(p50), p70: endOf(p70), p85: endOf(p85), p95: endOf(p95) };
    }
  }
  result.burnUp = burnUp(result, git, completed, fan, endOf);

  if (options.scenarios) {
    result.scenarios = options.scenarios.map((scenario) => {
      if (!(scenario > 0)) throw new UsageError(`a scenario velocity must be above 0, got ${scenario}`);
      const sprints = Math.max(sprintsFor(remaining, scenario), dependencyWork === null ? 0 : sprintsFor(dependencyWork, scenario));
      const row: Scenario = { velocity: scenario, sprints, durationDays: sprints * sprintDays };
      if (endOf) row.end = endOf(sprints);
      return row;
    });
  }
  return result;
}

type EndOf = ((sprints: number) => string) & { start: string; from: 'start' | 'git' };

/**
 * The end date of sprint n: from a start date, working days with weekends skipped; from the git
 * history, sprints of calendar weeks after the last commit (the windows its velocities came from).
 */
function dateFunction(start: string | undefined, git: HistorySprints | undefined, sprintDays: number): EndOf | null {
  if (start !== undefined) {
    const day = parseIsoDate(start);
    return Object.assign((sprints: number) => sprintEndDate(day, sprints, sprintDays), { start, from: 'start' as const });
  }
  if (!git) return null;
  return Object.assign((sprints: number) => isoDateOf(git.last + sprints * git.sprintSeconds), {
    start: isoDateOf(git.last),
    from: 'git' as const,
  });
}

/** The burn-up's rows: the past from the git history's sprint boundaries or the document's finished sprints, now, the fan. */
function burnUp(
  result: ForecastResult,
  git: HistorySprints | undefined,
  completed: CompletedSprint[],
  fan: (sprints: number[]) => { p50: number[]; p85: number[] },
  endOf: EndOf | null,
): BurnUp {
  const scope = result.done + result.remaining;
  const chart: BurnUp = { source: null, past: [], now: { done: result.done, scope }, future: [] };
  if (endOf) chart.now.end = endOf(0);
  if (git) {
    chart.source = 'git';
    const count = git.boundaries.length - 1;
    chart.past = git.boundaries.slice(0, -1).map((boundary, index) => ({
      label: `−${count - index}`,
      end: isoDateOf(boundary.time),
      done: boundary.done,
      scope: boundary.scope,
    }));
  } else if (completed.length > 0) {
    chart.source = 'sprints';
    let cumulative = 0;
    chart.past = completed.map((sprint) => {
      cumulative += sprint.done;
      // The document records no past scope: today's stands for it.
      return { label: shortSprintName(sprint.name), done: cumulative, scope };
    });
  }
  if (result.remaining > 0) {
    const sprints = sampleSprints(result.sprints);
    const { p50, p85 } = fan(sprints);
    chart.future = sprints.map((sprint, index) => {
      const row: BurnUp['future'][number] = {
        sprint,
        p50: result.done + result.remaining * p50[index],
        p85: result.done + result.remaining * p85[index],
        scope,
      };
      if (endOf) row.end = endOf(sprint);
      return row;
    });
  }
  return chart;
}
