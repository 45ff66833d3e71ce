import type { ForecastResult } from '../../analyze/forecast.js';
import type { StatedFigure } from '../../analyze/forecast-stated.js';
import { sprintsFor } from '../../analyze/sprints-for.js';
import { describeVelocity, meanVelocity, type Velocity } from '../../analyze/velocity.js';
import { describeWorkingDays } from '../../analyze/working-days.js';
import type { Unit } from '../../model/types.js';
import { formatNumber, unitLabel } from '../../model/units.js';

/** Sentences every forecast format shares, so that the table, markdown and JSON say the same. */

export function amount(value: number, unit: Unit | null): string {
  return `${formatNumber(value)} ${unitLabel(unit, value)}`.trim();
}

export function sprintCount(count: number): string {
  return `${count} sprint${count === 1 ? '' : 's'}`;
}

/** "+3", "−2", "0". */
export function signed(value: number): string {
  if (value === 0) return '0';
  return value > 0 ? `+${formatNumber(value)}` : `−${formatNumber(-value)}`;
}

function velocityText(result: ForecastResult): string {
  const units = unitLabel(result.unit, 2);
  const { velocity } = result;
  if (velocity.kind === 'history')
    return `a velocity history of ${velocity.values.map((value) => formatNumber(value)).join(', ')} ${units}`.trimEnd();
  return [describeVelocity(velocity, (value) => formatNumber(value)), units, 'per sprint'].filter(Boolean).join(' ');
}

function count(value: number, noun: string): string {
  return `${formatNumber(value)} ${noun}${value === 1 ? '' : 's'}`;
}

/** "30 points", "25..40 points": a velocity as an amount per sprint. */
function velocityAmount(velocity: Velocity, unit: Unit | null): string {
  if (velocity.kind === 'fixed') return amount(velocity.value, unit);
  if (velocity.kind === 'range') return `${formatNumber(velocity.low)}..${formatNumber(velocity.high)} ${unitLabel(unit, 2)}`.trim();
  return `${amount(meanVelocity(velocity), unit)} on average`;
}

/** The answer in one line: "203 points remaining at 30 points per sprint: 7 sprints (ends 2026-06-05)". */
export function headline(result: ForecastResult): string {
  const work = `${amount(result.remaining, result.unit)} remaining`;
  if (result.remaining === 0) {
    const open = result.leftOut.unestimated.length + result.leftOut.otherUnit.length;
    return open === 0
      ? `Nothing remaining: ${sprintCount(0)}`
      : `No estimated work remaining, but ${open} open item${open === 1 ? '' : 's'} cannot be counted (see below)`;
  }
  const answer = result.percentiles ? `85% likely within ${sprintCount(result.sprints)}` : sprintCount(result.sprints);
  const end = result.dates ? ` (ends ${result.dates.end})` : '';
  return `${work} at ${velocityText(result)}: ${answer}${end}`;
}

function listed(ids: readonly string[], limit = 6): string {
  return ids.length <= limit ? ids.join(', ') : `${ids.slice(0, limit).join(', ')} and ${ids.length - limit} more`;
}

function where(source: { file: string; line: number }): string {
  return `${source.file}:${source.line}`;
}

