import type { Random } from './random.js';

/** An estimate's spread: optimistic, most likely and pessimistic, low < high. */
export interface ThreePoint {
  low: number;
  mode: number;
  high: number;
}

/**
 * One draw from the beta-PERT distribution over [low, high] with the given mode: the
 * distribution whose mean is PERT's (low + 4·mode + high) / 6, so that simulated lengths centre
 * where the PERT expected length does. Shapes α = 1 + 4(mode − low)/(high − low) and
 * β = 1 + 4(high − mode)/(high − low) are both ≥ 1.
 */
export function sampleBetaPert(random: Random, { low, mode, high }: ThreePoint): number {
  const range = high - low;
  const alpha = 1 + (4 * (mode - low)) / range;
  const beta = 1 + (4 * (high - mode)) / range;
  const x = sampleGamma(random, alpha);
  const y = sampleGamma(random, beta);
  return low + (x / (x + y)) * range;
}

/** Marsaglia and Tsang (2000), for shape ≥ 1. */
function sampleGamma(random: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = sampleStandardNormal(random);
    const cube = (1 + c * z) ** 3;
    if (cube <= 0) continue;
    const u = random.next();
    if (u < 1 - 0.0331 * z ** 4 || Math.log(u) < 0.5 * z * z + d * (1 - cube + Math.log(cube))) return d * cube;
  }
}

/** Box–Muller; 1 − next() keeps the logarithm's argument in (0, 1]. */
function sampleStandardNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
  return radius * Math.cos(2 * Math.PI * random.next());
}
