// The analysis after parsing, at scale: on generated backlogs of 10k, 50k and 100k items (each
// depending on 0–3 earlier ones), the time of each phase and the peak memory, so that linear
// growth shows as a steady µs/item and KB/item. Run after a build:
//   npm run build && node bench/critical-path.js
// Each size runs in a child process of its own, so its peak RSS is its own. Times are the best
// of three runs (wall clock) beside the CPU time of that run: on a shared machine the CPU time
// is the steadier figure.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { criticalPath } from '../dist/analyze/critical-path.js';
import { forecast } from '../dist/analyze/forecast.js';
import { buildDependencyGraph, findCycles } from '../dist/analyze/graph.js';

const SIZES = [10_000, 50_000, 100_000];
const TRIALS = 10_000;
const VELOCITY = { kind: 'range', low: 25, high: 40 };
const RUNS = 3;

/** Park–Miller: a fixed stream, so every run times the same graphs. */
function lcg(seed) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

function item(id, dependsOn, points, priority) {
  return {
    id, title: id, dependsOn, unresolved: [], sprint: null, group: null, track: null, status: null, done: false,
    priority, owner: null, fields: {}, source: { file: 'bench.md', line: 1 }, children: [], appearances: [],
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
      return item(`T${index}`, dependsOn, 1 + Math.floor(random() * 8), `P${Math.floor(random() * 4)}`);
    }),
  );
}

/** Best wall time of RUNS runs, with the CPU time (user + system) of that run. */
function time(run) {
  let best = { ms: Infinity, cpuMs: Infinity, result: undefined };
  for (let attempt = 0; attempt < RUNS; attempt++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = run();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (ms < best.ms) best = { ms, cpuMs: (used.user + used.system) / 1000, result };
  }
  return best;
}

/** One size, in this process: phase times and peak RSS as one JSON line. */
function measure(count) {
  const network = randomNetwork(count);
  const edges = network.items.reduce((sum, entry) => sum + entry.dependsOn.length, 0);
  const phases = {
    'cycle check': time(() => findCycles(network)),
    CPM: time(() => criticalPath(network)),
    [`forecast ${TRIALS / 1000}k`]: time(() => forecast(network, { velocity: VELOCITY, trials: TRIALS })),
  };
  // The peak of the analysis, before the graphlib graph (offered to library users, used by no
  // command) adds its own.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  phases['graphlib graph'] = time(() => buildDependencyGraph(network.items));
  const figures = Object.fromEntries(Object.entries(phases).map(([name, { ms, cpuMs }]) => [name, { ms, cpuMs }]));
  const paths = phases.CPM.result;
  return { count, edges, phases: figures, paths: { listed: paths.paths.length, count: paths.pathCount }, peakRssMb };
}

/** The two extremes of shape: one long chain, and one cycle through every item. */
function measureShapes(count) {
  const chain = backlog(Array.from({ length: count }, (_, index) => item(`C${index}`, index ? [`C${index - 1}`] : [], 1, null)));
  const cycle = backlog(Array.from({ length: count }, (_, index) => item(`C${index}`, [`C${(index + 1) % count}`], 1, null)));
  const cycles = time(() => findCycles(cycle));
  return { chainMs: time(() => criticalPath(chain)).ms, cycleMs: cycles.ms, cycleMembers: cycles.result[0].members.length };
}

function child(args) {
  return JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

const pad = (text, width) => String(text).padStart(width);

if (process.argv[2] === '--size') {
  process.stdout.write(JSON.stringify(measure(Number(process.argv[3]))));
} else if (process.argv[2] === '--shapes') {
  process.stdout.write(JSON.stringify(measureShapes(Number(process.argv[3]))));
} else {
  console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`phases: ms best of ${RUNS} (CPU ms of that run); forecast: velocity ${VELOCITY.low}..${VELOCITY.high}, ${TRIALS.toLocaleString('en')} trials`);
  const results = SIZES.map((size) => child(['--size', String(size)]));
  const names = Object.keys(results[0].phases);
  console.log(['items'.padEnd(8), pad('deps', 7), ...names.map((name) => pad(name, 18)), pad('total', 16), pad('µs/item', 8), pad('items/s', 10), pad('peak RSS', 9), pad('KB/item', 8)].join(' '));
  for (const { count, edges, phases, peakRssMb } of results) {
    // The graphlib graph is not a step of the analysis: left out of the total and the peak.
    const analysis = names.filter((name) => name !== 'graphlib graph');
    const total = analysis.reduce((sum, name) => sum + phases[name].ms, 0);
    const totalCpu = analysis.reduce((sum, name) => sum + phases[name].cpuMs, 0);
    console.log(
      [
        String(count).padEnd(8),
        pad(edges, 7),
        ...names.map((name) => pad(`${phases[name].ms.toFixed(0)} (${phases[name].cpuMs.toFixed(0)})`, 18)),
        pad(`${total.toFixed(0)} (${totalCpu.toFixed(0)})`, 16),
        pad(((total * 1000) / count).toFixed(2), 8),
        pad(Math.round((count * 1000) / total).toLocaleString('en'), 10),
        pad(`${peakRssMb.toFixed(0)} MB`, 9),
        pad(((peakRssMb * 1024) / count).toFixed(2), 8),
      ].join(' '),
    );
  }
  const last = results.at(-1);
  console.log(`critical paths at ${last.count.toLocaleString('en')} items: ${last.paths.count.toExponential(2)}, ${last.paths.listed} listed`);
  const shapes = child(['--shapes', '100000']);
  console.log(`100,000-item chain, CPM: ${shapes.chainMs.toFixed(0)} ms; 100,000-item cycle found: ${shapes.cycleMs.toFixed(0)} ms, ${shapes.cycleMembers} members`);
}