/** Where the velocity came from, when not from a flag: the document's sprints, its git history, a figure it states. */
function velocitySourceLines(result: ForecastResult): string[] {
  const lines: string[] = [];
  const units = unitLabel(result.unit, 2);
  const past = result.pastSprints;
  if (result.historyProblem !== undefined) {
    const instead =
      result.velocitySource === 'sprints'
        ? "the document's completed sprints instead"
        : result.velocitySource === 'document'
          ? 'the velocity the document states instead'
          : 'the velocity given';
    lines.push(`--history git gave no velocity: ${result.historyProblem}; using ${instead}.`);
  }
  if (result.velocityClaim)
    lines.push(`Velocity from the document: "${result.velocityClaim.raw}" (${where(result.velocityClaim.source)}).`);
  if (past?.source === 'sprints' && result.velocitySource === 'sprints') {
    const names = past.sprints.map((sprint) => sprint.name);
    lines.push(
      `Velocity from ${count(past.sprints.length, 'completed sprint')}: ${past.sprints.map((sprint) => formatNumber(sprint.done)).join(', ')} ${units} (${listed(names, 4)}).`,
    );
  }
  if (past?.source === 'git') {
    const sprints = past.sprints;
    const length = describeWorkingDays(result.sprintDays);
    const figures = sprints.map((sprint) => formatNumber(sprint.done)).join(', ');
    const span = `${count(sprints.length, 'sprint')} of ${length} (${sprints[0].start} to ${sprints.at(-1)!.end}, ${count(past.commits ?? 0, 'commit')})`;
    lines.push(
      result.velocitySource === 'git'
        ? `Velocity from the git history: ${span}, work first read as done in each: ${figures} ${units}.`
        : `The git history's ${span} got ${figures} ${units} done; the velocity given is used.`,
    );
    if ((past.doneBefore ?? 0) > 0 || (past.doneOutside ?? 0) > 0) {
      const before = past.doneBefore ?? 0;
      const outside = past.doneOutside ?? 0;
      const parts = [
        before > 0 ? `${amount(before, result.unit)} already done at the first commit` : '',
        outside > 0 ? `${amount(outside, result.unit)} done before the first whole sprint` : '',
      ].filter(Boolean);
      lines.push(`Not counted as any sprint's velocity: ${parts.join(', and ')}.`);
    }
  }
  return lines;
}

/** What the Monte Carlo drew, and what a percentile means. */
function simulationLine(result: ForecastResult): string | null {
  const simulation = result.simulation;
  if (!simulation) return null;
  const draws: string[] = [];
  if (simulation.drawn.includes('estimates')) {
    const drawn = result.estimates?.drawn ?? 0;
    draws.push(
      `every open item's size from its estimate (${drawn} ranged: beta-PERT over a range or three-point estimate, evenly over a T-shirt size's scale; an exact estimate stays exact)`,
    );
  }
  if (result.velocity.kind === 'history') draws.push("each sprint's velocity as one of the past sprints'");
  else if (result.velocity.kind === 'range') draws.push("each sprint's velocity evenly between the ends of the range");
  const fixed = result.velocity.kind === 'fixed' ? '; the velocity is fixed' : '';
  const p85 = result.percentiles?.p85 ?? result.sprints;
  return `Monte Carlo: ${simulation.trials} trials, seed ${simulation.seed}; each trial draws ${draws.join(', and ')}${fixed}. Percentiles are nearest-rank: P85 = ${p85} means 85% of the trials finished within ${sprintCount(p85)}.`;
}

/** The team model in words, and whether a person's share is smaller than the items. */
function teamLines(result: ForecastResult): string[] {
  const dependencies = result.dependencies;
  if (!dependencies) return [];
  const lines: string[] = [];
  const people = `${dependencies.team} ${dependencies.team === 1 ? 'person' : 'people'}${dependencies.teamClaim ? ` (from the document: "${dependencies.teamClaim.raw}")` : ''}`;
  const share = amount(dependencies.perPerson, result.unit);
  const model = result.perPerson
    ? `${people} at ${velocityAmount(result.perPerson.velocity, result.unit)} a sprint each: ${velocityAmount(result.velocity, result.unit)} a sprint`
    : `${people} sharing ${velocityAmount(result.velocity, result.unit)} a sprint: ${share} each`;
  const how = 'each on one item at a time, in dependency order';
  if (dependencies.makespan === null) {
    lines.push(`${model}; no dependency-aware figure, because ${listed(dependencies.blocked)} are caught in a dependency cycle.`);
  } else if (result.limitedBy === 'dependencies') {
    const alone = result.percentiles
      ? `P85 by velocity alone: ${sprintCount(result.velocitySprints)}`
      : `velocity alone: ${sprintCount(result.velocitySprints)}`;
    lines.push(`${model}, ${how}: the dependencies, not the velocity, set the end (${alone}).`);
  } else {
    lines.push(`${model}, ${how}: the dependencies do not delay the end.`);
  }
  if (dependencies.drawnSchedule === 'scaled') {
    lines.push(
      "Each trial's dependency-aware figure scales the expected schedule by the trial's drawn work: too many items to schedule every trial.",
    );
  }
  const larger = dependencies.largerThanShare;
  if (larger) {
    const { id, work } = larger.largest;
    const others =
      larger.count === 1
        ? `an open item (${id}, ${amount(work, result.unit)})`
        : `${larger.count} open items (the biggest, ${id}, is ${amount(work, result.unit)})`;
    lines.push(
      `Warning: a person's share, ${share} a sprint, is smaller than ${others}: one person needs ${formatNumber(work / dependencies.perPerson)} sprints for it, so with ${dependencies.team} people single items can set the end.`,
    );
  }
  return lines;
}

