/**
 * The typed model every command reads. Field names marked "contract" are read by other tools
 * (see DESIGN.md) and must not change; everything else may grow.
 */

/** Estimates in sprints ("2–3 sprints") convert to nothing else: a sprint's length is the team's. */
export type Unit = 'points' | 'days' | 'hours' | 'sprints';

export type EstimateKind = 'single' | 'range' | 'three-point' | 'open' | 'size';

export interface Estimate {
  unit: Unit; // contract
  low: number; // contract
  high: number; // contract
  expected: number; // contract
  raw: string; // contract
  kind: EstimateKind;
  /** PERT variance ((p − o) / 6)² for three-point estimates; range estimates use the same formula. */
  variance: number;
  /** The T-shirt size the value came from, when it came from one. */
  size?: string;
}

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Item {
  id: string; // contract
  title: string; // contract
  estimate: Estimate | null; // contract
  dependsOn: string[]; // contract: resolved item IDs
  unresolved: string[]; // contract: references that name nothing known
  sprint: string | null; // contract: the sprint's display name
  group: string | null; // contract
  track: string | null; // contract
  status: string | null; // contract
  done: boolean; // contract
  priority: string | null; // contract
  owner: string | null; // contract
  fields: Record<string, string>; // contract: raw values by their original column/key name
  source: { file: string; line: number }; // contract: first place the item is defined
  children: string[]; // contract: task IDs inside a story
  /** Every place the item appears as a record (tables, headings), in reading order. */
  appearances: SourcePosition[];
  /** A note that the item is only partly committed to its sprint ("partly for …", "initial"). */
  partial: string | null;
  /** The parent story when this item is a task inside one. */
  parent: string | null;
  /** The raw dependency references as written, before resolution. */
  references: string[];
  /** The document gives no ID: `id` is the file and line, e.g. `plan.md:12`. */
  anonymous: boolean;
}

export interface Sprint {
  name: string; // contract: the richest display name seen
  key: string; // normalised identity: "4" for S4 / Sprint 4 / Sprint #4
  items: string[]; // contract: item IDs committed to it
  committed: number; // contract: sum of expected estimates in the backlog unit
  /** Items whose commitment is partial, with the note. */
  partial: Record<string, string>;
  source: SourcePosition;
}

export interface Group {
  id: string | null; // e.g. "EP-01" when the document gives one
  name: string;
  items: string[];
  release: string | null;
  source: SourcePosition;
}

/** Which items a stated total or count is about: all of them, those not done yet, or those done. */
export type ClaimFilter = 'all' | 'remaining' | 'done';

/**
 * How a stated figure is written: one number (`low` = `high`) or a range, exact or "about" (`~`,
 * `≈`, `ca.`, `約`), and how many decimals it gives. A figure holds at the precision written.
 */
export interface ClaimFigure {
  low: number;
  high: number;
  approximate: boolean;
  decimals: number;
  /** What one of the written unit is in the claim's unit (5 for weeks as days, 1/60 for minutes as hours). */
  factor?: number;
  /** Written in weeks or months: a span of the calendar as often as an amount of work. */
  calendar?: boolean;
}

/** A heading section a claim stands in: its heading's line, the line after its last, and its title. */
export interface ClaimSection {
  line: number;
  end: number;
  title: string;
  /**
   * The sections this one stands for, when it holds no items itself: a row of a summary table
   * ("| P3 | 4 |") stands for the section its label names ("## Öncelik 3 (P3)").
   */
  aliases?: ClaimSection[];
}

/** Where a stated figure applies: a table's items, a sprint, a group, or (none given) the whole file. */
export interface ClaimScope {
  sprint?: string; // sprint key
  group?: string; // group name
  /** The items of one table, for a "Total" row at its foot, or the items a line lists ("15 hours (C2-C5)"). */
  items?: string[];
  /** The items were listed with the figure, not gathered from a table. */
  listed?: boolean;
  /**
   * The heading sections the claim stands in, innermost first: it is about the first that holds
   * items (the file when none does). Given when no table, sprint or group scopes the claim.
   */
  sections?: ClaimSection[];
  /** The claim is about its section alone ("Allocated: 20h", "Hours: 19-25"): without one that holds items, about nothing. */
  sectionOnly?: boolean;
  file: string;
}

export type Claim =
  | {
      kind: 'total';
      scope: ClaimScope;
      which: ClaimFilter;
      /** The figure, or a range's midpoint, in `unit`. */
      value: number;
      unit: Unit | null;
      raw: string;
      source: SourcePosition;
      /** How it is written, in `unit` (a plain exact number when absent). */
      figure?: ClaimFigure;
      /**
       * What of each item's estimate it adds up: the optimistic, most likely or pessimistic
       * values of a three-point table's columns; the expected values when absent.
       */
      measure?: 'low' | 'likely' | 'high';
    }
  | {
      kind: 'count';
      scope: ClaimScope;
      which: ClaimFilter;
      value: number;
      raw: string;
      source: SourcePosition;
      figure?: ClaimFigure;
    }
  | { kind: 'capacity'; scope: ClaimScope; value: number; unit: Unit | null; raw: string; source: SourcePosition }
  | {
      kind: 'critical-path';
      scope: ClaimScope;
      chain: string[];
      length: number | null;
      unit: Unit | null;
      raw: string;
      source: SourcePosition;
      /** How the length is written (`≈ 45 days`, `~6`), when it is. */
      figure?: ClaimFigure;
      /**
       * Further chains stated under the same heading: the document lists several, and the
       * critical path is the longest of them. Links may be IDs or item titles.
       */
      alternatives?: string[][];
    }
  | {
      kind: 'projection';
      scope: ClaimScope;
      velocity: number;
      sprints: number;
      raw: string;
      source: SourcePosition;
    }
  | { kind: 'velocity'; scope: ClaimScope; value: number; raw: string; source: SourcePosition }
  | { kind: 'team-size'; scope: ClaimScope; value: number; raw: string; source: SourcePosition };

export type Severity = 'error' | 'warning';

/** A text replacement that repairs a problem; offsets are UTF-16 indexes into the decoded file text. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/**
 * Something a stage noticed while reading: what it could not read, or a problem in the source
 * itself (wrapped rows, bad encoding). Lint rules surface these by their rule name.
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  fix?: Fix;
}

/** Two records that give one item different values for the same field. */
export interface Conflict {
  item: string;
  field: 'estimate' | 'status' | 'sprint' | 'title';
  values: { value: string; source: SourcePosition }[];
}

export interface FileInfo {
  file: string;
  items: number;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
  /** True when the text was double-encoded UTF-8 and has been repaired in memory. */
  repairedMojibake: boolean;
}

export interface Backlog {
  items: Item[]; // contract
  sprints: Sprint[]; // contract
  groups: Group[]; // contract
  unit: Unit | null; // contract: the unit most estimated items use
  claims: Claim[];
  conflicts: Conflict[];
  diagnostics: Diagnostic[];
  files: FileInfo[];
  /**
   * When the files read hold several plans (files that share no items), each plan as a backlog of
   * its own, with its own unit, sprints and figures; the fields above are then their union. Absent
   * for one plan: the backlog is that plan.
   */
  plans?: PlanBacklog[];
  /** The plan's name, when the files hold one plan and the config names it (`plans: { web: [...] }`). */
  name?: string;
}

/** One plan of a backlog read from several files: its name (the config's, or its main file) and its files. */
export interface PlanBacklog extends Omit<Backlog, 'plans'> {
  name: string;
}
