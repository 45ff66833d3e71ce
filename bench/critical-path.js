// Scaling of `backlog critical-path` on generated backlogs: doubling the items should about
// double the time (linear in items + dependencies). Run after a build:
//   npm run build && node bench/critical-path.js
import { criticalPath } from '../dist/analyze/critical-path.js';
import { findCycles } from '../dist/analyze/graph.js';

/** Park–Miller: a fixed stream, so every run times the same graphs. */
function lcg(seed) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

function item(id, dependsOn, points) {
  return {
    id, title: id, dependsOn, unresolved: [], sprint: null, group: null, track: null, status: null, done: false,
    priority: null, owner: null, fields: {}, source: { file: 'bench.md', line: 1 }, children: [], appearances: [],
    partial: null, parent: null, references: [],
    estimate: { unit: 'points', low: points - 1, high: points + 2, expected: points + 0.5 / 6, raw: '', kind: 'three-point', variance: 0.25 },
  };
}

function backlog(items) {
  return { items, sprints: [], groups: [], unit: 'points', claims: [], conflicts: [], diagnostics: [], files: [] };
}

/** Each item depends on up to three earlier ones, mostly nearby: a wide, deep network. */
function randomNetwork(count) {
  const random = lcg(42);
  return backlog(
    Array.from({ length: count }, (_, index) => {
      const dependsOn = [];
      for (let k = 0; k < 3 && index > 0; k++) {
        if (random() < 0.7) dependsOn.push(`T${Math.max(0, index - 1 - Math.floor(random() * 50))}`);
      }
      return item(`T${index}`, dependsOn, 1 + Math.floor(random() * 8));
    }),
  );
}

function time(run) {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

console.log('items     deps      CPM ms   µs/item   paths');
for (const count of [12_500, 25_000, 50_000, 100_000, 200_000]) {
  const network = randomNetwork(count);
  const edges = network.items.reduce((sum, entry) => sum + entry.dependsOn.length, 0);
  criticalPath(network); // warm up
  const { ms, result } = time(() => criticalPath(network));
  console.log(`${String(count).padEnd(9)} ${String(edges).padEnd(9)} ${ms.toFixed(0).padStart(6)} ${((ms * 1000) / count).toFixed(2).padStart(9)}   ${result.pathCount}`);
}

const chain = backlog(Array.from({ length: 100_000 }, (_, index) => item(`C${index}`, index ? [`C${index - 1}`] : [], 1)));
console.log(`100,000-item chain: ${time(() => criticalPath(chain)).ms.toFixed(0)} ms`);
const cycle = backlog(Array.from({ length: 100_000 }, (_, index) => item(`C${index}`, [`C${(index + 1) % 100_000}`], 1)));
const cycles = time(() => findCycles(cycle));
console.log(`100,000-item cycle: ${cycles.ms.toFixed(0)} ms, ${cycles.result[0].members.length} members`);

const simulated = time(() => criticalPath(randomNetwork(100_000), { simulate: { trials: 20, seed: 42 } }));
console.log(`simulation, 100,000 items: ${(simulated.ms / 20).toFixed(0)} ms per trial`);
