/** A mistake in how the command was called or in what it was given: exit code 2, one line. */
export class UsageError extends Error {}

/** Nothing could be read, and every input already reported why on stderr: exit 2, no more words. */
export class InputsReported extends UsageError {
  constructor() {
    super('');
  }
}

export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
