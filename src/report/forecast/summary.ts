import type { ForecastResult } from '../../analyze/forecast.js';
import type { StatedFigure } from '../../analyze/forecast-stated.js';
import { describeVelocity } from '../../analyze/velocity.js';
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

/** What the figures rest on and what they leave out, one sentence each. */
export function notes(result: ForecastResult): string[] {
  const lines: string[] = [];
  if (result.velocityClaim)
    lines.push(`Velocity from the document: "${result.velocityClaim.raw}" (${where(result.velocityClaim.source)}).`);
  if (result.simulation) {
    const how =
      result.velocity.kind === 'history'
        ? 'each sprint draws one of the past velocities'
        : 'each sprint draws its velocity evenly between the ends of the range';
    lines.push(`Monte Carlo: ${result.simulation.trials} trials, seed ${result.simulation.seed}; ${how}. Percentiles are nearest-rank.`);
  }
  const dependencies = result.dependencies;
  if (dependencies) {
    const team = `Team of ${dependencies.team}${dependencies.teamClaim ? ` (from the document: "${dependencies.teamClaim.raw}")` : ''}`;
    if (dependencies.makespan === null) {
      lines.push(`${team}: no dependency-aware figure, because ${listed(dependencies.blocked)} are caught in a dependency cycle.`);
    } else if (result.limitedBy === 'dependencies') {
      const alone = result.percentiles
        ? `P85 by velocity alone: ${sprintCount(result.velocitySprints)}`
        : `velocity alone: ${sprintCount(result.velocitySprints)}`;
      lines.push(
        `${team}, each person on one item at a time in dependency order: the dependencies, not the velocity, set the end (${alone}).`,
      );
    } else {
      lines.push(`${team}, each person on one item at a time in dependency order: the dependencies do not delay the end.`);
    }
  }
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
  if (result.dates) {
    lines.push(`Sprints of ${describeWorkingDays(result.sprintDays)} from ${result.dates.start}; weekends skipped, holidays not known.`);
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
