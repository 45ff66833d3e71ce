import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const REQUIRED_ARGS: Record<string, string[]> = { plan: ['--capacity', '10'] };

const writers = buildProgram()
  .commands.filter((command) => command.options.some((option) => option.long === '--write'))
  .map((command) => command.name());

const dir = tempDir('writers');
beforeAll(() => copyFileSync('fixtures/report/roadmap.md', path.join(dir, 'roadmap.md')));

function run(args: string[]) {
  return runCli(args, { cwd: dir });
}

// Each test runs the binary several times; a loaded machine needs more than the default 5 s.
describe('--write and --check on every report command', { timeout: 30_000 }, () => {
  it('are offered by each command that reports', () => {
    expect(writers).toEqual(expect.arrayContaining(['show', 'lint', 'critical-path', 'forecast', 'capacity', 'plan', 'report']));
  });

  it.each(writers)('%s writes its markdown into its own section, then finds it up to date', (name) => {
    const doc = `${name}.md`;
    const text = `# Notes\r\n\r\n<!-- backlog:${name} -->\r\n<!-- /backlog:${name} -->\r\n\r\nEnd.\r\n`;
    writeFileSync(path.join(dir, doc), text);
    const args = [name, 'roadmap.md', ...(REQUIRED_ARGS[name] ?? [])];
    const markdown = run(name === 'report' ? args : [...args, '--format', 'md']).stdout;

    expect(run([...args, '--write', doc, '--check'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `section "${name}" in ${doc} is out of date; run the same command without --check to update it\n`,
    });
    expect(readFileSync(path.join(dir, doc), 'utf8')).toBe(text);

    expect(run([...args, '--write', doc])).toEqual({ code: 0, stdout: '', stderr: `updated section "${name}" in ${doc}\n` });
    const body = markdown.trimEnd().replaceAll('\n', '\r\n');
    expect(readFileSync(path.join(dir, doc), 'utf8')).toBe(
      `# Notes\r\n\r\n<!-- backlog:${name} -->\r\n${body}\r\n<!-- /backlog:${name} -->\r\n\r\nEnd.\r\n`,
    );

    expect(run([...args, '--write', doc, '--check'])).toEqual({
      code: 0,
      stdout: '',
      stderr: `section "${name}" in ${doc} already up to date\n`,
    });
  });
});
