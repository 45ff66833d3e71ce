// `npm run bench` — times the CLI on synthetic backlogs against the parse floor measured in the
// same run (mdast-util-from-markdown + GFM tables over the same files). Two shapes: many files of
// 100 items, and one file holding one big table. Then the language server: the re-diagnose time
// after a one-line change in a 1,000-item workspace (bench/lsp.js). Then the forecast: 10,000
// trials drawing every estimate, and --history git over 200 commits (bench/forecast-targets.js).
//
//   npm run bench                  all sizes (the 100k ones take minutes on two cores)
//   npm run bench -- --quick       the smallest size of each shape
//   npm run bench -- --only big    one part: many | big | lsp | forecast
//   npm run bench -- --keep        keep the generated backlogs (their folder is printed)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatNumber } from '../dist/model/units.js';
import { writeBigTable, writeManyFiles } from './generate.js';
import { measure, medianStartMs, memorySource } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'backlog.js');
const FLOOR = fileURLToPath(new URL('./parse-floor.js', import.meta.url));
const PHASES = fileURLToPath(new URL('./phases.js', import.meta.url));
const LSP = fileURLToPath(new URL('./lsp.js', import.meta.url));
const LSP_TARGET_MS = 100;
const FORECAST_TARGETS = fileURLToPath(new URL('./forecast-targets.js', import.meta.url));
const TABLE_EXTENSION = 'micromark-extension-gfm-table';
const FIXED_TABLE_EXTENSION = [2, 1, 2];

const COMMANDS = [
  { name: 'show', args: ['--format', 'json'] },
  { name: 'lint', args: ['--format', 'json'] },
  { name: 'critical-path', args: ['--format', 'json'] },
  { name: 'forecast', args: ['--velocity', '30', '--format', 'json'] },
];

const SHAPES = [
  {
    key: 'many',
    title: (size) => `many files: ${group(size)} items in ${group(Math.ceil(size / 100))} files of 100`,
    sizes: [1000, 10000, 100000],
    write: (directory, size) => writeManyFiles(directory, size),
  },
  {
    key: 'big',
    title: (size) => `one file, one table of ${group(size)} rows`,
    sizes: [5000, 20000, 100000],
    write: (directory, size) => writeBigTable(directory, size),
  },
];

const { values: options } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, keep: { type: 'boolean', default: false } },
});

const group = (value) => Math.round(value).toLocaleString('en-US');
const seconds = (ms) => `${formatNumber(ms / 1000, 2)} s`;
const megabytes = (kb) => (kb === null ? '?' : `${group(kb / 1024)} MB`);
const ratio = (value, base) => (value === null || !base ? '—' : `${formatNumber(value / base, 2)}×`);

function printMachine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `machine: ${cpu}, ${os.availableParallelism()} cores, ${group(os.totalmem() / 2 ** 30)} GB; node ${process.version}; peak memory by ${memorySource}`,
  );
}

/** The table extension must have the 2.1.2 fix: 2.1.1 is quadratic in the cells of a document. */
function checkTableExtension() {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', TABLE_EXTENSION, 'package.json'), 'utf8'));
  const parts = version.split(/[.-]/).map(Number);
  const fixed = FIXED_TABLE_EXTENSION.findIndex((part, index) => parts[index] !== part);
  const ok = fixed === -1 || parts[fixed] > FIXED_TABLE_EXTENSION[fixed];
  console.log(
    `${TABLE_EXTENSION} ${version}: ${ok ? 'ok' : 'too old'} (needs ≥ ${FIXED_TABLE_EXTENSION.join('.')}, the first without quadratic table parsing)`,
  );
  return ok;
}

function measureStartup() {
  const [bare, cli] = medianStartMs(
    [
      ['-e', '0'],
      [CLI, '--version'],
    ],
    9,
    ROOT,
  );
  console.log(
    `start-up (median of 9): node -e 0 ${formatNumber(bare, 0)} ms, backlog --version ${formatNumber(cli, 0)} ms: ${ratio(cli, bare)} bare node`,
  );
  return { bare, cli };
}

/** The commands the CLI has today; the others are skipped with a note. */
function availableCommands() {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  const listed = help
    .slice(help.indexOf('Commands:'))
    .split('\n')
    .map((line) => /^\s+([\w-]+)/.exec(line)?.[1]);
  return new Set(listed.filter(Boolean));
}

