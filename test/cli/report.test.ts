import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const ROADMAP = path.resolve('fixtures/report/roadmap.md');
let dir: string;

beforeEach(() => {
  dir = tempDir('report');
  copyFileSync(ROADMAP, path.join(dir, 'roadmap.md'));
});

function run(...args: string[]) {
  return runCli(args, { cwd: dir });
}

function read(name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

const STATUS_DOC = [
  '# Kiosk status',
  '',
  'Written by hand.',
  '',
  '<!-- backlog:report -->',
  '<!-- /backlog:report -->',
  '',
  'Also by hand.',
  '',
];

// Each test runs the binary several times; a loaded machine needs more than the default 5 s.
describe('backlog report', { timeout: 30_000 }, () => {
  it('prints one markdown report with every section', () => {
    const { code, stdout, stderr } = run('report', 'roadmap.md');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.match(/^## .*$/gm)).toEqual(['## Summary', '## Sprints and capacity', '## Critical path', '## Forecast', '## Lint']);
    expect(stdout).toContain('- **6 items** in 1 file: 1 done, 5 open.\n- **26 points** in total, **21 points** remaining.\n');
    expect(stdout).toContain('**Critical path: 13 points (1 path).**\n\n1. KS-2 → KS-3 → KS-4\n');
    expect(stdout).toContain('```mermaid\ngantt\n');
    expect(stdout).toContain('    KS-3 Card payment :crit, 3000, 11000\n');
    expect(stdout).toContain('| Sprint 2 | 13 |  |  | no capacity |  |\n');
    expect(stdout).toContain(
      '## Forecast\n\n**21 points remaining at 8 points per sprint: 3 sprints**\n\n```mermaid\nxychart-beta\n  title "Burn-up: points done by the end of each sprint"\n',
    );
    expect(stdout).toContain(
      '  line [5, 13, 21, 26]\n```\n\nLines: the scope; points done, then the forecast.\n\n- Velocity from the document: "Velocity: 8 points per sprint" (roadmap.md:3).\n',
    );
    expect(stdout).toContain('## Lint\n\nNo problems found.\n');
  });

  it('forecasts from the completed sprints a document records, and leaves the forecast out where it has no velocity', () => {
    const completed = runCli(['report', 'fixtures/forecast/completed-sprints.md']);
    expect(completed.code).toBe(0);
    expect(completed.stdout).toContain('- Velocity from 2 completed sprints: 21, 27 points (Sprint 1, Sprint 3).\n');
    const none = runCli(['report', 'fixtures/styles/html-table.md']);
    expect(none.code).toBe(0);
    expect(none.stdout.match(/^## .*$/gm)).toEqual(['## Summary', '## Sprints and capacity', '## Critical path', '## Lint']);
  });

  it('takes a capacity and a velocity range from the command line', () => {
    const { code, stdout } = run('report', 'roadmap.md', '--capacity', '10', '--velocity', '5..8');
    expect(code).toBe(0);
    expect(stdout).toContain('**3 sprints: 1 over capacity.**\n');
    expect(stdout).toContain('| Sprint 2 | 13 | 10 | 130% | **over** | --capacity |\n');
    expect(stdout).toContain('**21 points remaining at 5..8 points per sprint: 85% likely within 4 sprints**\n');
    // Seeded: the same report every time, so a written section stays fresh.
    expect(run('report', 'roadmap.md', '--capacity', '10', '--velocity', '5..8').stdout).toBe(stdout);
  });

  it('leaves out the forecast when no velocity is given or stated, and lists lint problems', () => {
    copyFileSync(path.resolve('fixtures/report/drifted.md'), path.join(dir, 'drifted.md'));
    const { code, stdout } = run('report', 'drifted.md');
    expect(code).toBe(0);
    expect(stdout.match(/^## .*$/gm)).toEqual(['## Summary', '## Sprints and capacity', '## Critical path', '## Lint']);
    expect(stdout).toContain('## Sprints and capacity\n\nNo sprints in the backlog.\n');
    expect(stdout).toContain('- Lint: 1 error, 1 warning.\n');
    expect(stdout).toContain(
      '| drifted.md | 6 | 1 | warning | `unknown-reference` | WS-2 depends on "WS-9", which names no item, group or release |\n',
    );
    expect(stdout).toContain('**2 problems** (1 error, 1 warning)\n');
  });

  it('refuses --velocity together with --history, and a bad velocity', () => {
    expect(run('report', 'roadmap.md', '--velocity', '8', '--history', '5,6').stderr).toBe(
      'backlog: give --velocity or --history, not both\n',
    );
    expect(run('report', 'roadmap.md', '--velocity', '0')).toMatchObject({ code: 2, stdout: '' });
  });

  it('writes the report to --out, creating or replacing the file', () => {
    expect(run('report', 'roadmap.md', '--out', 'report.md')).toEqual({ code: 0, stdout: '', stderr: 'wrote the report to report.md\n' });
    const first = read('report.md');
    expect(first).toBe(run('report', 'roadmap.md').stdout);
    writeFileSync(path.join(dir, 'report.md'), 'old');
    expect(run('report', 'roadmap.md', '--out', 'report.md').code).toBe(0);
    expect(read('report.md')).toBe(first);
  });

  it('refuses --out together with --write', () => {
    const { code, stderr } = run('report', 'roadmap.md', '--out', 'a.md', '--write', 'b.md');
    expect(code).toBe(2);
    expect(stderr).toBe('backlog: --out writes a whole file and --write one section of a file: give one of them\n');
  });
});

// Each test runs the binary several times; a loaded machine needs more than the default 5 s.
describe('backlog report --write', { timeout: 30_000 }, () => {
  it('fills the section, keeps the hand-written text, and is then up to date', () => {
    writeFileSync(path.join(dir, 'status.md'), STATUS_DOC.join('\n'));
    const report = run('report', 'roadmap.md').stdout;
    expect(run('report', 'roadmap.md', '--write', 'status.md')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'updated section "report" in status.md\n',
    });
    expect(read('status.md')).toBe(`${STATUS_DOC.slice(0, 5).join('\n')}\n${report}${STATUS_DOC.slice(5).join('\n')}`);
    expect(run('report', 'roadmap.md', '--write', 'status.md')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'section "report" in status.md already up to date\n',
    });
  });

  it('keeps CRLF line endings when the document uses them', () => {
    writeFileSync(path.join(dir, 'status.md'), STATUS_DOC.join('\r\n'));
    expect(run('report', 'roadmap.md', '--write', 'status.md').code).toBe(0);
    const written = read('status.md');
    expect(written.split('\n').length - 1).toBe(written.split('\r\n').length - 1);
    expect(written.startsWith(`${STATUS_DOC.slice(0, 5).join('\r\n')}\r\n## Summary\r\n`)).toBe(true);
    expect(written.endsWith(`\r\n${STATUS_DOC.slice(5).join('\r\n')}`)).toBe(true);
  });

  it('does not read its own output back: a report inside the backlog it describes stays up to date', () => {
    writeFileSync(path.join(dir, 'roadmap.md'), `${read('roadmap.md')}\n## Status\n\n<!-- backlog:report -->\n<!-- /backlog:report -->\n`);
    expect(run('report', 'roadmap.md', '--write', 'roadmap.md').code).toBe(0);
    expect(read('roadmap.md')).toContain('- **6 items** in 1 file');
    expect(run('report', 'roadmap.md', '--write', 'roadmap.md', '--check')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'section "report" in roadmap.md already up to date\n',
    });
  });

  it('--check exits 1 on a stale section and writes nothing', () => {
    writeFileSync(path.join(dir, 'status.md'), STATUS_DOC.join('\n'));
    expect(run('report', 'roadmap.md', '--write', 'status.md').code).toBe(0);
    // The backlog moves on: one more item.
    writeFileSync(path.join(dir, 'roadmap.md'), `${read('roadmap.md')}| KS-7 | Loyalty card | 3 | KS-2 | Sprint 3 | Todo |\n`);
    const before = read('status.md');
    expect(run('report', 'roadmap.md', '--write', 'status.md', '--check')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'section "report" in status.md is out of date; run the same command without --check to update it\n',
    });
    expect(read('status.md')).toBe(before);
    expect(run('report', 'roadmap.md', '--write', 'status.md').code).toBe(0);
    expect(read('status.md')).toContain('- **7 items** in 1 file');
    expect(run('report', 'roadmap.md', '--write', 'status.md', '--check').code).toBe(0);
  });

  it('a document without the markers is exit 2, with the lines to add', () => {
    writeFileSync(path.join(dir, 'status.md'), '# Kiosk status\n');
    expect(run('report', 'roadmap.md', '--write', 'status.md')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'backlog: status.md: no section "report": add the line <!-- backlog:report --> and, below it, the line <!-- /backlog:report --> where the report should go\n',
    });
    expect(read('status.md')).toBe('# Kiosk status\n');
  });

  it('a read-only document is exit 2 and stays as it was', () => {
    const target = path.join(dir, 'status.md');
    writeFileSync(target, STATUS_DOC.join('\n'));
    chmodSync(target, 0o444);
    const { code, stderr } = run('report', 'roadmap.md', '--write', 'status.md');
    expect(code).toBe(2);
    expect(stderr).toBe('backlog: status.md: the file is read-only; nothing was written (make it writable and run again)\n');
    expect(read('status.md')).toBe(STATUS_DOC.join('\n'));
  });

  it('--check without --write is a usage error', () => {
    expect(run('report', 'roadmap.md', '--check')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: --check compares a section of a file: give it with --write FILE\n',
    });
  });
});
