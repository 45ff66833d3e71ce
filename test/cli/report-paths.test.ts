import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A plan whose stated total is wrong (so the lint section names the file), with every section's markers. */
const PLAN = [
  '# Plan',
  '',
  '## Sprint 1',
  '',
  '| ID | Task | Points | Depends on |',
  '|---|---|---|---|',
  '| P-1 | Lay the foundation | 3 | - |',
  '| P-2 | Raise the walls | 5 | P-1 |',
  '',
  '**Total Points:** 10',
  '',
  ...['report', 'lint', 'capacity', 'show'].flatMap((name) => [`<!-- backlog:${name} -->`, `<!-- /backlog:${name} -->`, '']),
].join('\n');

/** repo/.git, repo/docs/plan.md, and a shared document outside the repository. */
function repository(): { root: string; repo: string; docs: string; plan: string } {
  const root = tempDir('report-paths');
  const repo = path.join(root, 'repo');
  const docs = path.join(repo, 'docs');
  mkdirSync(path.join(repo, '.git'), { recursive: true });
  mkdirSync(docs);
  mkdirSync(path.join(root, 'shared'));
  writeFileSync(path.join(docs, 'plan.md'), PLAN);
  writeFileSync(path.join(root, 'shared', 'later.md'), '| ID | Task | Points |\n|---|---|---|\n| L-1 | Later | 2 |\n');
  return { root, repo, docs, plan: path.join(docs, 'plan.md') };
}

describe('a report written into a document names files relative to the repository', () => {
  it('--write: the same section from the root, from the document’s folder and with absolute paths; --check agrees everywhere', () => {
    const { root, repo, docs, plan } = repository();
    const written = runCli(['report', 'docs/', '--write', 'docs/plan.md'], { cwd: repo });
    expect([written.code, written.stderr]).toEqual([0, 'updated section "report" in docs/plan.md\n']);
    const text = readFileSync(plan, 'utf8');
    expect(text).toContain('| docs/plan.md | 10 |');
    expect(text).not.toContain(root);

    for (const [cwd, args] of [
      [docs, ['report', '.', '--write', 'plan.md', '--check']],
      [root, ['report', 'repo/docs', '--write', 'repo/docs/plan.md', '--check']],
      [path.sep, ['report', docs, '--write', plan, '--check']],
    ] as const) {
      const check = runCli([...args], { cwd });
      expect(check.code, `${cwd}: ${check.stderr}`).toBe(0);
      expect(check.stderr).toMatch(/^section "report" in .*plan\.md already up to date\n$/);
    }
    expect(readFileSync(plan, 'utf8')).toBe(text);
  });

  it('every report command, and files outside the repository by a relative path', () => {
    const { root, repo, docs, plan } = repository();
    for (const command of [['lint'], ['capacity'], ['show']]) {
      const run = runCli([...command, plan, path.join(root, 'shared', 'later.md'), '--write', plan], { cwd: root });
      expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
    }
    const text = readFileSync(plan, 'utf8');
    expect(text).not.toContain(root);
    expect(text).toContain('| docs/plan.md | 10 | 1 | error | `stated-total-mismatch` |');
    expect(text).toMatch(/\(docs\/plan\.md:10\)|docs\/plan\.md:10/);
    // The same commands from the document's folder find nothing stale.
    for (const command of [['lint'], ['capacity'], ['show']]) {
      const check = runCli([...command, '.', '../../shared/later.md', '--write', 'plan.md', '--check'], { cwd: docs });
      expect(check.stderr).toBe(`section "${command[0]}" in plan.md already up to date\n`);
    }
    // Printed to the terminal, names stay relative to where the command runs.
    expect(runCli(['lint', 'docs/', '-f', 'md'], { cwd: repo }).stdout).toContain('| docs/plan.md | 10 |');
    expect(runCli(['lint', '.', '-f', 'md'], { cwd: docs }).stdout).toContain('| plan.md | 10 |');
  });

  it('report --out: the same file from anywhere', () => {
    const { root, repo, docs } = repository();
    const fromRoot = runCli(['report', 'docs', '--out', 'report.md'], { cwd: repo });
    expect(fromRoot.code).toBe(0);
    const first = readFileSync(path.join(repo, 'report.md'), 'utf8');
    expect(first).toContain('docs/plan.md');
    const fromDocs = runCli(['report', '.', '--out', '../report.md'], { cwd: docs });
    expect(fromDocs.code).toBe(0);
    expect(readFileSync(path.join(repo, 'report.md'), 'utf8')).toBe(first);
    expect(first).not.toContain(root);
  });
});
