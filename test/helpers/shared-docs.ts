import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * A folder of the shared documents beside the repository (../shared/seeds, ../shared/corpus/dev):
 * its path, and whether it is there. When it is not, the tests that read it are skipped, and one
 * line says so: a fresh clone without ../shared skips them, never silently.
 */
export function sharedDocuments(folder: string): { dir: string; present: boolean } {
  const dir = path.resolve('../shared', folder);
  const present = existsSync(dir);
  if (!present) console.warn(`${dir} is missing beside the repository: the tests that read it are skipped`);
  return { dir, present };
}
