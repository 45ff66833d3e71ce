// The analysis after parsing, at scale: on generated backlogs of 10k, 50k and 100k items (each
// depending on 0–3 earlier ones), the time of each phase and the peak memory, so that linear
// growth shows as a steady µs/item and KB/item. Then the rest of what runs between the model
// and the output (lint, the report, terminal tables, plan) on backlogs read from 100-item files
// that state sprint totals, capacities, projections and critical paths. Run after a build:
//   npm run build && node bench/critical-path.js
// Each size runs in a child process of its own, so its peak RSS is its own. Times are the best
// of three runs (wall clock) beside the CPU time of that run: on a shared machine the CPU time
// is the steadier figure.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { capacity } from '../dist/analyze/capacity.js';
import { criticalPath } from '../dist/analyze/critical-path.js';
import { forecast } from '../dist/analyze/forecast.js';
import { buildDependencyGraph, findCycles } from '../dist/analyze/graph.js';
import { plan } from '../dist/analyze/plan.js';
import { lint } from '../dist/lint/index.js';
import { formatCapacity } from '../dist/report/capacity/index.js';
import { formatCriticalPath } from '../dist/report/critical-path/index.js';
import { backlogReport } from '../dist/report/report.js';
import { formatShow } from '../dist/report/show.js';
import { backlogOf, benchItem, lcg, randomBacklog, threePoint } from './random-backlog.js';

const SIZES = [10_000, 50_000, 100_000];
const TRIALS = 10_000;
const VELOCITY = { kind: 'range', low: 25, high: 40 };
const RUNS = 3;

/** A wide, deep network of ranged work: each item may wait for up to three earlier ones. */
const randomNetwork = (count) => randomBacklog(count, { dependencyChance: 0.7, estimate: threePoint });

/**
 * Items in files of 100 as documents hold them: five sprints of 16 items per file (every tenth
 * item committed to the previous file's last sprint), the rest unscheduled, one group per file,
 * a task under every twentieth story, and stated figures to check: a total and a capacity per
 * sprint, a file total, an item count, a projection and a critical path per file.
 */
function documentedBacklog(count) {
  const random = lcg(7);
  const at = (file, line) => ({ file, line, column: 1 });
  const items = [];
  const sprints = [];
  const groups = [];
  const claims = [];
  const files = [];
  for (let first = 0; first < count; first += 100) {
    const file = `docs/part-${first / 100}.md`;
    files.push({ file, items: 100, encoding: 'utf-8', bom: false, repairedMojibake: false });
    const group = { id: `EP-${first / 100}`, name: `Epic ${first / 100}`, items: [], release: null, source: at(file, 1) };
    groups.push(group);
    const own = Array.from({ length: 5 }, (_, index) => {
      const key = String(sprints.length + 1);
      const sprint = { name: `Sprint ${key}`, key, items: [], committed: 0, partial: {}, source: at(file, 2 + index * 21) };
      sprints.push(sprint);
      return sprint;
    });
    for (let index = first; index < first + 100; index++) {
      const k = index - first;
      const dependsOn = new Set();
      for (let d = 0; d < 3 && index > 1; d++)
        if (random() < 0.5) dependsOn.add(`BL-${Math.max(0, index - 2 - Math.floor(random() * 150))}`);
      const sprint = k >= 80 ? null : first > 0 && k % 10 === 9 ? sprints[sprints.length - 6] : own[Math.floor(k / 16)];
      const entry = benchItem(`BL-${index}`, [...dependsOn], threePoint(1 + Math.floor(random() * 8)), `P${Math.floor(random() * 4)}`);
      Object.assign(entry, {
        sprint: sprint?.name ?? null,
        group: group.name,
        done: random() < 0.1,
        source: { file, line: 3 + k },
        appearances: [at(file, 3 + k)],
        parent: k % 20 === 19 ? `BL-${index - 1}` : null,
      });
      if (entry.parent) items[index - 1].children.push(entry.id);
      items.push(entry);
      group.items.push(entry.id);
      if (sprint) {
        sprint.items.push(entry.id);
        sprint.committed += entry.estimate.expected;
      }
    }
    for (const sprint of own) {
      claims.push({
        kind: 'total',
        scope: { sprint: sprint.key, file },
        which: 'all',
        value: Math.round(sprint.committed),
        unit: 'points',
        raw: 'Total',
        source: sprint.source,
      });
      claims.push({
        kind: 'capacity',
        scope: { sprint: sprint.key, file },
        value: 60,
        unit: 'points',
        raw: 'Capacity: 60',
        source: sprint.source,
      });
    }
    claims.push({ kind: 'total', scope: { file }, which: 'all', value: 450, unit: 'points', raw: 'Total 450', source: at(file, 200) });
    claims.push({ kind: 'count', scope: { file }, which: 'all', value: 100, raw: '100 stories', source: at(file, 201) });
    claims.push({
      kind: 'critical-path',
      scope: { file },
      chain: [`BL-${first}`],
      length: 9,
      unit: 'points',
      raw: 'critical path',
      source: at(file, 202),
    });
    claims.push({ kind: 'projection', scope: { file }, velocity: 30, sprints: 15, raw: '30 → 15', source: at(file, 203) });
  }
  return { ...backlogOf(items), sprints, groups, claims, files };
}

