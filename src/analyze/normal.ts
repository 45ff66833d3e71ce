/**
 * The normal distribution's CDF to near machine precision. Abramowitz–Stegun 7.1.26 is only
 * good to 1.5e-7; here erfc comes from a series of positive terms for small arguments and from
 * its continued fraction for large ones, both summed until the terms stop mattering.
 */

const SERIES_LIMIT = 1.5;
const EPSILON = 1e-17;

/** The complementary error function, erfc(x) = 1 − erf(x), accurate in the tails too. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < SERIES_LIMIT) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  return x < SERIES_LIMIT ? erfSeries(x) : 1 - erfcContinuedFraction(x);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), for x ≥ 0. Every term is positive,
 * so nothing cancels.
 */
function erfSeries(x: number): number {
  const square = x * x;
  let term = x;
  let sum = x;
  for (let n = 0; term > sum * EPSILON; n++) {
    term *= (2 * square) / (2 * n + 3);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-square) * sum;
}

/**
 * erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), for x > 0, by the
 * modified Lentz method.
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let fraction = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    c = x + a / c;
    if (Math.abs(d) < tiny) d = tiny;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    fraction *= delta;
    if (Math.abs(delta - 1) < EPSILON * 10) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / fraction;
}
