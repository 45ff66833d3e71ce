import { Argument, type Command } from 'commander';
import { writeOut } from '../output.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'after',
      `
Load it:
  bash  echo 'source <(backlog completion bash)' >> ~/.bashrc
  zsh   echo 'source <(backlog completion zsh)' >> ~/.zshrc
  fish  backlog completion fish > ~/.config/fish/completions/backlog.fish`,
    )
    .action(async (shell: Shell) => {
      const { programSpec } = await import('../completion/spec.js');
      const spec = programSpec(program);
      if (shell === 'bash') writeOut((await import('../completion/bash.js')).bashScript(spec));
      else if (shell === 'zsh') writeOut((await import('../completion/zsh.js')).zshScript(spec));
      else writeOut((await import('../completion/fish.js')).fishScript(spec));
    });
}
