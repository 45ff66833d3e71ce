import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sprintsFor } from '../../src/analyze/sprints-for.js';

describe('sprintsFor', () => {
  it('divides and rounds up exactly', () => {
    expect(sprintsFor(200, 25)).toBe(8);
    expect(sprintsFor(200, 30)).toBe(7);
    expect(sprintsFor(200, 40)).toBe(5);
    expect(sprintsFor(203, 25)).toBe(9);
    expect(sprintsFor(203, 30)).toBe(7);
    expect(sprintsFor(203, 40)).toBe(6);
    expect(sprintsFor(201, 40)).toBe(6);
  });

  it('is not pushed up by floating-point noise in sums', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sprintsFor(0.1 + 0.2, 0.1)).toBe(3);
    expect(sprintsFor(0.7 + 0.1, 0.1)).toBe(8);
    expect(sprintsFor(1.1 + 2.2, 1.1)).toBe(3);
  });

  it('needs no sprint for no work', () => {
    expect(sprintsFor(0, 30)).toBe(0);
  });

  it('never needs more sprints at a higher velocity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        (work, a, b) => {
          const [slow, fast] = a <= b ? [a, b] : [b, a];
          expect(sprintsFor(work, fast)).toBeLessThanOrEqual(sprintsFor(work, slow));
        },
      ),
    );
  });

  it('gives the fewest sprints that cover the work', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 500 }), (work, velocity) => {
        const sprints = sprintsFor(work, velocity);
        expect(sprints * velocity).toBeGreaterThanOrEqual(work);
        expect((sprints - 1) * velocity).toBeLessThan(work);
      }),
    );
  });
});
