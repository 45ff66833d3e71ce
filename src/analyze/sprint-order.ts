import type { Sprint } from '../model/types.js';

const NUMERIC_KEY = /^\d+(?:\.\d+)*$/;

/** "1.10" after "1.9": keys compare part by part, as numbers. */
function compareNumericKeys(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The sprints in the order they run: by key when every key is numeric ("4", "1.1"), part by
 * part, else in document order (the order of `backlog.sprints`), since names like "Alpha" or
 * "Hardening" say nothing about time.
 */
export function orderSprints<T extends Pick<Sprint, 'key'>>(sprints: readonly T[]): T[] {
  if (!sprints.every((sprint) => NUMERIC_KEY.test(sprint.key))) return [...sprints];
  return [...sprints].sort((a, b) => compareNumericKeys(a.key, b.key));
}

/**
 * The key of the sprint after `sprints`: one past the highest leading number when the keys are
 * numeric ("8" → "9", "1.1" → "2"), else null: there is no next name to guess.
 */
export function nextSprintNumber(sprints: readonly Pick<Sprint, 'key'>[]): number | null {
  if (sprints.length === 0) return 1;
  if (!sprints.every((sprint) => NUMERIC_KEY.test(sprint.key))) return null;
  return Math.max(...sprints.map((sprint) => Number(sprint.key.split('.')[0]))) + 1;
}
