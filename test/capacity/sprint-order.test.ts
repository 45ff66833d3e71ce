import { describe, expect, it } from 'vitest';
import { nextSprintNumber, orderSprints } from '../../src/analyze/sprint-order.js';

const keys = (list: string[]) => list.map((key) => ({ key }));

describe('orderSprints', () => {
  it('orders numeric keys part by part', () => {
    expect(orderSprints(keys(['10', '2', '1.10', '1.9', '1'])).map((sprint) => sprint.key)).toEqual(['1', '1.9', '1.10', '2', '10']);
  });

  it('keeps document order when a key is not a number', () => {
    expect(orderSprints(keys(['3', 'hardening', '1'])).map((sprint) => sprint.key)).toEqual(['3', 'hardening', '1']);
  });
});

describe('nextSprintNumber', () => {
  it('follows the highest number', () => {
    expect(nextSprintNumber(keys(['4', '8', '5']))).toBe(9);
    expect(nextSprintNumber(keys(['1.1', '1.2']))).toBe(2);
    expect(nextSprintNumber([])).toBe(1);
    expect(nextSprintNumber(keys(['alpha']))).toBeNull();
  });
});
