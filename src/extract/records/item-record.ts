import type { Claim, Diagnostic, Estimate, FileInfo, SourcePosition } from '../../model/types.js';

/** One appearance of an item in a document: a table row, a heading block or a list entry. */
export interface ItemRecord {
  id: string;
  title: string | null;
  estimate: Estimate | null;
  /** The estimate text when it could not be read (reported as unparsable-estimate). */
  unreadEstimate: string | null;
  /**
   * Dependency references as written ("E12-01", "EP-02", "Release 2", a title, "001" for PHASE1-001).
   * "All above" is already expanded in a table; elsewhere it is ALL_ABOVE (src/extract/references.ts),
   * which the model expands to the earlier items among `siblings`. "All" is ALL_OTHERS.
   */
  references: string[];
  /** Items this one blocks, written on the prerequisite ("Successors", "Blocks"). */
  successors: string[];
  sprint: string | null;
  group: string | null;
  track: string | null;
  status: string | null;
  done: boolean | null;
  priority: string | null;
  owner: string | null;
  parent: string | null;
  fields: Record<string, string>;
  source: SourcePosition;
  /** Identifies the table (or heading list) the record came from, for duplicate-id. */
  container: string;
  /** A commitment list entry that names an item defined elsewhere: it adds no item of its own. */
  mentionOnly: boolean;
  /**
   * The record's table has an estimate column, or other items of its list or heading level
   * carry estimates: an estimate it lacks is missing.
   */
  estimateExpected: boolean;
  /** The entries of one list, or the headings of one level, the record stands among ("list:12", "heading:3"). */
  siblings: string | null;
  /** An ID-led list entry with a title but neither estimate nor checkbox: an item only in a list of items. */
  needsListItems: boolean;
  /** An amount in the title in a form no estimate reading knows ("4 ч"), unparsable where its siblings carry estimates. */
  titleEstimate: string | null;
  /** Work the document lists without an ID: `id` is the file and line ("plan.md:12"), the title names it. */
  anonymous?: boolean;
}

export interface SprintRecord {
  name: string;
  key: string;
  /** Items listed under the sprint in the document (commitment lists), with partial notes. */
  members: { id: string; partial: string | null; source: SourcePosition }[];
  source: SourcePosition;
}

export interface GroupRecord {
  id: string | null;
  name: string;
  release: string | null;
  source: SourcePosition;
}

export interface FileExtraction {
  file: FileInfo;
  records: ItemRecord[];
  sprints: SprintRecord[];
  groups: GroupRecord[];
  claims: Claim[];
  diagnostics: Diagnostic[];
}

/** The ID of work the document lists without one: its file and line ("plan.md:12"). */
export function anonymousId(file: string, line: number): string {
  return `${file}:${line}`;
}
