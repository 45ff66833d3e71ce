import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = path.resolve('fixtures/lint');

function run(args: string[], cwd: string, colour = false) {
  return runCli(['lint', ...args], { cwd, colour });
}

/** A temporary directory holding copies of fixtures, as `name.md`. */
function workspace(files: Record<string, string>): string {
  const dir = tempDir('lint');
  for (const [name, fixture] of Object.entries(files)) copyFileSync(path.join(fixtures, fixture), path.join(dir, name));
  return dir;
}

describe('backlog lint: exit codes and output', () => {
  it('prints nothing and exits 0 for a clean document', () => {
    const dir = workspace({ 'plan.md': 'stated-total-mismatch/good.md' });
    expect(run([], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 on errors, grouped by file with a summary', () => {
    const dir = workspace({ 'garden.md': 'stated-total-mismatch/bad.md' });
    const { code, stdout, stderr } = run(['garden.md'], dir);
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout.split('\n')).toEqual([
      'garden.md',
      '  3:1  error  The document states "Total Remaining: 3 stories | 12 story points" but it lists 4 remaining items                 stated-total-mismatch',
      '  3:1  error  The document states "Total Remaining: 3 stories | 12 story points" but its 4 remaining items add up to 15 points  stated-total-mismatch',
      '  7:1  error  Sprint 1 states "Total Points: 8" but its 3 items add up to 10 points                                             stated-total-mismatch',
      '',
      '✖ 3 problems (3 errors, 0 warnings)',
      '',
    ]);
  });

  it('colours stylish output only when colour is on', () => {
    const dir = workspace({ 'garden.md': 'stated-total-mismatch/bad.md' });
    expect(run([], dir, true).stdout).toContain('\u001b[31merror\u001b[39m');
    expect(run([], dir).stdout).not.toContain('\u001b[');
  });

  it('exits 0 on warnings alone, and 1 when they are more than --max-warnings', () => {
    const dir = workspace({ 'shed.md': 'table-row-wrapped/bad.md' });
    expect(run([], dir).code).toBe(0);
    expect(run(['--max-warnings', '2'], dir).code).toBe(0);
    const over = run(['--max-warnings', '1'], dir);
    expect([over.code, over.stderr]).toEqual([1, 'backlog: too many warnings (2; --max-warnings is 1)\n']);
    expect(over.stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
  });

  it('reports errors only under --quiet', () => {
    const dir = workspace({ 'a.md': 'table-row-wrapped/bad.md', 'b.md': 'dependency-cycle/bad.md' });
    const { code, stdout } = run(['--quiet', '--format', 'json'], dir);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.problems.map((problem: { file: string; rule: string }) => [problem.file, problem.rule])).toEqual([
      ['b.md', 'dependency-cycle'],
    ]);
    expect([json.errorCount, json.warningCount, json.schemaVersion]).toEqual([1, 0, 1]);
  });

  it('writes every format', () => {
    const dir = workspace({ 'shop.md': 'estimate-conflict/bad.md' });
    const message = 'FT-2 is estimated differently: "5" (line 8), "8" (line 15)';
    expect(run(['-f', 'github'], dir).stdout).toBe(`::error file=shop.md,line=15,col=1,title=estimate-conflict::${message}\n`);
    expect(run(['-f', 'md'], dir).stdout).toContain(`| shop.md | 15 | 1 | error | \`estimate-conflict\` | ${message} |`);
    const sarif = JSON.parse(run(['-f', 'sarif'], dir).stdout);
    expect(sarif.runs[0].results).toEqual([
      expect.objectContaining({ ruleId: 'estimate-conflict', level: 'error', message: { text: message } }),
    ]);
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(RULES.length);
    expect(JSON.parse(run(['-f', 'json'], dir).stdout).problems[0]).toEqual({
      file: 'shop.md',
      line: 15,
      column: 1,
      rule: 'estimate-conflict',
      severity: 'error',
      message,
      fixable: false,
    });
  });

  it('lists every rule with its default severity under --rules', () => {
    const { code, stdout } = run(['--rules'], tmpdir());
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(lines[0]).toMatch(/^encoding {23}error {4}\(fixable\) The file is not clean UTF-8/);
    expect(lines[16]).toMatch(/^stated-total-mismatch {10}error {4}A total or count the document states/);
    expect(JSON.parse(run(['--rules', '-f', 'json'], tmpdir()).stdout).map((rule: { name: string }) => rule.name)).toContain(
      'dependency-order',
    );
  });

  it('takes severities from the config, and names the key of a bad one (exit 2)', () => {
    const dir = workspace({ 'shop.md': 'estimate-conflict/bad.md' });
    writeFileSync(path.join(dir, '.backlogrc.yaml'), 'rules:\n  estimate-conflict: warn\n');
    expect(run(['-f', 'github'], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^::warning /) });
    writeFileSync(path.join(dir, '.backlogrc.yaml'), 'rules:\n  estimate-conflict: loud\n');
    const bad = run([], dir);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toMatch(/^backlog: .*\.backlogrc\.yaml: rules\.estimate-conflict: expected off, warn or error, got "loud"\n$/);
    writeFileSync(path.join(dir, '.backlogrc.yaml'), 'rules:\n  estimate-conflicts: off\n');
    expect(run([], dir).stderr).toMatch(
      /^backlog: .*\.backlogrc\.yaml: rules\.estimate-conflicts: unknown rule \(run `backlog lint --rules` for the list\)\n$/,
    );
  });

  it('exits 2 on usage mistakes and unreadable input', () => {
    const dir = workspace({ 'plan.md': 'stated-total-mismatch/good.md' });
    expect(run(['--max-warnings', 'many'], dir)).toMatchObject({
      code: 2,
      stderr: 'backlog: --max-warnings expects a whole number of at least 0, got "many"\n',
    });
    expect(run(['--format', 'xml'], dir).code).toBe(2);
    expect(run(['--fix', '--fix-dry-run'], dir)).toMatchObject({
      code: 2,
      stderr: 'backlog: --fix and --fix-dry-run cannot be used together\n',
    });
    expect(run(['missing.md'], dir).code).toBe(2);
  });

  it('honours inline disable comments', () => {
    const dir = workspace({});
    const text = readFileSync(path.join(fixtures, 'estimate-conflict/bad.md'), 'utf8');
    writeFileSync(
      path.join(dir, 'shop.md'),
      text.replace('| FT-2 | Street permit | 8 |', '<!-- backlog-disable-next-line estimate-conflict -->\n| FT-2 | Street permit | 8 |'),
    );
    expect(run([], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('backlog lint --fix', () => {
  it('joins wrapped rows in place, reports what is left, and a second run changes nothing', () => {
    const dir = workspace({ 'shed.md': 'table-row-wrapped/bad.md' });
    const file = path.join(dir, 'shed.md');
    expect(run(['--fix'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(
      readFileSync(path.join(fixtures, 'table-row-wrapped/bad.md'), 'utf8')
        .replace('gravel bed |\n3 |', 'gravel bed | 3 |')
        .replace('| 8 |\n  GS-2 |', '| 8 | GS-2 |'),
    );
    expect(run(['--fix'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });

  it('repairs double-encoded UTF-8 back to the text it was, keeping the BOM, and reports remaining problems', () => {
    const dir = workspace({});
    const file = path.join(dir, 'club.md');
    const mojibake = readFileSync(path.join(fixtures, 'encoding/bad.md'));
    const extra = Buffer.from('\n| VH-1 | Duplicate | 1d |\n');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), mojibake.subarray(0, -1), extra]));
    const { code, stdout } = run(['--fix', '-f', 'json'], dir);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).problems.map((problem: { rule: string; line: number }) => [problem.rule, problem.line])).toEqual([
      ['duplicate-id', 8],
      ['estimate-conflict', 8],
    ]);
    const good = readFileSync(path.join(fixtures, 'encoding/good.md'));
    expect(readFileSync(file)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), good.subarray(0, -1), extra]));
  });

  it('prints a unified diff under --fix-dry-run and writes nothing', () => {
    const dir = workspace({ 'shed.md': 'table-row-wrapped/bad.md' });
    const before = readFileSync(path.join(dir, 'shed.md'));
    const { code, stdout, stderr } = run(['--fix-dry-run'], dir);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(
      [
        '--- a/shed.md',
        '+++ b/shed.md',
        '@@ -2,8 +2,6 @@',
        ' ',
        ' | ID | Task | Effort | Depends on |',
        ' |----|------|--------|------------|',
        '-| GS-1 | Level the ground and lay the gravel bed |',
        '-3 | none |',
        '+| GS-1 | Level the ground and lay the gravel bed | 3 | none |',
        ' | GS-2 | Build the floor frame from treated timber | 5 | GS-1 |',
        '-| GS-3 | Raise the walls and fit the door | 8 |',
        '-  GS-2 |',
        '+| GS-3 | Raise the walls and fit the door | 8 | GS-2 |',
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'shed.md'))).toEqual(before);
  });

  it('leaves a read-only file untouched and exits 2 with one line', () => {
    const dir = workspace({ 'shed.md': 'table-row-wrapped/bad.md' });
    const file = path.join(dir, 'shed.md');
    const before = readFileSync(file);
    chmodSync(file, 0o444);
    const { code, stdout, stderr } = run(['--fix'], dir);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('backlog: shed.md: the file is read-only; nothing was written (make it writable and run again)\n');
    expect(readFileSync(file)).toEqual(before);
  });
});
