import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstFit } from '../../src/analyze/first-fit.js';

describe('FirstFit', () => {
  it('finds what a scan of the list finds: the first present slot whose size fits', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), slot: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), slot: fc.nat() }),
      fc.record({ kind: fc.constant('find' as const), room: fc.constantFrom(0, 0.3, 1, 2.5, 8, Infinity) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 0.1, 0.2, 1, 2, 3, 5, 8), { minLength: 1, maxLength: 40 }),
        fc.array(operation, { maxLength: 60 }),
        (sizes, operations) => {
          const slots = new FirstFit(sizes);
          const present = sizes.map(() => false);
          for (const operation of operations) {
            if (operation.kind === 'find') {
              const fits = (size: number) => size <= operation.room;
              expect(slots.firstWhere(fits)).toBe(present.findIndex((here, slot) => here && fits(sizes[slot])));
              expect(slots.first()).toBe(present.indexOf(true));
              continue;
            }
            const slot = operation.slot % sizes.length;
            if (operation.kind === 'add') slots.add(slot);
            else slots.remove(slot);
            present[slot] = operation.kind === 'add';
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