function printRow(label, result, items, floor) {
  const failed = result.exitCode !== 0 && result.exitCode !== 1;
  const cells = [
    label.padEnd(16),
    seconds(result.wallMs).padStart(9),
    group(items / (result.wallMs / 1000)).padStart(10),
    formatNumber(result.wallMs / (items / 1000), 1).padStart(9),
    megabytes(result.maxRssKb).padStart(9),
    ratio(result.wallMs, floor?.wallMs).padStart(8),
    ratio(result.maxRssKb, floor?.maxRssKb).padStart(8),
  ];
  console.log(`  ${cells.join('  ')}${failed ? `  FAILED (exit ${result.exitCode}): ${result.message}` : ''}`);
}

/** Phase times in ms (or a failure message) from phases.js, printed and returned; null if it failed. */
function measurePhases(directory) {
  const child = spawnSync(process.execPath, [PHASES, directory], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !line) {
    console.log(`  phases: failed (${child.stderr.trim().split('\n')[0]})`);
    return null;
  }
  const { items, phases } = JSON.parse(line);
  const show = (value) => (typeof value === 'number' ? `${group(value)} ms` : value);
  console.log(
    `  in one process: load ${show(phases.load)} (of which parse ${show(phases.parse)}), lint ${show(phases.lint)}, ` +
      `critical path ${show(phases.criticalPath)}, forecast ${show(phases.forecast)}, 10,000-trial forecast ${show(phases.forecast10kTrials)}; ` +
      `model items ${group(items)}`,
  );
  return phases;
}

function runSize(shape, size, available, scratch) {
  const directory = path.join(scratch, `${shape.key}-${size}`);
  shape.write(directory, size);
  console.log(`\n${shape.title(size)}`);
  console.log(
    `  ${['command'.padEnd(16), 'wall'.padStart(9), 'items/s'.padStart(10), 'ms/1k'.padStart(9), 'peak RSS'.padStart(9), '× floor'.padStart(8), 'RSS ×'.padStart(8)].join('  ')}`,
  );
  // micromark needs about 50 KB per table row: let the floor have the memory to finish.
  const heap = `--max-old-space-size=${Math.floor((os.totalmem() * 0.75) / 2 ** 20)}`;
  const floor = measure(FLOOR, [directory], { cwd: ROOT, nodeFlags: [heap] });
  printRow('parse floor', floor, size, floor);
  const baseline = floor.exitCode === 0 ? floor : null;
  const commands = {};
  for (const command of COMMANDS) {
    if (!available.has(command.name)) {
      console.log(`  ${command.name.padEnd(16)}  skipped: the CLI has no such command yet`);
      continue;
    }
    commands[command.name] = measure(CLI, [command.name, directory, ...command.args], { cwd: ROOT });
    printRow(command.name, commands[command.name], size, baseline);
  }
  return { shape: shape.key, size, floor: baseline, commands, phases: measurePhases(directory) };
}

