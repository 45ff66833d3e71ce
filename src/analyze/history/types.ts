/** What `readGitHistory` reads, as plain data: the pure replay needs nothing of git or Node. */

/** One commit of the first-parent history that changed one of the plan's files, oldest first. */
export interface HistoryCommit {
  hash: string;
  /** Committer time, seconds since 1970 (UTC). */
  time: number;
  /** Per plan file (as `GitHistory.files`), its blob at this commit, or null when it did not exist. */
  blobs: (string | null)[];
}

export interface GitHistory {
  /** The plan's files as the user sees them (`SourceText.file`). */
  files: string[];
  commits: HistoryCommit[];
  /** Each blob's bytes. */
  contents: Map<string, Uint8Array>;
}
