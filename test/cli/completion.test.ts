import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

function script(shell: string): string {
  return execFileSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8' });
}

/** Checks a script's syntax with the shell's own parser (`-n`), from a file as fish requires. */
function parses(shell: string, text: string): boolean {
  const file = path.join(tempDir('completion'), 'script');
  writeFileSync(file, text);
  return spawnSync(shell, ['-n', file]).status === 0;
}

function hasShell(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0;
}

const commands = buildProgram()
  .commands.map((command) => command.name())
  .sort();

describe('backlog completion bash', () => {
  const dir = tempDir('completion');
  const file = path.join(dir, 'backlog.bash');
  beforeAll(() => {
    writeFileSync(file, script('bash'));
    writeFileSync(path.join(dir, 'plan.md'), '');
  });

  /** Runs the script's completion function on a command line, as bash would on TAB. */
  function complete(...words: string[]): string[] {
    const line = words.map((word) => `'${word}'`).join(' ');
    const run = `source '${file}'; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _backlog; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return execFileSync('bash', ['-c', run], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  }

  it('is valid bash', () => {
    expect(parses('bash', script('bash'))).toBe(true);
    expect(parses('bash', 'case x in')).toBe(false);
  });

  it('offers every command of the program, and only those, first', () => {
    expect(commands).toContain('show');
    expect(commands).toContain('completion');
    expect(complete('backlog', '').filter((word) => !word.startsWith('-'))).toEqual([...commands, 'help'].sort());
  });

  it('offers each command its options', () => {
    for (const command of buildProgram().commands) {
      const expected = command.options.flatMap((option) => [option.short, option.long]).filter(Boolean);
      expect(complete('backlog', command.name(), '-').sort(), command.name()).toEqual([...expected, '-h', '--help'].sort());
    }
  });

  it('offers the choices of --format, files after --write and the shells after completion', () => {
    expect(complete('backlog', 'show', '--format', '')).toEqual(['json', 'md', 'table']);
    expect(complete('backlog', 'show', '--write', 'pl')).toEqual(['plan.md']);
    expect(complete('backlog', 'completion', '')).toEqual(['bash', 'fish', 'zsh']);
  });
});

describe.skipIf(!hasShell('zsh'))('backlog completion zsh', () => {
  it('is valid zsh and describes every command', () => {
    const text = script('zsh');
    expect(parses('zsh', text)).toBe(true);
    for (const command of commands) expect(text).toMatch(new RegExp(`^    '${command}:`, 'm'));
  });
});

describe.skipIf(!hasShell('fish'))('backlog completion fish', () => {
  it('is valid fish and completes every command', () => {
    const text = script('fish');
    expect(parses('fish', text)).toBe(true);
    const offered = execFileSync('fish', ['-c', `${text}\ncomplete -C 'backlog '`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t')[0]);
    expect(offered.sort()).toEqual([...commands, 'help'].sort());
  });
});

describe('backlog completion', () => {
  it('refuses an unknown shell with exit 2', () => {
    const run = runCli(['completion', 'powershell']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "backlog: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish; see backlog completion --help\n",
    );
    expect(run.stdout).toBe('');
  });
});
