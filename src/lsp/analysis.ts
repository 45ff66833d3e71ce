import { criticalPath, type CriticalPathResult, type ScheduledItem } from '../analyze/critical-path.js';
import { CycleError } from '../analyze/graph.js';
import type { Config } from '../config/types.js';
import { lexiconFor, withLexicon } from '../extract/lexicon/lexicon.js';
import { fileText } from '../lint/fix.js';
import { lint } from '../lint/index.js';
import type { LintResult, Problem } from '../lint/types.js';
import { planNamer } from '../config/plan-globs.js';
import { buildPlans, plansOf } from '../model/plans.js';
import type { Backlog, Item } from '../model/types.js';
import { FileLines, IdMatcher, occurrenceAt, occurrencesIn, type Occurrence } from './occurrences.js';
import type { FileEntry } from './project.js';

/** The critical path's figures for each item, or why there are none. */
export type Schedule = { ok: true; result: CriticalPathResult; byId: ReadonlyMap<string, ScheduledItem> } | { ok: false; reason: string };

/** An ID written in a file. */
export interface Place {
  entry: FileEntry;
  occurrence: Occurrence;
}

/**
 * One state of a project: the backlog built from the kept extractions of its files, the lint
 * problems `backlog lint` would report for them, and lookups from text to items. Everything
 * beyond the problems (schedule, ID places) is computed when first asked for.
 */
export class Analysis {
  readonly backlog: Backlog;
  readonly result: LintResult;
  readonly matcher: IdMatcher;
  /** Milliseconds spent building the model and linting it. */
  readonly timings: { build: number; lint: number };
  private readonly byFile = new Map<string, FileEntry>();
  private readonly problemsByFile = new Map<string, Problem[]>();
  private readonly lineCache = new Map<string, FileLines>();
  private readonly occurrenceCache = new Map<string, Occurrence[]>();
  private readonly schedules = new Map<Backlog, Schedule>();

  constructor(
    readonly files: readonly FileEntry[],
    readonly config: Config,
  ) {
    const readable = files.filter((entry) => entry.source !== null && entry.extraction !== null);
    for (const entry of files) this.byFile.set(entry.file, entry);
    const started = performance.now();
    // Building settles and qualifies records in place: it gets copies, so the kept extractions stay as read.
    // The model reads statuses, and the rules read words, with the config's vocabulary.
    const lexicon = lexiconFor(config.vocabulary);
    this.backlog = withLexicon(lexicon, () =>
      buildPlans(
        readable.map((entry) => structuredClone(entry.extraction!)),
        planNamer(
          readable.map((entry) => entry.source!),
          () => config,
        ),
      ),
    );
    const built = performance.now();
    this.result = withLexicon(lexicon, () => lint(this.backlog, { sources: readable.map((entry) => entry.source!), config }));
    this.timings = { build: built - started, lint: performance.now() - built };
    for (const problem of this.result.problems) {
      const list = this.problemsByFile.get(problem.file);
      if (list) list.push(problem);
      else this.problemsByFile.set(problem.file, [problem]);
    }
    this.matcher = new IdMatcher(this.backlog.items);
  }

  /** The file a model position names (`backlog lint` paths). */
  entryOf(file: string): FileEntry | undefined {
    return this.byFile.get(file);
  }

  problemsOf(entry: FileEntry): readonly Problem[] {
    return this.problemsByFile.get(entry.file) ?? [];
  }

  /** The file's text as read, line by line (empty when it could not be read). */
  lines(entry: FileEntry): FileLines {
    let lines = this.lineCache.get(entry.file);
    if (!lines) {
      lines = new FileLines(entry.source ? fileText(entry.source).split('\n') : [], entry.file);
      this.lineCache.set(entry.file, lines);
    }
    return lines;
  }

  item(id: string): Item | undefined {
    return this.matcher.item(id);
  }

  /** The ID written at a place in a file (line and character in the file as read). */
  occurrenceAt(entry: FileEntry, line: number, character: number): Occurrence | null {
    return occurrenceAt(this.lines(entry), this.matcher, line, character);
  }

  occurrences(entry: FileEntry): readonly Occurrence[] {
    let found = this.occurrenceCache.get(entry.file);
    if (!found) {
      found = occurrencesIn(this.lines(entry), this.matcher);
      this.occurrenceCache.set(entry.file, found);
    }
    return found;
  }

  /** Where the item is defined: its ID on the line the model gives as its source (the line's start when the ID is not written there). */
  definition(item: Item): Place | null {
    const entry = this.entryOf(item.source.file);
    if (!entry) return null;
    const line = item.source.line - 1;
    const written = this.matcher.scanLine(this.lines(entry).lines[line] ?? '', line, this.lines(entry).context(line));
    const occurrence = written.find((candidate) => candidate.id === item.id);
    if (occurrence) return { entry, occurrence };
    const column = Math.max(
      (item.appearances.find((place) => place.file === item.source.file && place.line === item.source.line)?.column ?? 1) - 1,
      0,
    );
    return { entry, occurrence: { line, start: column, end: column, id: item.id } };
  }

  /** Every place the item's ID is written, in every file, in file order. */
  references(item: Item): Place[] {
    const places: Place[] = [];
    for (const entry of this.files) {
      for (const occurrence of this.occurrences(entry)) if (occurrence.id === item.id) places.push({ entry, occurrence });
    }
    return places;
  }

  /** The critical path of the plan that holds the item, as `backlog critical-path` computes it. */
  schedule(item: Item): Schedule {
    const plan = plansOf(this.backlog).find((candidate) => candidate.items.includes(item)) ?? this.backlog;
    let schedule = this.schedules.get(plan);
    if (!schedule) {
      try {
        const result = criticalPath(plan, { hoursPerDay: this.config.hoursPerDay });
        schedule = { ok: true, result, byId: new Map(result.items.map((scheduled) => [scheduled.id, scheduled])) };
      } catch (error) {
        schedule = {
          ok: false,
          reason:
            error instanceof CycleError
              ? 'the dependencies have a cycle, so there is no critical path (see dependency-cycle)'
              : `no critical path: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      this.schedules.set(plan, schedule);
    }
    return schedule;
  }
}
