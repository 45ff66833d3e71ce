// Scaling of `backlog forecast` on generated backlogs: 10,000 Monte Carlo trials, velocity
// 25..40 per sprint, with and without a team (dependency-aware list scheduling). The remaining
// work grows with the items, so the sprints per trial do too: doubling the items should about
// double the time. Run after a build:
//   npm run build && node bench/forecast.js
import { forecast } from '../dist/analyze/forecast.js';

/** Park–Miller: a fixed stream, so every run times the same backlogs. */
function lcg(seed) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

function item(id, dependsOn, points, priority) {
  return {
    id, title: id, dependsOn, unresolved: [], sprint: null, group: null, track: null, status: null, done: false,
    priority, owner: null, fields: {}, source: { file: 'bench.md', line: 1 }, children: [], appearances: [],
    partial: null, parent: null, references: [],
    estimate: { unit: 'points', low: points, high: points, expected: points, raw: String(points), kind: 'single', variance: 0 },
  };
}

/** Each item depends on up to three earlier ones, mostly nearby; priorities P0–P3. */
function randomBacklog(count) {
  const random = lcg(42);
  const items = Array.from({ length: count }, (_, index) => {
    const dependsOn = [];
    for (let k = 0; k < 3 && index > 0; k++) {
      if (random() < 0.5) dependsOn.push(`T${Math.max(0, index - 1 - Math.floor(random() * 50))}`);
    }
    return item(`T${index}`, dependsOn, 1 + Math.floor(random() * 8), `P${Math.floor(random() * 4)}`);
  });
  return { items, sprints: [], groups: [], unit: 'points', claims: [], conflicts: [], diagnostics: [], files: [] };
}

function time(run) {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const velocity = { kind: 'range', low: 25, high: 40 };
console.log('items     remaining  P85 sprints  trials   forecast ms  ns/(trial·sprint)  with --team 5 ms');
for (const count of [2_500, 5_000, 10_000, 20_000, 40_000]) {
  const backlog = randomBacklog(count);
  forecast(backlog, { velocity, trials: 1_000 }); // warm up
  const plain = time(() => forecast(backlog, { velocity, trials: 10_000 }));
  const team = time(() => forecast(backlog, { velocity, trials: 10_000, team: 5 }));
  const perDraw = (plain.ms * 1e6) / (10_000 * plain.result.sprints);
  console.log(
    `${String(count).padEnd(9)} ${String(plain.result.remaining).padEnd(10)} ${String(plain.result.sprints).padEnd(12)} 10,000 ${plain.ms.toFixed(0).padStart(12)} ${perDraw.toFixed(1).padStart(18)} ${team.ms.toFixed(0).padStart(17)}`,
  );
}
