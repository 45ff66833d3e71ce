import { DEFAULT_CONFIG, type Config } from '../../config/types.js';
import { extractFile } from '../../extract/extract-file.js';
import { lexiconFor, withLexicon } from '../../extract/lexicon/lexicon.js';
import type { FileExtraction } from '../../extract/records/item-record.js';
import { buildPlans } from '../../model/plans.js';
import { workItems } from '../../model/totals.js';
import type { Backlog, Item, Unit } from '../../model/types.js';
import { DEFAULT_HOURS_PER_DAY } from '../../model/units.js';
import { decodeBytes } from '../../read/decode.js';
import type { SourceText } from '../../read/source.js';
import { isCancelled } from '../velocity-sources.js';
import { workOf } from '../work-sum.js';
import type { GitHistory, HistoryCommit } from './types.js';

/** The plan as it read at one commit. */
export interface HistoryPoint {
  commit: string;
  /** Seconds since 1970 (UTC). */
  time: number;
  /** The work of every work item not cancelled, in the forecast's unit: the burn-up's scope line. */
  scope: number;
  /** The work of the done ones among them. */
  done: number;
}

/** An item read as done for the first time. */
export interface DoneEvent {
  id: string;
  /** Its position in `HistoryTimeline.points`: 0 for work the first commit already records as done. */
  commit: number;
  time: number;
  /** Its expected estimate at that commit, in the forecast's unit. */
  work: number;
}

export interface HistoryTimeline {
  unit: Unit | null;
  files: string[];
  /** One per commit, oldest first. */
  points: HistoryPoint[];
  /** When each item first read as done, in commit order. */
  events: DoneEvent[];
}

export interface ReplayOptions {
  config?: Config;
  /** The forecast's unit: work is measured in it at every commit. */
  unit: Unit | null;
  hoursPerDay?: number;
  /** Each commit's rebuilt plan, for callers that need more of it than its scope and done work. */
  onCommit?: (backlog: Backlog, commit: HistoryCommit) => void;
}

/** Whom an event is about: an item's ID, or for work without one (its ID is its file and line, which moves), its file and title. */
function identity(item: Item): string {
  return item.anonymous ? `${item.source.file}\u0000${item.title}` : item.id;
}

/**
 * The plan rebuilt at each commit of its history, as the library loads it (each file's contents
 * at that commit decoded, extracted and merged into one backlog), measured in the forecast's
 * unit: the scope and done work at each commit, and the commit at which each item first read as
 * done (an item added already done counts at the commit that added it). A file's extraction is
 * made once per version and copied for each commit that holds it, so a commit costs the
 * extraction of the files it changed plus one merge.
 */
export function replayHistory(history: GitHistory, options: ReplayOptions): HistoryTimeline {
  const config = options.config ?? DEFAULT_CONFIG;
  // Each commit's model reads statuses with the config's vocabulary, as loading does.
  const lexicon = lexiconFor(config.vocabulary);
  const hoursPerDay = options.hoursPerDay ?? config.hoursPerDay ?? DEFAULT_HOURS_PER_DAY;
  // Each file version is extracted once. The merge settles records in place, so a version that
  // more commits hold is copied for each but its last (see `copyForMerge`); most versions serve
  // one commit, uncopied.
  const uses = new Map<string, number>();
  let last: string | null = null;
  for (const commit of history.commits) {
    const state = commit.blobs.join('\u0000');
    if (state === last) continue;
    last = state;
    commit.blobs.forEach((blob, index) => {
      if (blob !== null) uses.set(`${history.files[index]}\u0000${blob}`, (uses.get(`${history.files[index]}\u0000${blob}`) ?? 0) + 1);
    });
  }
  const extractions = new Map<string, FileExtraction | null>();
  const extractionOf = (file: string, blob: string): FileExtraction | null => {
    const key = `${file}\u0000${blob}`;
    let extraction = extractions.get(key);
    if (extraction === undefined) {
      extraction = extractBlob(file, history.contents.get(blob), config);
      extractions.set(key, extraction);
    }
    const left = (uses.get(key) ?? 1) - 1;
    uses.set(key, left);
    if (left > 0) return extraction && copyForMerge(extraction);
    extractions.delete(key);
    return extraction;
  };

  // A status's meaning once per distinct wording, not once per item and commit.
  const meanings = new Map<string | null, boolean>();
  const cancelled = (item: Item): boolean => {
    let answer = meanings.get(item.status);
    if (answer === undefined) meanings.set(item.status, (answer = isCancelled(item)));
    return answer;
  };
  const points: HistoryPoint[] = [];
  const events: DoneEvent[] = [];
  const seenDone = new Set<string>();
  let previous: string | null = null;
  for (const commit of history.commits) {
    const state = commit.blobs.join('\u0000');
    if (state === previous && points.length > 0) {
      points.push({ ...points[points.length - 1], commit: commit.hash, time: commit.time });
      continue;
    }
    previous = state;
    const files = commit.blobs.flatMap((blob, index) => {
      const extraction = blob === null ? null : extractionOf(history.files[index], blob);
      return extraction ? [extraction] : [];
    });
    const backlog: Backlog = withLexicon(lexicon, () => buildPlans(files));
    options.onCommit?.(backlog, commit);
    let scope = 0;
    let done = 0;
    for (const item of workItems(backlog)) {
      if (item.done && cancelled(item)) continue;
      const work = workOf(item, options.unit, hoursPerDay);
      scope += work;
      if (!item.done) continue;
      done += work;
      const who = identity(item);
      if (seenDone.has(who)) continue;
      seenDone.add(who);
      events.push({ id: item.id, commit: points.length, time: commit.time, work });
    }
    points.push({ commit: commit.hash, time: commit.time, scope, done });
  }
  return { unit: options.unit, files: history.files, points, events };
}

/**
 * A copy of an extraction for one more merge: what `buildBacklog` changes or hands on to the items
 * it builds (the record lists, each record with its field map and reference lists, sprint
 * members, diagnostics) is copied, the rest (estimates, positions, claims) shared. A fifth of
 * the time of a structured clone; a test replays a history both ways to keep it honest.
 */
export function copyForMerge(extraction: FileExtraction): FileExtraction {
  return {
    file: { ...extraction.file },
    records: extraction.records.map((record) => ({
      ...record,
      fields: { ...record.fields },
      references: [...record.references],
      successors: [...record.successors],
    })),
    sprints: extraction.sprints.map((sprint) => ({ ...sprint, members: sprint.members.map((member) => ({ ...member })) })),
    groups: extraction.groups.map((group) => ({ ...group })),
    claims: [...extraction.claims],
    diagnostics: [...extraction.diagnostics],
  };
}

/** One version of a file as `loadBacklog` reads it; null when it is not text (a binary version). */
function extractBlob(file: string, bytes: Uint8Array | undefined, config: Config): FileExtraction | null {
  if (!bytes) return null;
  let source: SourceText;
  try {
    source = { file, path: file, ...decodeBytes(bytes, file) };
  } catch {
    return null;
  }
  return extractFile(source, config);
}