/** Best wall time of RUNS runs, with the CPU time (user + system) of that run. */
async function time(run) {
  let best = { ms: Infinity, cpuMs: Infinity, result: undefined };
  for (let attempt = 0; attempt < RUNS; attempt++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await run();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (ms < best.ms) best = { ms, cpuMs: (used.user + used.system) / 1000, result };
  }
  return best;
}

const figures = (phases) => Object.fromEntries(Object.entries(phases).map(([name, { ms, cpuMs }]) => [name, { ms, cpuMs }]));
const rssMb = () => process.resourceUsage().maxRSS / 1024;

/** One size, in this process: phase times and peak RSS as one JSON line. */
async function measure(count) {
  const network = randomNetwork(count);
  const backlogRssMb = rssMb();
  const edges = network.items.reduce((sum, entry) => sum + entry.dependsOn.length, 0);
  const phases = {
    'cycle check': await time(() => findCycles(network)),
    CPM: await time(() => criticalPath(network)),
    [`forecast ${TRIALS / 1000}k`]: await time(() => forecast(network, { velocity: VELOCITY, trials: TRIALS })),
  };
  // The peak of the analysis, before the graphlib graph (offered to library users, used by no
  // command) adds its own.
  const peakRssMb = rssMb();
  phases['graphlib graph'] = await time(() => buildDependencyGraph(network.items));
  const paths = phases.CPM.result;
  return { count, edges, phases: figures(phases), paths: { listed: paths.paths.length, count: paths.pathCount }, backlogRssMb, peakRssMb };
}

/** The rest of what runs after the model, on a documented backlog. */
async function measureAfterModel(count) {
  const documented = documentedBacklog(count);
  const result = criticalPath(documented);
  const phases = {
    lint: await time(() => lint(documented)),
    report: await time(() => backlogReport(documented)),
    'show table': await time(() => formatShow(documented, 'table', { color: false })),
    'critical-path table': await time(() => formatCriticalPath(result, 'table', { color: false })),
    'capacity table': await time(async () => formatCapacity(capacity(documented), 'table', { color: false })),
    plan: await time(() => plan(documented, { capacity: 40 })),
  };
  return { count, phases: figures(phases), peakRssMb: rssMb() };
}

/** The two extremes of shape: one long chain, and one cycle through every item. */
async function measureShapes(count) {
  const chain = backlogOf(
    Array.from({ length: count }, (_, index) => benchItem(`C${index}`, index ? [`C${index - 1}`] : [], threePoint(1), null)),
  );
  const cycle = backlogOf(
    Array.from({ length: count }, (_, index) => benchItem(`C${index}`, [`C${(index + 1) % count}`], threePoint(1), null)),
  );
  const cycles = await time(() => findCycles(cycle));
  return { chainMs: (await time(() => criticalPath(chain))).ms, cycleMs: cycles.ms, cycleMembers: cycles.result[0].members.length };
}

