import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('usage mistakes: one line prefixed backlog:, exit 2', { timeout: 30_000 }, () => {
  it.each([
    [['--frob'], "backlog: unknown option '--frob'; see backlog --help"],
    [['frob'], "backlog: unknown command 'frob'; see backlog --help"],
    [['show', '--frob'], "backlog: unknown option '--frob'; see backlog show --help"],
    [['show', '--formt', 'json'], "backlog: unknown option '--formt' (did you mean --format?); see backlog show --help"],
    [['lint', '--max-warnings'], "backlog: option '--max-warnings <n>' argument missing; see backlog lint --help"],
    [
      ['critical-path', '-f', 'xml'],
      "backlog: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, md, json, mermaid, dot; see backlog critical-path --help",
    ],
    [['completion'], "backlog: missing required argument 'shell'; see backlog completion --help"],
  ])('%j', (args, line) => {
    const run = runCli(args);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });
});

describe('help', { timeout: 30_000 }, () => {
  it('shows choices and defaults as they are typed, without quotes', () => {
    for (const command of ['show', 'lint', 'critical-path', 'forecast', 'capacity', 'plan', 'report', 'completion']) {
      const run = runCli([command, '--help']);
      expect(run.code).toBe(0);
      const extras = run.stdout.replace(/\s*\n\s*/g, ' ').match(/\((?:choices|default|preset): [^)]*\)/g) ?? [];
      for (const extra of extras) expect(extra, `${command}: ${extra}`).not.toContain('"');
    }
    const show = runCli(['show', '--help']).stdout.replace(/\s*\n\s*/g, ' ');
    expect(show).toContain('(choices: table, md, json, default: table)');
    expect(runCli(['forecast', '--help']).stdout.replace(/\s*\n\s*/g, ' ')).toContain('(default: 10000)');
    expect(runCli(['completion', '--help']).stdout).toContain('(choices: bash, zsh, fish)');
  });
});
