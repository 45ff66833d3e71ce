/**
 * action.yml, run as a runner would run it: each `run:` step through `bash --noprofile --norc
 * -eo pipefail`, its `env:` expressions filled from the inputs and the outputs of earlier steps,
 * in a project that does not install backlog (so the action runs its own, this build) or that does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cliEnvironment } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  run?: string;
}

interface Action {
  name: string;
  inputs: Record<string, { default: string; required: boolean; description: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION = parseYaml(readFileSync('action.yml', 'utf8')) as Action;
const ROOT = path.resolve('.');

let project: string;

beforeEach(() => {
  const dir = tempDir('action');
  project = path.join(dir, 'repo');
  mkdirSync(path.join(project, 'docs'), { recursive: true });
  mkdirSync(path.join(dir, 'runner'));
  copyFileSync('fixtures/report/roadmap.md', path.join(project, 'docs', 'roadmap.md'));
  writeFileSync(path.join(project, 'docs', 'status.md'), '# Status\n\n<!-- backlog:report -->\n<!-- /backlog:report -->\n');
});

interface Run {
  steps: { name: string; skipped: boolean; code: number | null; stdout: string; stderr: string }[];
  outputs: Record<string, Record<string, string>>;
}

/** Runs the action's steps with these inputs (defaults for the rest); `uses:` steps are recorded, not run. */
function runAction(inputs: Record<string, string>): Run {
  const values = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, inputs[name] ?? input.default]));
  const outputs: Record<string, Record<string, string>> = {};
  const runner = path.join(path.dirname(project), 'runner');
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => {
      if (name === 'github.action_path') return ROOT;
      if (name === 'runner.temp') return runner;
      const input = /^inputs\.([\w-]+)$/.exec(name);
      if (input) return values[input[1]];
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(name);
      if (output) return outputs[output[1]]?.[output[2]] ?? '';
      throw new Error(`unknown expression ${name}`);
    });
  /** The step conditions the action uses: not cancelled, an input compared, an output compared. */
  const condition = (text: string | undefined) => {
    if (!text) return true;
    const body = text.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
    return body.split('&&').every((part) => {
      const clause = part.trim();
      if (clause === '!cancelled()') return true;
      const compare = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(clause);
      if (!compare) throw new Error(`unknown condition ${clause}`);
      const value = expression(`\${{ ${compare[1]} }}`);
      return compare[2] === '==' ? value === compare[3] : value !== compare[3];
    });
  };
  const result: Run = { steps: [], outputs };
  for (const step of ACTION.runs.steps) {
    const name = step.name ?? step.uses ?? '';
    // A runner skips later steps once one failed, unless their condition says otherwise; these do not.
    const failed = result.steps.some((earlier) => !earlier.skipped && earlier.code !== 0);
    if (failed || !condition(step.if) || !step.run) {
      result.steps.push({ name, skipped: true, code: null, stdout: '', stderr: '' });
      continue;
    }
    expect(step.shell).toBe('bash');
    const githubOutput = path.join(runner, `output-${result.steps.length}`);
    writeFileSync(githubOutput, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expression(value)]));
    const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: project,
      encoding: 'utf8',
      env: { ...cliEnvironment(), ...env, GITHUB_OUTPUT: githubOutput, RUNNER_TEMP: runner },
    });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(
        readFileSync(githubOutput, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
    }
    result.steps.push({ name, skipped: false, code: child.status, stdout: child.stdout, stderr: child.stderr });
  }
  return result;
}

const step = (run: Run, name: RegExp) => run.steps.find((candidate) => name.test(candidate.name))!;
const failedAt = (run: Run) => run.steps.find((candidate) => !candidate.skipped && candidate.code !== 0)?.name;

