/**
 * The shape of a careful reader's labels (`../shared/corpus/dev2/labels.json`; its SOURCES.md
 * explains each field). Only the fields the checks read are typed.
 */
export type LabelUnit = 'points' | 'days' | 'hours' | 'minutes' | 'weeks' | 'sprints' | 'none';

export interface LabelClaim {
  line: number;
  text: string;
  /** True: the figure agrees with the document's items; false: it does not; null: nothing to check it by. */
  ok: boolean | null;
  note?: string;
}

export interface LabelConflict {
  id: string;
}

export interface DocumentLabels {
  file: string;
  items: number;
  children?: number;
  /** Every item's ID in document order; null for an item the document gives no ID. */
  ids: (string | null)[];
  unit: LabelUnit;
  estimated: number;
  total: number | null;
  done: number;
  done_ids?: string[];
  sprints: Record<string, number> | null;
  /** Item → its prerequisites, by ID or (for items without one) by title. */
  deps: Record<string, string[]> | null;
  unresolved: string[] | null;
  claims: LabelClaim[] | null;
  conflicts?: LabelConflict[] | null;
  critical_path: { length: number; unit: string; chain: string[] } | null;
}
