import type { Backlog, Estimate, Unit } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

/** A PERT estimate (optimistic / most likely / pessimistic) as the extractor builds it. */
export function threePoint(low: number, mode: number, high: number, unit: Unit = 'days'): Estimate {
  return {
    unit,
    low,
    high,
    expected: (low + 4 * mode + high) / 6,
    raw: `${low}/${mode}/${high}`,
    kind: 'three-point',
    variance: ((high - low) / 6) ** 2,
  };
}

/**
 * The Reliable Construction Company project: Hillier & Lieberman, "Introduction to Operations
 * Research" (9th ed., McGraw-Hill 2010), §10.3–10.4. Durations in weeks; published answers:
 * length 44 weeks, critical path A → B → C → E → F → J → L → N, slacks D 4, G 4, H 4, I 2, K 1,
 * M 4 (all others 0); with the three-point estimates of §10.4 the critical path's mean is 44 and
 * variance 9 (σ = 3), so P(finish within 47 weeks) = Φ(1) ≈ 0.84.
 */
export const RELIABLE: { id: string; name: string; weeks: number; after: string[]; omp: [number, number, number] }[] = [
  { id: 'A', name: 'Excavate', weeks: 2, after: [], omp: [1, 2, 3] },
  { id: 'B', name: 'Lay the foundation', weeks: 4, after: ['A'], omp: [2, 3.5, 8] },
  { id: 'C', name: 'Put up the rough wall', weeks: 10, after: ['B'], omp: [6, 9, 18] },
  { id: 'D', name: 'Put up the roof', weeks: 6, after: ['C'], omp: [4, 5.5, 10] },
  { id: 'E', name: 'Install the exterior plumbing', weeks: 4, after: ['C'], omp: [1, 4.5, 5] },
  { id: 'F', name: 'Install the interior plumbing', weeks: 5, after: ['E'], omp: [4, 4, 10] },
  { id: 'G', name: 'Put up the exterior siding', weeks: 7, after: ['D'], omp: [5, 6.5, 11] },
  { id: 'H', name: 'Do the exterior painting', weeks: 9, after: ['E', 'G'], omp: [5, 8, 17] },
  { id: 'I', name: 'Do the electrical work', weeks: 7, after: ['C'], omp: [3, 7.5, 9] },
  { id: 'J', name: 'Put up the wallboard', weeks: 8, after: ['F', 'I'], omp: [3, 9, 9] },
  { id: 'K', name: 'Install the flooring', weeks: 4, after: ['J'], omp: [4, 4, 4] },
  { id: 'L', name: 'Do the interior painting', weeks: 5, after: ['J'], omp: [1, 5.5, 7] },
  { id: 'M', name: 'Install the exterior fixtures', weeks: 2, after: ['H'], omp: [1, 2, 3] },
  { id: 'N', name: 'Install the interior fixtures', weeks: 6, after: ['K', 'L'], omp: [5, 5.5, 9] },
];

export function reliableBacklog(kind: 'single' | 'three-point' = 'single'): Backlog {
  return makeBacklog(
    RELIABLE.map((activity) =>
      item(activity.id, {
        title: activity.name,
        dependsOn: activity.after,
        estimate: kind === 'single' ? estimate(activity.weeks, 'days') : threePoint(...activity.omp),
        source: { file: 'reliable.md', line: RELIABLE.indexOf(activity) + 3 },
      }),
    ),
  );
}
