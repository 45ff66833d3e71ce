import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliEnvironment, runCli } from '../helpers/run-cli.js';

/** The modules (CommonJS) a CLI run loaded, by path, after `backlog ARGS` in the same process. */
function loadedBy(args: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(process.env.BACKLOG_MAIN);
    await main(['node', 'backlog', ...JSON.parse(process.env.BACKLOG_ARGS)]);
    process.stderr.write('\\n' + JSON.stringify(Object.keys(createRequire(import.meta.url)('node:module')._cache)));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...cliEnvironment(), BACKLOG_MAIN: pathToFileURL(path.resolve('dist/cli/main.js')).href, BACKLOG_ARGS: JSON.stringify(args) },
  });
  return JSON.parse(run.stderr.trim().split('\n').at(-1)!) as string[];
}

describe('the lsp command', () => {
  it('is listed, and loads the language server only when it runs', () => {
    expect(runCli(['--help']).stdout).toMatch(/^\s+lsp \[options\]\s+run a language server over stdio/m);
    expect(runCli(['lsp', '--help']).stdout).toContain('--config <file>');
    for (const args of [['--version'], ['lint', 'fixtures/styles/epic-tables.md', '--format', 'json']]) {
      const loaded = loadedBy(args);
      expect(
        loaded.filter((file) => /vscode-(?:languageserver|jsonrpc)/.test(file)),
        args.join(' '),
      ).toEqual([]);
    }
  });
});
