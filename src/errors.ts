/** A mistake in how the command was called or in what it was given: exit code 2, one line. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
