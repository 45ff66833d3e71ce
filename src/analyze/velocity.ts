import { UsageError } from '../errors.js';
import type { Random } from './random.js';

/**
 * Work done per sprint, in the backlog's unit: one figure, a range (any value between, equally
 * likely, sprint by sprint), or the sprints measured so far (each future sprint is one of them).
 */
export type Velocity =
  { kind: 'fixed'; value: number } | { kind: 'range'; low: number; high: number } | { kind: 'history'; values: number[] };

const NUMBER = String.raw`\s*(\d+(?:\.\d+)?|\.\d+)\s*`;
const RANGE = new RegExp(String.raw`^${NUMBER}\.\.${NUMBER}$`);

function positive(flag: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} expects a velocity above 0, got "${text.trim()}"`);
  }
  return value;
}

/** `30` or `25..40`. Zero, negative and malformed velocities are usage errors. */
export function parseVelocity(text: string, flag = '--velocity'): Velocity {
  const range = RANGE.exec(text);
  if (range) {
    const low = positive(flag, range[1]);
    const high = positive(flag, range[2]);
    if (high < low) throw new UsageError(`${flag} range runs from low to high (${high}..${low}), got "${text}"`);
    return low === high ? { kind: 'fixed', value: low } : { kind: 'range', low, high };
  }
  if (text.includes('..')) throw new UsageError(`${flag} expects a number or a range like 25..40, got "${text}"`);
  // "25-40", "25–40", "25 to 40": a range written another way.
  const written = /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*$/i.exec(text);
  if (written) throw new UsageError(`${flag} writes a range with two dots: ${written[1]}..${written[2]} (got "${text.trim()}")`);
  return { kind: 'fixed', value: positive(flag, text) };
}

/** `21,30,27,33`: the velocities of past sprints, each above 0. */
export function parseHistory(text: string, flag = '--history'): Velocity {
  const values = text.split(',').map((part) => positive(flag, part));
  return { kind: 'history', values };
}

/** A list of velocities (`25,30,40`), each above 0. */
export function parseVelocityList(text: string, flag: string): number[] {
  return text.split(',').map((part) => positive(flag, part));
}

/** The slowest and fastest a sprint can go. */
export function velocityBounds(velocity: Velocity): { low: number; high: number } {
  if (velocity.kind === 'fixed') return { low: velocity.value, high: velocity.value };
  if (velocity.kind === 'range') return { low: velocity.low, high: velocity.high };
  return { low: Math.min(...velocity.values), high: Math.max(...velocity.values) };
}

/** Draws one sprint's velocity: uniform over a range, one past sprint (with replacement) of a history. */
export function velocitySampler(velocity: Velocity, random: Random): () => number {
  if (velocity.kind === 'fixed') return () => velocity.value;
  if (velocity.kind === 'range') {
    const { low, high } = velocity;
    return () => low + (high - low) * random.fraction16();
  }
  const { values } = velocity;
  return () => values[Math.floor(random.fraction32() * values.length)];
}

/** "30", "25..40", "history 21, 30, 27". */
export function describeVelocity(velocity: Velocity, format: (value: number) => string = String): string {
  if (velocity.kind === 'fixed') return format(velocity.value);
  if (velocity.kind === 'range') return `${format(velocity.low)}..${format(velocity.high)}`;
  return `history ${velocity.values.map(format).join(', ')}`;
}

/** Scales every figure of a velocity: per person × team. */
export function scaleVelocity(velocity: Velocity, factor: number): Velocity {
  if (velocity.kind === 'fixed') return { kind: 'fixed', value: velocity.value * factor };
  if (velocity.kind === 'range') return { kind: 'range', low: velocity.low * factor, high: velocity.high * factor };
  return { kind: 'history', values: velocity.values.map((value) => value * factor) };
}

/** What a sprint gets done on average: the figure, a range's middle, a history's mean. */
export function meanVelocity(velocity: Velocity): number {
  if (velocity.kind === 'fixed') return velocity.value;
  if (velocity.kind === 'range') return (velocity.low + velocity.high) / 2;
  return velocity.values.reduce((sum, value) => sum + value, 0) / velocity.values.length;
}
