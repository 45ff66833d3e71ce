import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildProgram } from '../../src/cli/main.js';
import { tempDir } from '../helpers/temp-dir.js';

const BIN = path.resolve('bin/backlog.js');
const README = readFileSync('README.md', 'utf8');

/** The body of the first fenced block with this info string after a heading. */
function block(heading: string, info: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const match = new RegExp(`^(\`{3,})${info}\\n([\\s\\S]*?)^\\1$`, 'm').exec(README.slice(start));
  expect(match, `${info} block under ${heading}`).not.toBeNull();
  return match![2];
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const workflow = parseYaml(block('CI and editors', 'yaml')) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs)[0].steps;

let project: string;

beforeEach(() => {
  project = tempDir('ci');
  mkdirSync(path.join(project, 'docs'));
  copyFileSync('fixtures/report/roadmap.md', path.join(project, 'docs', 'roadmap.md'));
  writeFileSync(path.join(project, 'docs', 'backlog.md'), block('Reports kept inside your docs', 'markdown'));
});

/** Runs a workflow `run:` line in the project as the runner's bash would, with `npx backlog` being this build. */
function runStep(command: string) {
  const script = command.replaceAll('npx backlog', `"${process.execPath}" "${BIN}"`);
  const result = spawnSync('bash', ['-e', '-c', script], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test runs the binary several times; a loaded machine needs more than the default 5 s.
describe('the README workflow', { timeout: 30_000 }, () => {
  it('sets up Node 20 and uploads SARIF', () => {
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with).toEqual({ 'node-version': 20 });
    expect(steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toEqual({
      sarif_file: 'backlog.sarif',
      category: 'backlog',
    });
  });

  it('runs as written on a project whose generated section was written once', () => {
    const commands = steps.flatMap((step) => (step.run?.includes('npx backlog') ? [step.run] : []));
    expect(commands).toEqual([
      'npx backlog lint --format github docs/',
      'npx backlog lint --format sarif docs/ > backlog.sarif || test $? -eq 1',
      'npx backlog report docs/ --write docs/backlog.md --check',
    ]);
    expect(runStep('npx backlog report docs/ --write docs/backlog.md').code).toBe(0);
    for (const command of commands) expect(runStep(command), command).toMatchObject({ code: 0 });
    const sarif = JSON.parse(readFileSync(path.join(project, 'backlog.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
  });

  it('fails the check step once the backlog moves on, and the lint steps on a broken reference', () => {
    expect(runStep('npx backlog report docs/ --write docs/backlog.md')).toMatchObject({ code: 0 });
    writeFileSync(
      path.join(project, 'docs', 'roadmap.md'),
      `${readFileSync(path.join(project, 'docs', 'roadmap.md'), 'utf8')}| KS-7 | Loyalty | 3 | KS-99 | Sprint 3 | Todo |\n`,
    );
    const check = runStep('npx backlog report docs/ --write docs/backlog.md --check');
    expect(check).toEqual({
      code: 1,
      stdout: '',
      stderr: 'section "report" in docs/backlog.md is out of date; run the same command without --check to update it\n',
    });
    const annotations = runStep('npx backlog lint --format github docs/');
    expect(annotations.stdout).toContain('::warning file=docs/roadmap.md,line=20,col=1,title=unknown-reference::');
    // The SARIF step fails only on exit 2 (usage or input error), so the upload still gets the file.
    expect(runStep('npx backlog lint --format sarif docs/ > backlog.sarif || test $? -eq 1').code).toBe(0);
    expect(runStep('npx backlog lint --format sarif missing/ > backlog.sarif || test $? -eq 1').code).not.toBe(0);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as {
    id: string;
    entry: string;
    language: string;
    files: string;
  }[];

  it('offers backlog-lint on markdown files through the lint command', () => {
    expect(hooks).toEqual([expect.objectContaining({ id: 'backlog-lint', entry: 'backlog lint', language: 'node', files: '\\.md$' })]);
    expect(buildProgram().commands.map((command) => command.name())).toContain('lint');
    const files = new RegExp(hooks[0].files);
    expect(['docs/plan.md', 'README.md'].every((file) => files.test(file))).toBe(true);
    expect(files.test('notes.mdx')).toBe(false);
  });
});
