import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { CycleError, formatCycle } from '../../src/analyze/graph.js';
import { backlogFromMarkdown } from '../../src/load.js';

/** The fixtures are textbook networks and small plans written as markdown backlogs. */
function load(name: string) {
  const file = `fixtures/critical-path/${name}`;
  return backlogFromMarkdown(readFileSync(file, 'utf8'), file);
}

/** Activity letters of the textbook to the fixture's IDs: A → RC-01 … N → RC-14. */
const rc = (letters: string) => [...letters].map((letter) => `RC-${String(letter.charCodeAt(0) - 64).padStart(2, '0')}`);

describe('Reliable Construction from markdown (Hillier & Lieberman §10.3)', () => {
  const result = criticalPath(load('reliable-construction.md'));

  it('reads the network and finds the published critical path and length', () => {
    expect(result.unit).toBe('days');
    expect(result.items).toHaveLength(14);
    expect(result.length).toBe(44);
    expect(result.paths).toEqual([rc('ABCEFJLN')]);
  });

  it('finds the published slack of every activity', () => {
    const slack = Object.fromEntries(result.items.map((entry) => [entry.id, entry.totalFloat]));
    expect(slack).toEqual(
      Object.fromEntries(rc('ABCDEFGHIJKLMN').map((id, index) => [id, [0, 0, 0, 4, 0, 0, 4, 4, 2, 0, 1, 0, 4, 0][index]])),
    );
  });
});

describe('Reliable Construction PERT from markdown (Hillier & Lieberman §10.4)', () => {
  const result = criticalPath(load('reliable-construction-pert.md'), { deadline: 47 });

  it('reads optimistic / most likely / pessimistic columns and finds mean 44, σ 3, P(≤ 47) = Φ(1)', () => {
    expect(result.items.map((entry) => entry.id)).toEqual(rc('ABCDEFGHIJKLMN'));
    expect(result.length).toBeCloseTo(44, 12);
    expect(result.paths).toEqual([rc('ABCEFJLN')]);
    expect(result.stdDev).toBeCloseTo(3, 12);
    expect(result.probability).toBeCloseTo(0.8413447460685429, 12);
  });
});

describe('tied paths from markdown', () => {
  const backlog = load('tied-paths.md');

  it('lists both tying paths, leaves the done item out of them, and takes the riskier path’s σ', () => {
    const result = criticalPath(backlog);
    expect(result.length).toBe(8);
    expect(result.paths).toEqual([
      ['RL-2', 'RL-3', 'RL-7'],
      ['RL-4', 'RL-5', 'RL-7'],
    ]);
    // RL-5 is 1/2/3d (variance 1/9); the other path has single estimates.
    expect(result.stdDev).toBeCloseTo(1 / 3, 14);
    // RL-6 is 1/2/9d: expected (1 + 8 + 9) / 6 = 3 days, slack 7 − 3 = 4.
    expect(result.items.find((entry) => entry.id === 'RL-6')).toMatchObject({ duration: 3, totalFloat: 4, freeFloat: 4, critical: false });
    expect(result.items.find((entry) => entry.id === 'RL-1')).toMatchObject({ done: true, duration: 0, critical: false });
  });

  it('counts the done item with --all', () => {
    const result = criticalPath(backlog, { all: true });
    expect(result.length).toBe(10);
    expect(result.paths).toEqual([
      ['RL-1', 'RL-2', 'RL-3', 'RL-7'],
      ['RL-1', 'RL-4', 'RL-5', 'RL-7'],
    ]);
  });
});

describe('cycles from markdown', () => {
  it('names each cycle with the file and line of every member', () => {
    const file = 'fixtures/critical-path/cycle.md';
    try {
      criticalPath(load('cycle.md'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CycleError);
      expect((error as CycleError).cycles.map(formatCycle)).toEqual([
        `CY-1 (${file}:5) → CY-2 (${file}:6) → CY-3 (${file}:7) → CY-1 (${file}:5)`,
        `CY-4 (${file}:8) → CY-4 (${file}:8)`,
      ]);
    }
  });
});