function child(args) {
  return JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

const pad = (text, width) => String(text).padStart(width);
const both = ({ ms, cpuMs }) => `${ms.toFixed(0)} (${cpuMs.toFixed(0)})`;

/** One table: a row per size, a column per phase, the total with its rates, and the peak RSS. */
function printTable(results, { excluded = [], extra = () => [], extraHead = [] } = {}) {
  const names = Object.keys(results[0].phases);
  const counted = names.filter((name) => !excluded.includes(name));
  const widths = names.map((name) => Math.max(name.length, 12) + 1);
  console.log(
    [
      'items'.padEnd(8),
      ...names.map((name, index) => pad(name, widths[index])),
      pad('total', 14),
      pad('µs/item', 8),
      pad('items/s', 9),
      ...extraHead,
    ].join(' '),
  );
  for (const entry of results) {
    const total = { ms: 0, cpuMs: 0 };
    for (const name of counted) {
      total.ms += entry.phases[name].ms;
      total.cpuMs += entry.phases[name].cpuMs;
    }
    console.log(
      [
        String(entry.count).padEnd(8),
        ...names.map((name, index) => pad(both(entry.phases[name]), widths[index])),
        pad(both(total), 14),
        pad(((total.ms * 1000) / entry.count).toFixed(2), 8),
        pad(Math.round((entry.count * 1000) / total.ms).toLocaleString('en'), 9),
        ...extra(entry),
      ].join(' '),
    );
  }
}

if (process.argv[2] === '--size') {
  process.stdout.write(JSON.stringify(await measure(Number(process.argv[3]))));
} else if (process.argv[2] === '--after-model') {
  process.stdout.write(JSON.stringify(await measureAfterModel(Number(process.argv[3]))));
} else if (process.argv[2] === '--shapes') {
  process.stdout.write(JSON.stringify(await measureShapes(Number(process.argv[3]))));
} else {
  console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`ms: best of ${RUNS} wall clock (CPU ms of that run)\n`);
  console.log(
    `The analysis: graph and cycle check, CPM (all floats, paths capped at 100), forecast (velocity ${VELOCITY.low}..${VELOCITY.high}, ${TRIALS.toLocaleString('en')} trials)`,
  );
  const results = SIZES.map((size) => child(['--size', String(size)]));
  // The graphlib graph is not a step of the analysis: left out of the total and the peak.
  printTable(results, {
    excluded: ['graphlib graph'],
    extraHead: [pad('deps', 7), pad('peak RSS', 9), pad('backlog', 8), pad('KB/item', 8)],
    extra: ({ edges, peakRssMb, backlogRssMb, count }) => [
      pad(edges, 7),
      pad(`${peakRssMb.toFixed(0)} MB`, 9),
      pad(`${backlogRssMb.toFixed(0)} MB`, 8),
      pad((((peakRssMb - backlogRssMb) * 1024) / count).toFixed(2), 8),
    ],
  });
  const last = results.at(-1);
  console.log(
    `critical paths at ${last.count.toLocaleString('en')} items: ${last.paths.count.toExponential(2)}, ${last.paths.listed} listed`,
  );
  console.log('(peak RSS: the whole process; backlog: after generating the items; KB/item: what the analysis adds)');
  const shapes = child(['--shapes', '100000']);
  console.log(
    `100,000-item chain, CPM: ${shapes.chainMs.toFixed(0)} ms; 100,000-item cycle found: ${shapes.cycleMs.toFixed(0)} ms, ${shapes.cycleMembers} members\n`,
  );

  console.log('After the model: 100-item files with 5 sprints each, stated totals, capacities, projections and critical paths');
  printTable(
    SIZES.map((size) => child(['--after-model', String(size)])),
    { extraHead: [pad('peak RSS', 9)], extra: ({ peakRssMb }) => [pad(`${peakRssMb.toFixed(0)} MB`, 9)] },
  );
}
