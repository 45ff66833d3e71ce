import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/backlog.js');
const ANSI = /\u001b\[\d+(;\d+)*m/;

/** Runs the binary with stdout a pipe (not a terminal) and only the colour variables given. */
function lint(env: Record<string, string>): string {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NO_COLOR' && key !== 'FORCE_COLOR'));
  const result = spawnSync(process.execPath, [BIN, 'lint', 'fixtures/report/drifted.md'], { encoding: 'utf8', env: { ...base, ...env } });
  expect(result.stderr).toBe('');
  return result.stdout;
}

describe('colour', () => {
  it('is off when stdout is not a terminal', () => {
    const plain = lint({});
    expect(plain).toContain('unknown-reference');
    expect(plain).not.toMatch(ANSI);
  });

  it('is on with FORCE_COLOR, and off with FORCE_COLOR=0', () => {
    expect(lint({ FORCE_COLOR: '1' })).toMatch(ANSI);
    expect(lint({ FORCE_COLOR: '0' })).not.toMatch(ANSI);
  });

  it('is off with NO_COLOR, even when FORCE_COLOR asks for it', () => {
    expect(lint({ NO_COLOR: '1' })).not.toMatch(ANSI);
    const both = lint({ NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(both).not.toMatch(ANSI);
    expect(both).toBe(lint({}));
  });

  it('ignores an empty NO_COLOR, as no-color.org asks', () => {
    expect(lint({ NO_COLOR: '', FORCE_COLOR: '1' })).toMatch(ANSI);
  });
});