/** What the figures rest on and what they leave out, one sentence each. */
export function notes(result: ForecastResult): string[] {
  const lines: string[] = [...velocitySourceLines(result)];
  const simulation = simulationLine(result);
  if (simulation) lines.push(simulation);
  if (result.estimates && result.remaining > 0) {
    const { low, high } = result.estimates;
    const sprints =
      result.velocity.kind === 'fixed'
        ? `: ${sprintsFor(low, result.velocity.value)}–${sprintCount(sprintsFor(high, result.velocity.value))} at ${amount(result.velocity.value, result.unit)} a sprint`
        : '';
    lines.push(
      `The open work's estimates span ${formatNumber(low)}–${amount(high, result.unit)} (every one at its lowest, or its highest)${sprints}; each trial draws each item independently.`,
    );
  }
  lines.push(...teamLines(result));
  const { otherUnit, unestimated } = result.leftOut;
  if (unestimated.length > 0)
    lines.push(
      `Left out: ${unestimated.length} open item${unestimated.length === 1 ? '' : 's'} without an estimate (${listed(unestimated)}).`,
    );
  if (otherUnit.length > 0) {
    lines.push(
      `Left out: ${otherUnit.length} open item${otherUnit.length === 1 ? '' : 's'} estimated in a unit that does not convert to ${unitLabel(result.unit, 2)} (${listed(otherUnit)}).`,
    );
  }
  if (result.dates?.from === 'start') {
    lines.push(`Sprints of ${describeWorkingDays(result.sprintDays)} from ${result.dates.start}; weekends skipped, holidays not known.`);
  } else if (result.dates?.from === 'git') {
    lines.push(
      `Dates: sprints of ${describeWorkingDays(result.sprintDays)} after the last commit (${result.dates.start}), as the history's sprints ran.`,
    );
  }
  return lines;
}

/** "stated 8 sprints at 25, computed 9 (+1); 8 follows from the stated total of 200". */
export function statedLine(figure: StatedFigure, unit: Unit | null): string {
  const source = `"${figure.raw}" (${where(figure.source)})`;
  if (figure.kind === 'total') {
    const what = figure.which === 'remaining' ? 'remaining' : 'total';
    const comparison =
      figure.difference === 0 ? 'matches' : `computed ${amount(figure.computed, figure.unit)} (${signed(figure.difference)})`;
    return `Stated ${what} ${amount(figure.stated, figure.unit)} in ${source}: ${comparison}.`;
  }
  const at = `at ${amount(figure.velocity, unit)} per sprint`;
  if (figure.difference === 0) return `Stated ${sprintCount(figure.stated)} ${at} in ${source}: matches.`;
  const cause =
    figure.followsFromTotal === undefined
      ? ''
      : `; ${figure.stated} follows from the stated total of ${formatNumber(figure.followsFromTotal)}`;
  return `Stated ${sprintCount(figure.stated)} ${at} in ${source}: computed ${figure.computed} (${signed(figure.difference)})${cause}.`;
}

/** Rows of the projection table: velocity, sprints, duration, end. */
export function scenarioRows(result: ForecastResult): string[][] {
  return (result.scenarios ?? []).map((row) => [
    amount(row.velocity, result.unit),
    String(row.sprints),
    describeWorkingDays(row.durationDays),
    ...(result.dates ? [row.end ?? ''] : []),
  ]);
}

/** Rows of the percentile table: chance, sprints, end. */
export function percentileRows(result: ForecastResult): string[][] {
  if (!result.percentiles) return [];
  return (['p50', 'p70', 'p85', 'p95'] as const).map((key) => [
    `${key.slice(1)}%`,
    String(result.percentiles![key]),
    ...(result.dates?.percentiles ? [result.dates.percentiles[key]] : []),
  ]);
}
