/** The README's editor snippets and Action example: well-formed, and naming what exists. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { tempDir } from '../helpers/temp-dir.js';

const README = readFileSync('README.md', 'utf8');

/** The bodies of the fenced blocks with this info string in a section (up to the next `## `). */
function blocks(heading: string, info: string): string[] {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  const section = README.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(new RegExp(`^(\`{3,})${info}\\n([\\s\\S]*?)^\\1$`, 'gm'))].map((match) => match[2]);
}

const SERVER = ['--no-install', 'backlog', 'lsp'];
const hasNvim = spawnSync('nvim', ['--version']).status === 0;

describe('README: editors', () => {
  const editors = 'In the editor: `backlog lsp`';

  it('gives VS Code settings for the generic client that start `backlog lsp` for markdown', () => {
    const [json] = blocks(editors, 'json');
    expect(JSON.parse(json)).toEqual({
      'glspc.server.command': 'npx',
      'glspc.server.commandArguments': SERVER,
      'glspc.server.languageId': ['markdown'],
    });
  });

  it('gives Helix a language server entry and adds it to markdown', () => {
    const [toml] = blocks(editors, 'toml');
    expect(toml).toContain('[language-server.backlog]\ncommand = "npx"\nargs = ["--no-install", "backlog", "lsp"]\n');
    expect(toml).toMatch(/\[\[language\]\]\nname = "markdown"\nlanguage-servers = \[[^\]]*"backlog"\]/);
  });

  it('gives Neovim Lua that starts the same command', () => {
    const lua = blocks(editors, 'lua');
    expect(lua).toHaveLength(2);
    for (const snippet of lua) expect(snippet).toContain("cmd = { 'npx', '--no-install', 'backlog', 'lsp' }");
  });

  it.skipIf(!hasNvim)('whose Lua Neovim compiles', () => {
    const dir = tempDir('readme-lua');
    blocks(editors, 'lua').forEach((snippet, index) => {
      const file = path.join(dir, `snippet-${index}.lua`);
      writeFileSync(file, snippet);
      const check = `lua local ok, err = loadfile(${JSON.stringify(file)}); if not ok then io.stderr:write(err) vim.cmd('cquit') end`;
      const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', check, '-c', 'qall!'], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status, run.stderr).toBe(0);
    });
  });
});

describe('README: GitHub Action', () => {
  it('uses the action with inputs action.yml has', () => {
    const [yaml] = blocks('GitHub Action', 'yaml');
    const workflow = parseYaml(yaml) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    const action = parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
    const step = Object.values(workflow.jobs)[0].steps.find((candidate) => candidate.uses?.includes('/backlog@'));
    expect(step?.with).toBeDefined();
    for (const input of Object.keys(step!.with!)) expect(Object.keys(action.inputs)).toContain(input);
    for (const input of Object.keys(action.inputs)) expect(README).toContain(`\`${input}\``);
  });
});
