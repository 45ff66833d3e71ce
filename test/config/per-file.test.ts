import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configLookup } from '../../src/config/nearest.js';
import { lint } from '../../src/lint/index.js';
import { loadBacklog } from '../../src/load.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A stated total two points off: `stated-total-mismatch`, an error by default. */
const WRONG_TOTAL = (id: string) =>
  `# Plan ${id}\n\n| ID | Task | Points |\n|---|---|---|\n| ${id}-1 | One | 3 |\n| ${id}-2 | Two | 5 |\n\n**Total Points:** 10\n`;
/** A T-shirt size that only a config's scale gives a size. */
const SIZED = (id: string) => `| ID | Task | Size |\n|---|---|---|\n| ${id} | Pour | M |\n`;

/** Files (text) and directories (a name ending in `/`) under a fresh directory. */
function tree(entries: Record<string, string>): string {
  const root = tempDir('per-file-config');
  for (const [name, content] of Object.entries(entries)) {
    const file = path.join(root, name);
    if (name.endsWith('/')) {
      mkdirSync(file, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

interface JsonProblem {
  file: string;
  rule: string;
  severity: string;
}

function problems(args: string[], cwd: string): { code: number | null; problems: string[] } {
  const result = runCli(['lint', '-f', 'json', ...args], { cwd });
  expect(result.stderr).toBe('');
  const json = JSON.parse(result.stdout) as { problems: JsonProblem[] };
  return { code: result.code, problems: json.problems.map((problem) => `${problem.file} ${problem.severity} ${problem.rule}`) };
}

function estimates(args: string[], cwd: string): Record<string, string | null> {
  const result = runCli(['show', '-f', 'json', ...args], { cwd });
  expect(result.stderr).toBe('');
  type Items = { items: { id: string; estimate: { low: number; high: number; unit: string } | null }[] };
  // Unrelated files are plans of their own: their items, plan by plan.
  const json = JSON.parse(result.stdout) as Items & { plans?: Items[] };
  return Object.fromEntries(
    (json.plans ?? [json])
      .flatMap((plan) => plan.items)
      .map((item) => [item.id, item.estimate && `${item.estimate.low}-${item.estimate.high} ${item.estimate.unit}`]),
  );
}

describe('each file is read and linted with the nearest config above it', () => {
  // repo/.git, a config at the root and one in cfg/sub; other/ has none of its own.
  const layout = () =>
    tree({
      '.git/': '',
      '.backlogrc.yaml': 'rules:\n  stated-total-mismatch: warn\n',
      'top.md': WRONG_TOTAL('T'),
      'cfg/sub/.backlogrc.yaml': 'rules:\n  stated-total-mismatch: off\n',
      'cfg/sub/plan.md': WRONG_TOTAL('S'),
      'cfg/sub/deeper/more.md': WRONG_TOTAL('D'),
      'other/plan.md': WRONG_TOTAL('O'),
    });

  it('nested configs: a problem takes the severity of its own file’s config', () => {
    const root = layout();
    expect(problems([], root)).toEqual({
      code: 0,
      problems: ['other/plan.md warning stated-total-mismatch', 'top.md warning stated-total-mismatch'],
    });
    // Run from inside the sub directory: the same files, the same severities.
    expect(problems(['.', '../../top.md'], path.join(root, 'cfg', 'sub'))).toEqual({
      code: 0,
      problems: [`${path.join(root, 'top.md')} warning stated-total-mismatch`],
    });
  });

  it('the order of the paths changes nothing', () => {
    const root = layout();
    const forward = runCli(['lint', 'cfg/sub/', 'top.md', 'other/'], { cwd: root });
    const backward = runCli(['lint', 'other/', 'top.md', 'cfg/sub/'], { cwd: root });
    expect(backward).toEqual(forward);
    expect(forward.code).toBe(0);
    const showForward = runCli(['show', '-f', 'json', 'other/plan.md', 'cfg/sub/plan.md', 'top.md'], { cwd: root });
    const showBackward = runCli(['show', '-f', 'json', 'top.md', 'cfg/sub/plan.md', 'other/plan.md'], { cwd: root });
    expect(showBackward).toEqual(showForward);
    // The case: one file of the sub directory alone, or together with a file elsewhere.
    expect(problems(['cfg/sub/'], root).problems).toEqual([]);
    expect(problems(['top.md', 'cfg/sub/'], root).problems).toEqual(['top.md warning stated-total-mismatch']);
  });

  it('--config FILE is the config of every file', () => {
    const root = layout();
    writeFileSync(path.join(root, 'strict.yaml'), 'rules:\n  stated-total-mismatch: error\n');
    const result = problems(['--config', 'strict.yaml'], root);
    expect(result.code).toBe(1);
    expect(result.problems).toEqual([
      'cfg/sub/deeper/more.md error stated-total-mismatch',
      'cfg/sub/plan.md error stated-total-mismatch',
      'other/plan.md error stated-total-mismatch',
      'top.md error stated-total-mismatch',
    ]);
  });

  it('reads each file with its own scales, id patterns and ignore list', () => {
    const root = tree({
      '.git/': '',
      'a/.backlogrc.yaml': 'scales:\n  M: { low: 3, high: 5, unit: days }\n',
      'a/plan.md': SIZED('A-1'),
      'b/.backlogrc.yaml': 'scales:\n  M: { low: 1, high: 2, unit: days }\nignore: [drafts/**]\n',
      'b/plan.md': SIZED('B-1'),
      'b/drafts/idea.md': SIZED('B-9'),
      'c/plan.md': SIZED('C-1'),
    });
    expect(estimates([], root)).toEqual({ 'A-1': '3-5 days', 'B-1': '1-2 days', 'C-1': null });
    expect(estimates(['b/', 'a/'], root)).toEqual({ 'A-1': '3-5 days', 'B-1': '1-2 days' });
    // A file named explicitly is read, whatever its config ignores.
    expect(estimates(['b/drafts/idea.md'], root)).toEqual({ 'B-9': '1-2 days' });
  });

  it('a config in the current directory applies to paths below it and to paths elsewhere that have none', () => {
    const root = tree({
      'here/.backlogrc.yaml': 'scales:\n  M: { low: 2, high: 4, unit: days }\n',
      'here/docs/plan.md': SIZED('H-1'),
      'elsewhere/plan.md': SIZED('E-1'),
      'own/.backlogrc.yaml': 'scales:\n  M: { low: 8, high: 9, unit: days }\n',
      'own/plan.md': SIZED('O-1'),
    });
    const here = path.join(root, 'here');
    expect(estimates(['docs/', '../elsewhere/plan.md', '../own/plan.md'], here)).toEqual({
      'E-1': '2-4 days',
      'H-1': '2-4 days',
      'O-1': '8-9 days',
    });
    // From elsewhere, the config of here/ applies to here/ only.
    expect(estimates(['../here/docs/plan.md', 'plan.md'], path.join(root, 'elsewhere'))).toEqual({ 'E-1': null, 'H-1': '2-4 days' });
  });

  it('looks no further up than the repository root', () => {
    const root = tree({
      '.backlogrc.yaml': 'scales:\n  M: { low: 3, high: 5, unit: days }\n',
      'repo/.git/': '',
      'repo/docs/plan.md': SIZED('R-1'),
      'loose/plan.md': SIZED('L-1'),
    });
    expect(estimates(['docs/plan.md'], path.join(root, 'repo'))).toEqual({ 'R-1': null });
    expect(estimates(['plan.md'], path.join(root, 'loose'))).toEqual({ 'L-1': '3-5 days' });
  });

  it('a bad config below is exit 2 with one line naming it, however deep', () => {
    const root = tree({
      '.git/': '',
      'plan.md': WRONG_TOTAL('T'),
      'sub/.backlogrc.yaml': 'hoursPerDay: many\n',
      'sub/plan.md': WRONG_TOTAL('S'),
    });
    const result = runCli(['lint', '.'], { cwd: root });
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(
      `backlog: ${path.join(root, 'sub', '.backlogrc.yaml')}: hoursPerDay: expected a positive number, got "many"\n`,
    );
    writeFileSync(path.join(root, 'sub', '.backlogrc.yaml'), 'rules:\n  stated-totals: off\n');
    expect(runCli(['lint', '.'], { cwd: root }).stderr).toMatch(/sub\/\.backlogrc\.yaml: rules\.stated-totals: unknown rule/);
  });

  it('capacity: a sprint takes the capacity of its own file’s config', () => {
    const sprint = (id: string) => `## Sprint 1\n\n| ID | Task | Points |\n|---|---|---|\n| ${id}-1 | One | 8 |\n`;
    const root = tree({
      '.git/': '',
      'small/.backlogrc.yaml': 'capacity: 5\n',
      'small/plan.md': sprint('S'),
      'big/.backlogrc.yaml': 'capacity: 50\n',
      'big/plan.md': sprint('B'),
    });
    const small = runCli(['capacity', '-f', 'json', 'small/'], { cwd: root });
    const big = runCli(['capacity', '-f', 'json', 'big/'], { cwd: root });
    expect([small.code, big.code]).toEqual([1, 0]);
    const capacityOf = (stdout: string) => (JSON.parse(stdout) as { sprints: { capacity: number }[] }).sprints[0].capacity;
    expect([capacityOf(small.stdout), capacityOf(big.stdout)]).toEqual([5, 50]);
    // Lint weighs a file's sprint against its own file's capacity. (Read together, the two
    // files' "Sprint 1" are still one sprint until backlogs are split into plans.)
    expect(problems(['small/'], root).problems).toEqual(['small/plan.md warning sprint-over-capacity']);
    expect(problems(['big/'], root).problems).toEqual([]);
    expect(problems(['big/', 'small/'], root)).toEqual(problems(['small/', 'big/'], root));
  });
});

describe('the library', () => {
  it('loadBacklog with one config reads every file with it; with configFor, each with its own', async () => {
    const root = tree({
      '.git/': '',
      '.backlogrc.yaml': 'rules:\n  stated-total-mismatch: warn\n',
      'sub/.backlogrc.yaml': 'rules:\n  stated-total-mismatch: off\n',
      'sub/plan.md': WRONG_TOTAL('S'),
      'top.md': WRONG_TOTAL('T'),
    });
    const one = await loadBacklog(['.'], { cwd: root });
    expect(lint(one.backlog, { sources: one.sources }).problems.map((problem) => [problem.file, problem.severity])).toEqual([
      ['sub/plan.md', 'error'],
      ['top.md', 'error'],
    ]);
    const lookup = configLookup({ cwd: root });
    const each = await loadBacklog(['.'], { cwd: root, configFor: lookup.forPath });
    const result = lint(each.backlog, { sources: each.sources, configFor: each.configOf });
    expect(result.problems.map((problem) => [problem.file, problem.severity])).toEqual([['top.md', 'warning']]);
    expect(lookup.shared(each.sources.map((source) => source.path)).source).toBe(path.join(root, '.backlogrc.yaml'));
  });
});
