// The forecast's two targets (issue 13), timed in a process of their own:
//   - 10,000 trials with drawn estimates at 10,000 items (three-point estimates, beta-PERT), at
//     25..40 points a sprint and at 30: under 1 s;
//   - `backlog forecast --history git` over 200 commits of a 1,000-item backlog: under 5 s (one
//     file of 1,000 rows, which every commit changes, and the same in 10 files of 100).
// Prints one line of JSON (for run.js) or, with --print, a readable summary. Run after a build:
//   npm run build && node bench/forecast-targets.js --print
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecast } from '../dist/analyze/forecast.js';
import { readGitHistory } from '../dist/analyze/history/git.js';
import { replayHistory } from '../dist/analyze/history/replay.js';
import { lcg, randomBacklog, threePoint } from './random-backlog.js';

const CLI = fileURLToPath(new URL('../bin/backlog.js', import.meta.url));
const DAY = 86_400;

/** Wall and CPU milliseconds of `run`, the median of `runs` after one warm-up. */
function timed(run, runs = 3) {
  run();
  const samples = [];
  for (let index = 0; index < runs; index++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    run();
    const used = process.cpuUsage(cpu);
    samples.push({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  samples.sort((a, b) => a.wallMs - b.wallMs);
  return samples[Math.floor(samples.length / 2)];
}

function drawnEstimates() {
  const backlog = randomBacklog(10_000, { dependencyChance: 0.5, estimate: threePoint });
  const range = { kind: 'range', low: 25, high: 40 };
  const fixed = { kind: 'fixed', value: 30 };
  const result = forecast(backlog, { velocity: range });
  return {
    items: 10_000,
    trials: 10_000,
    drawn: result.simulation.drawn,
    p85: result.percentiles.p85,
    range: timed(() => forecast(backlog, { velocity: range })),
    fixed: timed(() => forecast(backlog, { velocity: fixed })),
  };
}

function row(id, points, status) {
  return `| ${id} | Story ${id} | ${points} | ${status} |`;
}

/**
 * A repository holding a backlog over `commits` commits a day apart, in `files` files: it starts
 * with `start` open items and ends with `items`, each commit adding items (to the last file) and
 * ticking three open ones done (in whichever files they are). Written with `git fast-import`
 * (one process), then checked out.
 */
function historyRepository(directory, { commits, start, items, files = 1 }) {
  const git = (args, input) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: directory,
      input,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
      maxBuffer: 1 << 30,
    });
  git(['-c', 'init.defaultBranch=main', 'init', '-q']);
  const random = lcg(13);
  const points = [1, 2, 3, 5, 8, 13];
  const rows = [];
  const perFile = Math.ceil(start / files);
  const add = () =>
    rows.push({
      id: `BL-${rows.length + 1}`,
      points: points[Math.floor(random() * points.length)],
      done: false,
      file: Math.min(files - 1, Math.floor(rows.length / perFile)),
    });
  for (let index = 0; index < start; index++) add();
  const name = (file) => (files === 1 ? 'backlog.md' : `backlog-${String(file).padStart(2, '0')}.md`);
  const text = (file) =>
    `# Backlog\n\n| ID | Title | Points | Status |\n| --- | --- | --- | --- |\n${rows
      .filter((entry) => entry.file === file)
      .map((entry) => row(entry.id, entry.points, entry.done ? 'Done' : 'To do'))
      .join('\n')}\n`;
  const perCommit = (items - start) / (commits - 1);
  const chunks = [];
  const first = Date.UTC(2025, 0, 6, 12) / 1000;
  for (let commit = 0; commit < commits; commit++) {
    const changed = new Set(commit === 0 ? Array.from({ length: files }, (_, file) => file) : []);
    if (commit > 0) {
      while (rows.length < start + Math.round(commit * perCommit)) changed.add(rows[add() - 1].file);
      const open = rows.filter((entry) => !entry.done);
      for (let tick = 0; tick < 3 && open.length > 0; tick++) {
        const entry = open.splice(Math.floor(random() * open.length), 1)[0];
        entry.done = true;
        changed.add(entry.file);
      }
    }
    const message = `plan, day ${commit + 1}`;
    chunks.push(
      Buffer.from(
        `commit refs/heads/main\nmark :${commit + 1}\ncommitter Bench <bench@example.com> ${first + commit * DAY} +0000\n` +
          `data ${Buffer.byteLength(message)}\n${message}\n${commit > 0 ? `from :${commit}\n` : ''}`,
      ),
    );
    for (const file of changed) {
      const body = Buffer.from(text(file));
      chunks.push(Buffer.from(`M 100644 inline ${name(file)}\ndata ${body.length}\n`), body, Buffer.from('\n'));
    }
  }
  git(['fast-import', '--quiet'], Buffer.concat(chunks));
  git(['checkout', '-q', 'main']);
  return { paths: Array.from({ length: files }, (_, file) => path.join(directory, name(file))), items: rows.length };
}

/** `--history git` over 200 commits of a 1,000-item backlog in `files` files: read, replay, and the whole command. */
async function gitTargets(files) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'backlog-bench-history-'));
  try {
    const { paths, items } = historyRepository(directory, { commits: 200, start: 800, items: 1000, files });
    const plan = paths.map((file) => ({ file: path.basename(file), path: file }));
    let started = performance.now();
    const log = await readGitHistory(plan);
    const readMs = performance.now() - started;
    const cpu = process.cpuUsage();
    started = performance.now();
    const timeline = replayHistory(log, { unit: 'points' });
    const replayMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // The whole command, in its own process, as a user runs it (median of three).
    const runs = [];
    for (let run = 0; run < 3; run++) {
      started = performance.now();
      const child = spawnSync(process.execPath, [CLI, 'forecast', directory, '--history', 'git', '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      runs.push({ ms: performance.now() - started, status: child.status, stdout: child.stdout, stderr: child.stderr });
    }
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[1];
    const json = median.status === 0 ? JSON.parse(median.stdout) : null;
    return {
      files,
      commits: log.commits.length,
      items,
      readMs,
      replayMs,
      replayCpuMs: (used.user + used.system) / 1000,
      cliMs: median.ms,
      cliError: median.status === 0 ? undefined : median.stderr.trim().split('\n')[0],
      sprints: json?.pastSprints?.sprints.length,
      p85: json?.percentiles?.p85,
      points: timeline.points.length,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const results = { drawnEstimates: drawnEstimates(), gitHistory: [await gitTargets(1), await gitTargets(10)] };
if (process.argv.includes('--print')) {
  const { drawnEstimates: drawn, gitHistory } = results;
  const ms = (value) => `${Math.round(value)} ms`;
  console.log(
    `10,000 trials, drawn estimates, 10,000 items: ${ms(drawn.range.wallMs)} at 25..40 (${ms(drawn.range.cpuMs)} CPU), ${ms(drawn.fixed.wallMs)} at 30 (${ms(drawn.fixed.cpuMs)} CPU); P85 ${drawn.p85} sprints`,
  );
  for (const history of gitHistory) {
    console.log(
      `--history git, ${history.commits} commits of a ${history.items}-item backlog in ${history.files} file${history.files === 1 ? '' : 's'}: read ${ms(history.readMs)}, replay ${ms(history.replayMs)} (${ms(history.replayCpuMs)} CPU); the command ${ms(history.cliMs)}${history.cliError ? ` FAILED: ${history.cliError}` : ''}`,
    );
  }
} else {
  process.stdout.write(`${JSON.stringify(results)}\n`);
}
