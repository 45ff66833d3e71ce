import { UsageError } from '../errors.js';
import { workItems } from '../model/totals.js';
import type { Backlog, Claim, Unit } from '../model/types.js';
import { DEFAULT_HOURS_PER_DAY, dominantUnit } from '../model/units.js';
import { statedFigures, type StatedFigure } from './forecast-stated.js';
import { listSchedule } from './list-schedule.js';
import { priorityRanker } from './priority.js';
import { DEFAULT_SEED } from './random.js';
import { sprintsFor } from './sprints-for.js';
import { percentilesOf, simulateSprints, type Percentiles, type SprintHistogram } from './velocity-simulation.js';
import type { Velocity } from './velocity.js';
import { DEFAULT_SPRINT_DAYS, parseIsoDate, sprintEndDate } from './working-days.js';
import { sumWork, workOf } from './work-sum.js';

export const DEFAULT_TRIALS = 10_000;

export interface ForecastOptions {
  /** Without it, the velocity the document states (a `velocity` claim); a UsageError when it states none. */
  velocity?: Velocity;
  /** Monte Carlo trials for a range or history velocity. */
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
}

type Source = { raw: string; source: Claim['source'] };

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
  /** Sprints at the fixed velocity (absent for a range or history). */
  sprints?: number;
}

export interface Scenario {
  velocity: number;
  sprints: number;
  /** Working days: sprints × sprint length. */
  durationDays: number;
  end?: string;
}

export interface ForecastResult {
  unit: Unit | null;
  /** Expected estimates of the work items not done, in `unit`. */
  remaining: number;
  velocity: Velocity;
  velocitySource: 'option' | 'document';
  velocityClaim?: Source;
  /**
   * The answer in whole sprints: remaining ÷ velocity rounded up, or the dependency-aware figure
   * when later. For a range or history: the 85th percentile ("85% likely within").
   */
  sprints: number;
  /** Sprints by velocity alone (P85 for a range or history). */
  velocitySprints: number;
  /** What sets the end: the velocity, or the dependencies (with a team size, when they finish later). */
  limitedBy: 'velocity' | 'dependencies';
  /** For a range or history: nearest-rank percentiles of the sprints to finish, over the trials. */
  percentiles?: Percentiles;
  /** The same by velocity alone, when a dependency-aware figure is part of `percentiles`. */
  velocityPercentiles?: Percentiles;
  histogram?: SprintHistogram;
  simulation?: { trials: number; seed: number };
  dependencies?: DependencyForecast;
  /** Work items not done that add nothing to `remaining`. */
  leftOut: { otherUnit: string[]; unestimated: string[] };
  sprintDays: number;
  /** End dates (the last working day of the last sprint), with a start date. */
  dates?: { start: string; end: string; percentiles?: Record<keyof Percentiles, string> };
  scenarios?: Scenario[];
  stated: StatedFigure[];
}

/** The first usable figure of this kind the document states (a velocity of 0 says nothing). */
function statedFigure<K extends 'velocity' | 'team-size'>(backlog: Backlog, kind: K): Extract<Claim, { kind: K }> | undefined {
  return backlog.claims.find((claim): claim is Extract<Claim, { kind: K }> => claim.kind === kind && claim.value > 0);
}

/** The velocity to use: the option, or the first one the document states. */
function chooseVelocity(
  backlog: Backlog,
  given: Velocity | undefined,
): Pick<ForecastResult, 'velocity' | 'velocitySource' | 'velocityClaim'> {
  if (given) return { velocity: given, velocitySource: 'option' };
  const claim = statedFigure(backlog, 'velocity');
  if (!claim) {
    throw new UsageError('give --velocity N (or a range like 25..40) or --history LIST: the document states no velocity');
  }
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

/**
 * When the remaining work will be done: sprints at a velocity (exact, rounded up), percentiles
 * of a seeded Monte Carlo for a range or history, the later dependency-aware figure when a team
 * size is known, dates, scenarios, and the document's own figures beside the computed ones.
 * Pure: the same backlog and options give the same answer. Linear in items (the dependency
 * schedule: n log n) plus trials × sprints.
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

  const chosen = chooseVelocity(backlog, options.velocity);
  const open = workItems(backlog).filter((item) => !item.done);
  const unit = backlog.unit ?? dominantUnit(open);
  const { total: remaining, otherUnit, unestimated } = sumWork(open, unit, hoursPerDay);

  const team = chooseTeam(backlog, options.team);
  let dependencies: DependencyForecast | undefined;
  if (team) {
    const schedule = listSchedule(
      open,
      open.map((item) => workOf(item, unit, hoursPerDay)),
      team.team,
      priorityRanker(open),
    );
    const effectiveWork = schedule.makespan === null ? null : schedule.makespan * team.team;
    dependencies = { ...team, makespan: schedule.makespan, effectiveWork, blocked: schedule.blocked };
  }
  const dependencyWork = dependencies?.effectiveWork ?? null;

  const result: ForecastResult = {
    unit,
    remaining,
    ...chosen,
    sprints: 0,
    velocitySprints: 0,
    limitedBy: 'velocity',
    leftOut: { otherUnit, unestimated },
    sprintDays,
    stated: statedFigures(backlog, unit, hoursPerDay),
  };
  if (dependencies) result.dependencies = dependencies;

  const { velocity } = chosen;
  if (velocity.kind === 'fixed') {
    result.velocitySprints = sprintsFor(remaining, velocity.value);
    result.sprints = result.velocitySprints;
    if (dependencies && dependencyWork !== null) {
      dependencies.sprints = sprintsFor(dependencyWork, velocity.value);
      result.sprints = Math.max(result.sprints, dependencies.sprints);
    }
  } else {
    const targets = dependencyWork === null ? [remaining] : [remaining, dependencyWork];
    const [byVelocity, byDependencies] = simulateSprints(targets, velocity, trials, seed);
    const histogram = byDependencies ?? byVelocity;
    result.simulation = { trials, seed };
    result.histogram = histogram;
    result.percentiles = percentilesOf(histogram);
    result.sprints = result.percentiles.p85;
    result.velocitySprints = percentilesOf(byVelocity).p85;
    if (byDependencies) result.velocityPercentiles = percentilesOf(byVelocity);
  }
  if (result.sprints > result.velocitySprints) result.limitedBy = 'dependencies';

  if (options.start !== undefined) {
    const start = parseIsoDate(options.start);
    const endOf = (sprints: number) => sprintEndDate(start, sprints, sprintDays);
    result.dates = { start: options.start, end: endOf(result.sprints) };
    if (result.percentiles) {
      const { p50, p70, p85, p95 } = result.percentiles;
      result.dates.percentiles = { p50: endOf(p50), p70: endOf(p70), p85: endOf(p85), p95: endOf(p95) };
    }
  }
  if (options.scenarios) {
    result.scenarios = options.scenarios.map((scenario) => {
      if (!(scenario > 0)) throw new UsageError(`a scenario velocity must be above 0, got ${scenario}`);
      const sprints = Math.max(sprintsFor(remaining, scenario), dependencyWork === null ? 0 : sprintsFor(dependencyWork, scenario));
      const row: Scenario = { velocity: scenario, sprints, durationDays: sprints * sprintDays };
      if (result.dates) row.end = sprintEndDate(parseIsoDate(result.dates.start), sprints, sprintDays);
      return row;
    });
  }
  return result;
}
