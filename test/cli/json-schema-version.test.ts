import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';

/** What a command needs beyond files to answer at all. */
const REQUIRED_ARGS: Record<string, string[]> = { plan: ['--capacity', '10'] };

const jsonCommands = buildProgram()
  .commands.filter((command) => command.options.some((option) => option.long === '--format' && option.argChoices?.includes('json')))
  .map((command) => command.name());

describe('every --format json output', () => {
  it('covers the report commands', () => {
    expect(jsonCommands).toEqual(expect.arrayContaining(['show', 'lint', 'critical-path', 'forecast', 'capacity', 'plan']));
  });

  it.each(jsonCommands)('%s carries schemaVersion 1', (name) => {
    const args = [name, 'fixtures/report/roadmap.md', '--format', 'json', ...(REQUIRED_ARGS[name] ?? [])];
    const result = runCli(args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });
});
