// Runs a node script as a child process and measures its wall time and peak memory: through
// `/usr/bin/time -v` when the system has it, else through rss-wrapper.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TIME = '/usr/bin/time';
const WRAPPER = fileURLToPath(new URL('./rss-wrapper.js', import.meta.url));

/** How peak memory is measured on this machine. */
export const memorySource = existsSync(TIME) ? `${TIME} -v` : 'process.resourceUsage().maxRSS in a wrapper';

/**
 * `node [nodeFlags] script ...args`, its output discarded. Answers the wall time in ms, the peak
 * resident set size in KB, the exit code and the first line of what it wrote to stderr.
 */
export function measure(script, args, { cwd, nodeFlags = [] } = {}) {
  const command = existsSync(TIME)
    ? [TIME, ['-v', process.execPath, ...nodeFlags, script, ...args]]
    : [process.execPath, [...nodeFlags, WRAPPER, script, ...args]];
  const started = process.hrtime.bigint();
  const child = spawnSync(command[0], command[1], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = child.stderr ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) ?? /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
  const exit = /Exit status: (\d+)/.exec(stderr);
  const signal = /terminated by signal (\d+)/.exec(stderr);
  const ownOutput = stderr.split(/\n\s*Command (?:being timed|terminated by signal)/)[0].replace(/BENCH_MAX_RSS_KB=\d+/, '');
  return {
    wallMs,
    maxRssKb: rss ? Number(rss[1]) : null,
    exitCode: signal ? 128 + Number(signal[1]) : exit ? Number(exit[1]) : child.status,
    message: (ownOutput.split('\n').find((line) => line.trim()) ?? '').trim(),
  };
}

/**
 * Wall time in ms of `node ...args` run directly (no measuring wrapper) for each of `variants`, the
 * median of `runs`; the variants take turns, after one warm-up run each, so that disk caches and
 * machine load weigh on all of them alike.
 */
export function medianStartMs(variants, runs, cwd) {
  const run = (args) => {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (const args of variants) run(args);
  const times = variants.map(() => []);
  for (let round = 0; round < runs; round++) variants.forEach((args, index) => times[index].push(run(args)));
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}
