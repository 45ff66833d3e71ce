import type { Command } from 'commander';
import { createRequire } from 'node:module';

interface LspOptions {
  config?: string;
}

export function register(program: Command): void {
  program
    .command('lsp')
    .description('run a language server over stdio: lint as you type, hover, go to definition, references, quick fixes')
    .option('-c, --config <file>', 'config file (default: the nearest .backlogrc.yaml above each workspace folder)')
    .option('--stdio', 'talk over stdin and stdout (the default, and the only transport)')
    // Editors add transport flags of their own (--clientProcessId=…); they are not mistakes.
    .allowUnknownOption()
    .addHelpText(
      'after',
      `
Editors start it as \`backlog lsp\` (or \`npx backlog lsp\`) for markdown files; see the README
for VS Code, Neovim and Helix. It lints every markdown file of the workspace folder as
\`backlog lint\` run there would, and ends when the editor sends exit or closes stdin.`,
    )
    .action(async (options: LspOptions) => {
      const { startServer } = await import('../../lsp/server.js');
      const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };
      startServer({ config: options.config, version });
      // The server runs until the editor ends it; the process exits from there.
      await new Promise<never>(() => undefined);
    });
}
