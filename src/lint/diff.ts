import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** `--fix-dry-run`: what a fix would change in one file, as a unified diff `git apply` and `patch -p1` take. */
export function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
