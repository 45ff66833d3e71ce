import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished, TestRunner } from 'vitest';

/**
 * A fresh directory `backlog-<purpose>-*` in the OS temp dir, removed with everything in it once
 * it is no longer needed: made in a test or a beforeEach, when that test finishes; made in a
 * describe body or at the top of a file, after that block or file. Not from beforeAll: vitest
 * accepts an afterAll registered there but never runs it, so the directory would stay behind.
 */
export function tempDir(purpose: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `backlog-${purpose}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (TestRunner.getCurrentTest()) onTestFinished(remove);
  else afterAll(remove);
  return dir;
}
