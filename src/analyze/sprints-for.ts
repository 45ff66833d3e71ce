/**
 * Whole sprints to finish `work` at `velocity`: the quotient rounded up. The quotient is first
 * rounded to nine decimals, so that 200 / 40 is 5 and (0.1 + 0.2) / 0.1 is 3, not 4: sums of
 * fractional estimates carry noise in their last bits.
 */
export function sprintsFor(work: number, velocity: number): number {
  if (work <= 0) return 0;
  return Math.ceil(Math.round((work / velocity) * 1e9) / 1e9);
}
