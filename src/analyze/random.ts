import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export const DEFAULT_SEED = 42;

/** A seeded source of randomness: the same seed gives the same simulation, run after run. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /**
   * Uniform in [0, 1) from one 32-bit draw: steps of 2⁻³², plenty for a velocity, and half the
   * cost of `next()`, which matters when a forecast draws one per sprint per trial.
   */
  fraction32(): number;
}

export function seededRandom(seed: number = DEFAULT_SEED): Random {
  const rng = xoroshiro128plus(seed | 0);
  return {
    next: () => uniformFloat64(rng),
    int: (min, max) => uniformInt(rng, min, max),
    fraction32: () => (rng.next() >>> 0) / 4294967296,
  };
}
