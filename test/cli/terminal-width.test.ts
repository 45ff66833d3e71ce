/**
 * Terminal output that fits: the real binary under a real pseudo-terminal (util-linux `script`,
 * its width set with `stty cols`), colour on as a terminal gets it, and no line wider than the
 * terminal once colour codes are stripped and wide characters counted as two. Piped, nothing is
 * cut unless COLUMNS asks for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/wrap-text.js';
import { BIN, cliEnvironment, runCli } from '../helpers/run-cli.js';
import { sharedDocuments } from '../helpers/shared-docs.js';
import { tempDir } from '../helpers/temp-dir.js';

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasScript) console.warn('util-linux `script` is missing: the pseudo-terminal width tests are skipped');

const seeds = sharedDocuments('seeds');
const seedFiles = seeds.present
  ? readdirSync(seeds.dir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => path.join(seeds.dir, name))
  : [];

/** A backlog with long, wide-character and coloured-looking titles, long dependency lists and sprint names. */
function wideBacklog(): string {
  const dir = tempDir('terminal-width');
  const file = path.join(dir, 'wide.md');
  const rows = [
    '| ID | Title | Estimate | Depends on | Sprint | Status |',
    '| --- | --- | --- | --- | --- | --- |',
    `| WD-1 | ${'Reconcile the warehouse ledger with the supplier invoices and the carrier manifests '.repeat(2).trim()} | 5 | | Sprint 1: Ledger, invoices and manifests for every warehouse | Done |`,
    '| WD-2 | 顧客データの取り込みと検証、重複の統合、そして住所の正規化を行う長いタイトル | 8 | WD-1 | Sprint 1: Ledger, invoices and manifests for every warehouse | In progress |',
    '| WD-3 | Ünïcödé 🚀 release notes for the multilingual onboarding flow and its translations | 3 | WD-1, WD-2 | Sprint 2: Onboarding | |',
    '| WD-4 | Report | 13 | WD-1, WD-2, WD-3 | | |',
  ];
  writeFileSync(file, `# Wide\n\n${rows.join('\n')}\n`);
  return file;
}
const wide = wideBacklog();

const TARGETS = [
  'fixtures/styles',
  'fixtures/critical-path/reliable-construction-pert.md',
  'fixtures/capacity',
  'fixtures/forecast',
  'fixtures/plan',
  wide,
  ...seedFiles,
];
const COMMANDS: Record<string, string[]> = {
  show: ['show'],
  'critical-path': ['critical-path'],
  capacity: ['capacity'],
  forecast: ['forecast', '--velocity', '30'],
  plan: ['plan', '--capacity', '30'],
};
const WIDTHS = [80, 200];

function quote(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** `backlog ARGS` on a terminal `columns` wide: its stdout as the terminal got it (stderr left out, so that it cannot interleave). */
function onTerminal(args: string[], columns: number): Promise<{ code: number | null; stdout: string }> {
  const env = cliEnvironment();
  delete env.NO_COLOR;
  delete env.LINES;
  const command = `stty cols ${columns} rows 50; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')} 2>/dev/null`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: stdout.replace(/\r/g, '') }));
  });
}

/** The lines wider than `columns`, as the terminal shows them: colour codes take no room, wide characters two. */
function tooWide(text: string, columns: number): string[] {
  return text.split('\n').filter((line) => displayWidth(line) > columns);
}

/** Runs the jobs, a few at a time. */
async function pool<T>(jobs: (() => Promise<T>)[], size = 4): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

describe.skipIf(!hasScript)('terminal output fits the terminal (a real pseudo-terminal)', () => {
  for (const [name, args] of Object.entries(COMMANDS)) {
    it(`${name}: no line wider than 80 or 200 columns, on the fixtures${seeds.present ? ' and the seeds' : ''}`, async () => {
      const runs = TARGETS.flatMap((target) => WIDTHS.map((columns) => ({ target, columns })));
      const results = await pool(
        runs.map(
          ({ target, columns }) =>
            () =>
              onTerminal([...args, target], columns),
        ),
      );
      const problems = results.flatMap(({ code, stdout }, index) => {
        const { target, columns } = runs[index];
        const where = `${name} ${path.relative(process.cwd(), target)} at ${columns} columns`;
        if (code === null || code > 1 || stdout.trim() === '') return [`${where}: exit ${code}, ${stdout.length} characters`];
        return tooWide(stdout, columns).map((line) => `${where}: ${displayWidth(line)} wide: ${line}`);
      });
      expect(problems).toEqual([]);
    }, 180_000);
  }

  it('colours the output on a terminal, and shortens the long titles at 80 columns', async () => {
    const { stdout } = await onTerminal(['show', wide], 80);
    expect(stdout).toContain('\u001b[');
    expect(stdout).toContain('…');
    expect(stdout).toContain('WD-4');
  });
});

describe('piped output', () => {
  it('is not cut without COLUMNS: the long titles are whole', () => {
    const { code, stdout } = runCli(['show', wide]);
    expect(code).toBe(0);
    expect(stdout).toContain('Reconcile the warehouse ledger with the supplier invoices and the carrier manifests Reconcile');
    expect(stdout).toContain('顧客データの取り込みと検証、重複の統合、そして住所の正規化を行う長いタイトル');
    expect(stdout).not.toContain('…');
    expect(Math.max(...stdout.split('\n').map(displayWidth))).toBeGreaterThan(200);
  });

  it('fits COLUMNS when it is set', () => {
    for (const args of Object.values(COMMANDS)) {
      const result = spawnSync(process.execPath, [BIN, ...args, wide], { encoding: 'utf8', env: { ...cliEnvironment(), COLUMNS: '60' } });
      expect(result.status === 0 || result.status === 1).toBe(true);
      expect(tooWide(result.stdout, 60)).toEqual([]);
    }
  });
});