describe('action.yml', { timeout: 60_000 }, () => {
  it('is a composite action that sets up Node and uploads SARIF through code scanning', () => {
    expect(ACTION.runs.using).toBe('composite');
    expect(ACTION.runs.steps[0]).toMatchObject({ uses: 'actions/setup-node@v4', with: { 'node-version': '${{ inputs.node-version }}' } });
    expect(ACTION.inputs['node-version'].default).toBe('20');
    const upload = ACTION.runs.steps.find((candidate) => candidate.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toMatchObject({
      if: "${{ !cancelled() && inputs.sarif == 'true' }}",
      with: { sarif_file: '${{ runner.temp }}/backlog.sarif' },
    });
    expect(ACTION.outputs['exit-code'].value).toBe('${{ steps.lint.outputs.exit-code }}');
  });

  it('annotates the problems of the given paths and fails on errors, with its own backlog when the project has none', () => {
    writeFileSync(
      path.join(project, 'docs', 'roadmap.md'),
      `${readFileSync(path.join(project, 'docs', 'roadmap.md'), 'utf8')}| KS-7 | Loyalty | 3 | KS-99 | Sprint 3 | Todo |\n`,
    );
    writeFileSync(
      path.join(project, 'docs', 'broken.md'),
      '# Sprint 9\n\n| ID | Story | Points |\n|---|---|---|\n| B-1 | One | 2 |\n\n**Total Points:** 5\n',
    );
    const run = runAction({ paths: 'docs/' });
    expect(step(run, /Find or build/).stdout).toMatch(/^backlog: this action's \d+\.\d+\.\d+/);
    const lint = step(run, /^Lint the backlogs/);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('::warning file=docs/roadmap.md,line=20,col=1,title=unknown-reference::');
    expect(lint.stdout).toContain('::error file=docs/broken.md,line=7,col=1,title=stated-total-mismatch::');
    expect(run.outputs.lint['exit-code']).toBe('1');
    expect(step(run, /SARIF/).skipped).toBe(true);
    expect(step(run, /up to date/).skipped).toBe(true);
    expect(failedAt(run)).toBe('Fail on the problems lint found');
  });

  it('passes on a clean backlog, writes SARIF when asked, and checks generated sections', () => {
    const clean = runAction({ paths: 'docs/roadmap.md', sarif: 'true', check: 'docs/status.md' });
    // The section was never written: the check fails, naming the file.
    expect(failedAt(clean)).toBe('Generated sections are up to date');
    expect(step(clean, /up to date/).stderr).toContain('docs/status.md');
    const sarif = JSON.parse(readFileSync(path.join(path.dirname(project), 'runner', 'backlog.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(clean.outputs.lint['exit-code']).toBe('0');

    const write = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/backlog.js'), 'report', 'docs/roadmap.md', '--write', 'docs/status.md'],
      {
        cwd: project,
        encoding: 'utf8',
        env: cliEnvironment(),
      },
    );
    expect(write.status).toBe(0);
    const checked = runAction({ paths: 'docs/roadmap.md', check: 'docs/status.md' });
    expect(failedAt(checked)).toBeUndefined();
    expect(step(checked, /Fail on the problems/).skipped).toBe(true);
  });

  it('passes globs through unexpanded, and --max-warnings and --config on', () => {
    writeFileSync(path.join(project, 'strict.yaml'), 'rules:\n  unknown-reference: error\n');
    writeFileSync(
      path.join(project, 'docs', 'roadmap.md'),
      `${readFileSync(path.join(project, 'docs', 'roadmap.md'), 'utf8')}| KS-7 | Loyalty | 3 | KS-99 | Sprint 3 | Todo |\n`,
    );
    const strict = runAction({ paths: 'docs/*.md', config: 'strict.yaml' });
    expect(step(strict, /^Lint the backlogs/).stdout).toContain('::error file=docs/roadmap.md,line=20');
    const warnings = runAction({ paths: 'docs/**/*.md', 'max-warnings': '0' });
    expect(warnings.outputs.lint['exit-code']).toBe('1');
    expect(step(warnings, /^Lint the backlogs/).stderr).toContain('too many warnings');
  });

  it("runs the project's own backlog when it installs one", () => {
    mkdirSync(path.join(project, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(path.join(ROOT, 'bin', 'backlog.js'), path.join(project, 'node_modules', '.bin', 'backlog'));
    const run = runAction({ paths: 'docs/roadmap.md' });
    expect(run.outputs.setup.backlog).toBe('npx --no-install backlog');
    expect(step(run, /Find or build/).stdout).toMatch(/^backlog: the project's \d+\.\d+\.\d+/);
    expect(failedAt(run)).toBeUndefined();
    expect(existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
  });
});
