import { UsageError } from '../../errors.js';

/** Why a plan's git history gives no velocity, in one line: not a repository, a shallow clone, a file never committed, too short. */
export class HistoryError extends UsageError {}
