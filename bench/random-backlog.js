// Generated backlogs for the analysis benchmarks, built as the model (no markdown), so a
// benchmark times the analysis alone. Fixed seeds: every run times the same backlogs.

/** Park–Miller: a fixed stream of numbers in (0, 1). */
export function lcg(seed) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** A work item as the model holds it, estimated in points. */
export function benchItem(id, dependsOn, estimate, priority) {
  return {
    id,
    title: id,
    dependsOn,
    unresolved: [],
    sprint: null,
    group: null,
    track: null,
    status: null,
    done: false,
    priority,
    owner: null,
    fields: {},
    source: { file: 'bench.md', line: 1 },
    children: [],
    appearances: [],
    partial: null,
    parent: null,
    references: [],
    estimate,
  };
}

export function backlogOf(items) {
  return { items, sprints: [], groups: [], unit: 'points', claims: [], conflicts: [], diagnostics: [], files: [] };
}

/** A single-point estimate of `points`. */
export const single = (points) => ({
  unit: 'points',
  low: points,
  high: points,
  expected: points,
  raw: String(points),
  kind: 'single',
  variance: 0,
});

/** A three-point estimate around `points`: ranged work, for PERT and the simulation. */
export const threePoint = (points) => ({
  unit: 'points',
  low: points - 1,
  high: points + 2,
  expected: points + 0.5 / 6,
  raw: '',
  kind: 'three-point',
  variance: 0.25,
});

/**
 * Each item depends on up to three earlier ones, mostly nearby (a wide, deep network), each
 * with probability `dependencyChance`; estimates of 1–8 points; priorities P0–P3.
 */
export function randomBacklog(count, { dependencyChance, estimate, seed = 42 }) {
  const random = lcg(seed);
  return backlogOf(
    Array.from({ length: count }, (_, index) => {
      const dependsOn = [];
      for (let k = 0; k < 3 && index > 0; k++) {
        if (random() < dependencyChance) dependsOn.push(`T${Math.max(0, index - 1 - Math.floor(random() * 50))}`);
      }
      return benchItem(`T${index}`, dependsOn, estimate(1 + Math.floor(random() * 8)), `P${Math.floor(random() * 4)}`);
    }),
  );
}
