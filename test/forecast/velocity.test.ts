import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analyze/random.js';
import {
  describeVelocity,
  parseHistory,
  parseVelocity,
  parseVelocityList,
  velocityBounds,
  velocitySampler,
} from '../../src/analyze/velocity.js';
import { UsageError } from '../../src/errors.js';

describe('parseVelocity', () => {
  it('reads a number or a range', () => {
    expect(parseVelocity('30')).toEqual({ kind: 'fixed', value: 30 });
    expect(parseVelocity('12.5')).toEqual({ kind: 'fixed', value: 12.5 });
    expect(parseVelocity('25..40')).toEqual({ kind: 'range', low: 25, high: 40 });
    expect(parseVelocity(' 25 .. 40 ')).toEqual({ kind: 'range', low: 25, high: 40 });
    expect(parseVelocity('30..30')).toEqual({ kind: 'fixed', value: 30 });
  });

  it.each([
    ['0', '--velocity expects a velocity above 0, got "0"'],
    ['-5', '--velocity expects a velocity above 0, got "-5"'],
    ['fast', '--velocity expects a velocity above 0, got "fast"'],
    ['', '--velocity expects a velocity above 0, got ""'],
    ['0..10', '--velocity expects a velocity above 0, got "0"'],
    ['40..25', '--velocity range runs from low to high (25..40), got "40..25"'],
    ['25..', '--velocity expects a number or a range like 25..40, got "25.."'],
    ['25..-3', '--velocity expects a number or a range like 25..40, got "25..-3"'],
  ])('refuses %j with one line', (text, message) => {
    expect(() => parseVelocity(text)).toThrow(new UsageError(message));
  });
});

describe('parseHistory and parseVelocityList', () => {
  it('reads comma-separated positive numbers', () => {
    expect(parseHistory('21,30, 27,33')).toEqual({ kind: 'history', values: [21, 30, 27, 33] });
    expect(parseVelocityList('25,30,40', '--scenarios')).toEqual([25, 30, 40]);
  });

  it('refuses zero, negative and empty entries', () => {
    expect(() => parseHistory('21,0,27')).toThrow('--history expects a velocity above 0, got "0"');
    expect(() => parseHistory('21,,27')).toThrow('--history expects a velocity above 0, got ""');
    expect(() => parseVelocityList('25,-1', '--scenarios')).toThrow('--scenarios expects a velocity above 0, got "-1"');
  });
});

describe('velocitySampler', () => {
  it('draws every history value, and only those', () => {
    const draw = velocitySampler({ kind: 'history', values: [10, 20, 30] }, seededRandom(7));
    const seen = new Set(Array.from({ length: 300 }, draw));
    expect([...seen].sort((a, b) => a - b)).toEqual([10, 20, 30]);
  });

  it('stays within a range', () => {
    const draw = velocitySampler({ kind: 'range', low: 25, high: 40 }, seededRandom(7));
    const draws = Array.from({ length: 1000 }, draw);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(25);
    expect(Math.max(...draws)).toBeLessThan(40);
  });

  it('spreads a range evenly: each tenth of it gets a tenth of the draws, and the mean is its middle', () => {
    const draw = velocitySampler({ kind: 'range', low: 20, high: 30 }, seededRandom(11));
    const tenths = new Array<number>(10).fill(0);
    let sum = 0;
    const count = 100_000;
    for (let index = 0; index < count; index++) {
      const velocity = draw();
      sum += velocity;
      tenths[Math.floor(velocity - 20)]++;
    }
    for (const share of tenths) expect(Math.abs(share / count - 0.1)).toBeLessThan(0.005);
    expect(Math.abs(sum / count - 25)).toBeLessThan(0.03);
  });

  it('describes and bounds each kind', () => {
    expect(describeVelocity({ kind: 'history', values: [21, 30] })).toBe('history 21, 30');
    expect(velocityBounds({ kind: 'history', values: [21, 30, 27] })).toEqual({ low: 21, high: 30 });
    expect(velocityBounds({ kind: 'range', low: 25, high: 40 })).toEqual({ low: 25, high: 40 });
  });
});

describe('seededRandom', () => {
  it('gives fraction16 in 65,536 steps, each its middle, two from one 32-bit draw', () => {
    const random = seededRandom(5);
    const fractions = Array.from({ length: 1000 }, () => random.fraction16());
    for (const fraction of fractions) expect(Number.isInteger(fraction * 65536 - 0.5)).toBe(true);
    expect(new Set(fractions).size).toBeGreaterThan(990);

    const paired = seededRandom(9);
    const single = seededRandom(9);
    paired.fraction16();
    paired.fraction16();
    single.fraction32();
    expect(paired.fraction32()).toBe(single.fraction32());
  });
});

describe('a velocity range written with a dash', () => {
  it('is a usage error that shows the range as the flag takes it', () => {
    expect(() => parseVelocity('25-40')).toThrow(new UsageError('--velocity writes a range with two dots: 25..40 (got "25-40")'));
    expect(() => parseVelocity('25 to 40')).toThrow(/25\.\.40/);
  });
});
