/**
 * The server in a real editor: Neovim's built-in LSP client, headless, starts `backlog lsp`,
 * opens a backlog whose stated total is wrong, and shows the diagnostic and a hover. Debian's
 * `neovim` package is enough (.ci/run installs it); without nvim on PATH the test is skipped
 * and says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnvironment } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { BIN } from './client.js';

const SCRIPT = path.resolve('test/lsp/neovim/e2e.lua');

const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvim = probe.status === 0 ? probe.stdout.split('\n')[0] : null;
const SKIPPED = "skipped: nvim is not on PATH (install Debian's neovim, as .ci/run does, to run the Neovim end-to-end test)";
if (!nvim) console.warn(`test/lsp/neovim.test.ts: ${SKIPPED}`);

const BACKLOG = `# Checkout sprint

## Sprint 5

| ID | Story | Points | Depends on |
|----|-------|-------:|------------|
| CO-1 | Cart page | 5 | None |
| CO-2 | Payment form | 8 | CO-1 |
| CO-3 | Receipt email | 3 | CO-2 |

**Total Points:** 12
`;

interface NeovimResult {
  filetype: string;
  client: boolean;
  diagnosed: boolean;
  diagnostics: { line: number; code: string; source: string; severity: number; message: string }[];
  hover: { kind: string; value: string } | null;
  stopped: boolean;
  errors: string[];
}

describe(`Neovim's LSP client (${nvim ?? 'nvim not found'})`, () => {
  it.skipIf(!nvim)(
    nvim ? 'shows the wrong stated total as a diagnostic and the item under the cursor on hover' : SKIPPED,
    () => {
      const root = tempDir('nvim');
      const workspace = path.join(root, 'project');
      mkdirSync(workspace);
      const file = path.join(workspace, 'backlog.md');
      writeFileSync(file, BACKLOG);
      const out = path.join(root, 'result.json');
      const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${SCRIPT}`], {
        cwd: workspace,
        encoding: 'utf8',
        timeout: 90_000,
        env: {
          ...cliEnvironment(),
          // Neovim's log, state and cache stay in the test's directory.
          XDG_CONFIG_HOME: path.join(root, 'config'),
          XDG_DATA_HOME: path.join(root, 'data'),
          XDG_STATE_HOME: path.join(root, 'state'),
          XDG_CACHE_HOME: path.join(root, 'cache'),
          BACKLOG_NODE: process.execPath,
          BACKLOG_BIN: BIN,
          BACKLOG_ROOT: workspace,
          BACKLOG_FILE: file,
          // "CO-2" in CO-3's dependency cell (line 8, 0-based).
          BACKLOG_HOVER: '8:30',
          BACKLOG_OUT: out,
        },
      });
      expect(run.error, run.stderr).toBeUndefined();
      const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
      expect(result.errors).toEqual([]);
      expect(result).toMatchObject({ filetype: 'markdown', client: true, diagnosed: true, stopped: true });
      expect(result.diagnostics).toEqual([
        {
          line: 10,
          code: 'stated-total-mismatch',
          source: 'backlog',
          severity: 1,
          message: 'Sprint 5 states "Total Points: 12" but its 3 items add up to 16 points',
        },
      ]);
      expect(result.hover?.kind).toBe('markdown');
      expect(result.hover?.value).toContain('**CO-2** — Payment form');
      expect(result.hover?.value).toContain('estimate: 8 points');
      expect(result.hover?.value).toContain('depends on: CO-1 (Cart page)');
      expect(result.hover?.value).toContain('early start 5, late start 5, float 0 points: **critical**');
    },
    120_000,
  );
});