/** The language server's re-diagnose time (bench/lsp.js, in its own process), printed and returned; null if it failed. */
function runLsp() {
  console.log('\nlanguage server');
  const child = spawnSync(process.execPath, [LSP], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const lines = child.stdout.trim().split('\n');
  if (child.status !== 0 || !lines.at(-1)?.startsWith('{')) {
    console.log(`  failed: ${child.stderr.trim().split('\n')[0]}`);
    return null;
  }
  for (const line of lines.slice(0, -1)) console.log(`  ${line.trim()}`);
  return JSON.parse(lines.at(-1));
}

/** The forecast's figures (bench/forecast-targets.js, in its own process), printed and returned; null if it failed. */
function runForecastTargets() {
  console.log('\nforecast: drawn estimates and git history');
  const child = spawnSync(process.execPath, [FORECAST_TARGETS], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = child.stdout.trim().split('\n').pop();
  if (child.status !== 0 || !line?.startsWith('{')) {
    console.log(`  failed: ${child.stderr.trim().split('\n')[0]}`);
    return null;
  }
  const results = JSON.parse(line);
  const { range, fixed } = results.drawnEstimates;
  console.log(
    `  10,000 trials drawing every estimate of 10,000 items: ${seconds(range.wallMs)} at 25..40 (${seconds(range.cpuMs)} CPU), ${seconds(fixed.wallMs)} at 30 (${seconds(fixed.cpuMs)} CPU)`,
  );
  for (const history of results.gitHistory) {
    console.log(
      `  --history git, ${history.commits} commits of a ${group(history.items)}-item backlog in ${history.files} file${history.files === 1 ? '' : 's'}: ` +
        `git ${seconds(history.readMs)}, the plan rebuilt at each commit ${seconds(history.replayMs)} (${seconds(history.replayCpuMs)} CPU); ` +
        `the command ${seconds(history.cliMs)}${history.cliError ? `, FAILED: ${history.cliError}` : ''}`,
    );
  }
  return results;
}

/** The issue's targets, for the sizes that ran. */
function printTargets(startup, runs, lsp, forecastTargets) {
  const find = (shape, size) => runs.find((run) => run.shape === shape && run.size === size);
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const lines = [`start-up ≤ 2× bare node: ${ratio(startup.cli, startup.bare)}, ${verdict(startup.cli <= 2 * startup.bare)}`];
  const tenThousand = find('many', 10000);
  const lint = tenThousand?.commands.lint;
  if (lint && tenThousand.floor)
    lines.push(
      `lint ≤ 1.3× the parse floor at 10k items in many files: ${ratio(lint.wallMs, tenThousand.floor.wallMs)}, ${verdict(lint.wallMs <= 1.3 * tenThousand.floor.wallMs)}`,
    );
  const bigLint = find('big', 100000)?.commands.lint;
  if (bigLint) {
    const ok = bigLint.wallMs < 10000 && bigLint.maxRssKb !== null && bigLint.maxRssKb < 500 * 1024;
    lines.push(
      `lint of one 100,000-row table < 10 s and < 500 MB: ${seconds(bigLint.wallMs)}, ${megabytes(bigLint.maxRssKb)}, ${verdict(ok)}`,
    );
  }
  for (const run of runs.filter((candidate) => candidate.size === 100000 && candidate.phases)) {
    const { criticalPath, forecast10kTrials } = run.phases;
    if (typeof criticalPath !== 'number' || typeof forecast10kTrials !== 'number') continue;
    const total = criticalPath + forecast10kTrials;
    lines.push(
      `analysis at 100k items (${run.shape}): critical path + 10,000-trial forecast ${group(total)} ms < 1 s: ${verdict(total < 1000)}`,
    );
  }
  if (lsp) {
    lines.push(
      `language server: diagnostics after a one-line change at ${group(lsp.items)} items < ${LSP_TARGET_MS} ms: ${formatNumber(lsp.medianMs, 0)} ms (median of ${lsp.rounds}), ${verdict(lsp.medianMs < LSP_TARGET_MS)}`,
    );
  }
  if (forecastTargets) {
    const { range } = forecastTargets.drawnEstimates;
    lines.push(
      `forecast: 10,000 trials with drawn estimates at 10k items < 1 s: ${seconds(range.wallMs)}, ${verdict(range.wallMs < 1000)}`,
    );
    for (const history of forecastTargets.gitHistory) {
      const files = `${history.files} file${history.files === 1 ? '' : 's'}`;
      lines.push(
        `forecast --history git, ${history.commits} commits of a ${group(history.items)}-item backlog (${files}) < 5 s: ${seconds(history.cliMs)}, ${verdict(!history.cliError && history.cliMs < 5000)}`,
      );
    }
  }
  console.log(`\ntargets\n${lines.map((line) => `  ${line}`).join('\n')}`);
}

printMachine();
if (!checkTableExtension()) process.exit(1);
const startup = measureStartup();
const available = availableCommands();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'backlog-bench-'));
const runs = [];
try {
  for (const shape of SHAPES.filter((candidate) => !options.only || candidate.key === options.only)) {
    for (const size of options.quick ? shape.sizes.slice(0, 1) : shape.sizes) runs.push(runSize(shape, size, available, scratch));
  }
  const lsp = !options.only || options.only === 'lsp' ? runLsp() : null;
  const forecastTargets = !options.only || options.only === 'forecast' ? runForecastTargets() : null;
  printTargets(startup, runs, lsp, forecastTargets);
} finally {
  if (options.keep) console.log(`\nbacklogs kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
