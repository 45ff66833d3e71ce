import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

function run(args: string[], cwd = process.cwd()) {
  return runCli(args, { cwd });
}

describe('backlog show', () => {
  it('reads the bundled fixtures and prints a table with a summary line', () => {
    const { code, stdout, stderr } = run(['show', 'fixtures/styles']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('HB-12');
    // Eleven documents, two of which share their items: ten plans, each under its heading, each with its summary line.
    expect(stdout.match(/^Plan: fixtures\/styles\/.*\.md$/gm)).toHaveLength(10);
    expect(stdout).toContain('Plan: fixtures/styles/story-files/pay-1.md');
    expect(stdout.match(/^\d+ items in \d+ files? · .* · \d+ sprints? · \d+ diagnostics?$/gm)).toHaveLength(10);
  });

  it('prints the model as JSON with the contract fields', () => {
    const { code, stdout } = run(['show', 'fixtures/styles/size-headings.md', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['schemaVersion', 'items', 'sprints', 'groups', 'unit']));
    expect(json.unit).toBe('points');
    expect(json.sprints.map((sprint: { name: string; committed: number }) => [sprint.name, sprint.committed])).toEqual([
      ['Sprint 1: Light On', 10],
      ['Sprint 2: Night Watch', 8],
    ]);
  });

  it('prints markdown', () => {
    const { stdout } = run(['show', 'fixtures/styles/sprint-tracks.md', '--format', 'md']);
    expect(stdout.split('\n')[0]).toBe('| ID | Title | Estimate | Sprint | Depends on | Status |');
    expect(stdout).toContain('| GRW-04 | Picker assignment | 12h | Sprint 2 (Weeks 3-4): Harvest |  |  |');
  });

  it('reports a missing path in one line, exit 2, and still reads the other files', () => {
    const { code, stdout, stderr } = run(['show', 'nope.md', 'fixtures/styles/html-table.md', '--format', 'md']);
    expect(code).toBe(2);
    expect(stderr).toBe('backlog: nope.md: no such file or directory\n');
    expect(stdout).toContain('Wind alerts');
  });

  it('refuses a binary file and an unknown flag with one line and exit 2', () => {
    const dir = tempDir('show');
    writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const binary = run(['show', 'image.md'], dir);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('image.md: looks like a binary file');
    expect(binary.stderr).not.toMatch(/\n\s+at /);
    const flag = run(['show', '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--colour'");
  });

  it('says so when a directory has no markdown', () => {
    const dir = tempDir('empty');
    const { code, stderr } = run(['show', '.'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('.: no markdown files (*.md) in this directory');
  });

  it('reads a quoted glob that reaches outside the working directory, and explains a directory of .txt files', () => {
    const dir = tempDir('glob');
    const docs = path.join(dir, 'docs');
    mkdirSync(docs);
    mkdirSync(path.join(dir, 'work'));
    writeFileSync(path.join(docs, 'plan.txt'), '| ID | Pts |\n|---|---|\n| G-1 | 2 |\n');
    const glob = run(['show', '../docs/*.txt', '--format', 'md'], path.join(dir, 'work'));
    expect(glob.code).toBe(0);
    expect(glob.stdout).toContain('| G-1 |');
    const folder = run(['show', '../docs'], path.join(dir, 'work'));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(
      'backlog: ../docs: no markdown files (*.md) in this directory; to read its 1 .txt file, name them: ../docs/*.txt\n',
    );
  });

  it('finds the config beside the file it reads, walking up from there', () => {
    const dir = tempDir('config');
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', '.backlogrc.yaml'), 'scales:\n  M: { low: 3, high: 5, unit: days }\n');
    writeFileSync(path.join(dir, 'docs', 'plan.md'), '| ID | Task | Size |\n|---|---|---|\n| Z-1 | Pour | M |\n');
    const { code, stdout } = run(['show', 'docs/plan.md', '--format', 'md'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('| Z-1 | Pour | 3–5d (M) |');
    expect(stdout).toContain('1 item in 1 file · 4 days');
  });

  it("reads a status as done with the config's vocabulary, and only there", () => {
    const dir = tempDir('vocabulary');
    mkdirSync(path.join(dir, 'shop'));
    mkdirSync(path.join(dir, 'other'));
    const board = '| ID | Title | Status |\n|---|---|---|\n| SHP-1 | Checkout | Geliefert |\n| SHP-2 | Refunds | In Arbeit |\n';
    writeFileSync(path.join(dir, 'shop', '.backlogrc.yaml'), 'vocabulary:\n  done: [Geliefert]\n');
    writeFileSync(path.join(dir, 'shop', 'board.md'), board);
    writeFileSync(path.join(dir, 'other', 'board.md'), board);
    const done = (file: string) => {
      const { code, stdout } = run(['show', file, '--format', 'json'], dir);
      expect(code).toBe(0);
      return (JSON.parse(stdout) as { items: { id: string; done: boolean }[] }).items.map((item) => [item.id, item.done]);
    };
    expect(done('shop/board.md')).toEqual([
      ['SHP-1', true],
      ['SHP-2', false],
    ]);
    expect(done('other/board.md')).toEqual([
      ['SHP-1', false],
      ['SHP-2', false],
    ]);
    writeFileSync(path.join(dir, 'shop', '.backlogrc.yaml'), 'vocabulary:\n  finished: [Geliefert]\n');
    const wrong = run(['show', 'shop/board.md'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^backlog: .*\.backlogrc\.yaml: vocabulary\.finished: unknown concept \(known: [^\n]*\)\n$/);
  });

  it("lint knows a status word the file's config declares, and warns of it elsewhere", () => {
    const dir = tempDir('vocabulary');
    mkdirSync(path.join(dir, 'shop'));
    mkdirSync(path.join(dir, 'other'));
    const rows = ['SHP-1', 'SHP-2', 'SHP-3'].map((id) => `| ${id} | Work ${id} | 3 | Backburner |`);
    const board = ['| ID | Title | Points | Status |', '|---|---|---|---|', ...rows].join('\n');
    writeFileSync(path.join(dir, 'shop', '.backlogrc.yaml'), 'vocabulary:\n  openStatus: [Backburner]\n');
    writeFileSync(path.join(dir, 'shop', 'board.md'), board.replaceAll('SHP', 'SH'));
    writeFileSync(path.join(dir, 'other', 'board.md'), board);
    const result = run(['lint', 'shop', 'other', '--format', 'json'], dir);
    const problems = (JSON.parse(result.stdout) as { problems: { file: string; rule: string }[] }).problems;
    expect(problems.filter((problem) => problem.rule === 'unknown-status').map((problem) => problem.file)).toEqual(['other/board.md']);
  });

  it('reads an unreadable file as an input error, not a crash', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const dir = tempDir('perm');
    writeFileSync(path.join(dir, 'secret.md'), '| ID |\n|---|\n| A-1 |\n');
    chmodSync(path.join(dir, 'secret.md'), 0);
    const { code, stderr } = run(['show', 'secret.md'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('secret.md: cannot read the file (EACCES)');
  });

  it('ends quietly when stdout is closed early', () => {
    const result = spawnSync('bash', ['-c', `node ${BIN} show fixtures/styles --format md | head -1`], { encoding: 'utf8' });
    expect(result.stdout).toBe('## Plan: fixtures/styles/bold-items.md\n');
    expect(result.stderr).toBe('');
  });
});
