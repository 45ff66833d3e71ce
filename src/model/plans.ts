import type { FileExtraction } from '../extract/records/item-record.js';
import { idKey } from '../extract/values/ids.js';
import type { Lexicon } from '../extract/lexicon/lexicon.js';
import { buildBacklog, qualifyLocalNumbers } from './build-backlog.js';
import { groupBy } from './group-by.js';
import type { Backlog, PlanBacklog } from './types.js';

/**
 * The files read together, as plans. Files belong to one plan when they share items: an ID
 * defined in one file and referenced, committed or restated in another (a backlog file and the
 * sprint file that commits its items). A file that shares nothing is a plan of its own, so sprint 1
 * of two unrelated documents is two sprints, and their units never mix. Bare row numbers ("1",
 * "001") belong to their file and join nothing, unless two files write the same number with the
 * same title.
 */
export interface PlanFiles {
  name: string;
  /** Whether the config names the plan, rather than its main file. */
  configured: boolean;
  extractions: FileExtraction[];
}

const BARE_NUMBER = /^#?\d+(?:\.\d+)*$/;
const QUALIFIED_NUMBER = /^[^:]+:#?\d+(?:\.\d+)*$/;

/** A row number qualified with its file ("sprint-2:001"): another file's number of the same digits is other work. */
function qualified(id: string): boolean {
  return QUALIFIED_NUMBER.test(id.trim());
}

/** The IDs a file names anywhere: its records, their references and successors, its sprints' members. */
function namedIds(extraction: FileExtraction): Set<string> {
  const ids = new Set<string>();
  // A bare number another file names is a row of that file, not a share in this one's items.
  const add = (id: string) => {
    if (!qualified(id) && !BARE_NUMBER.test(id.trim())) ids.add(idKey(id));
  };
  for (const record of extraction.records) {
    if (record.anonymous) continue;
    add(record.id);
    for (const reference of record.references) add(reference);
    for (const successor of record.successors) add(successor);
  }
  for (const sprint of extraction.sprints) for (const member of sprint.members) add(member.id);
  return ids;
}

/** The IDs a file defines: records that are not only mentions. */
function definedIds(extraction: FileExtraction): Set<string> {
  const ids = new Set<string>();
  for (const record of extraction.records) {
    // A bare number still plain here is one several files write with the same title (qualifyLocalNumbers): shared work.
    if (!record.anonymous && !record.mentionOnly && !qualified(record.id)) ids.add(idKey(record.id));
  }
  return ids;
}

/**
 * Groups files into plans, in the order of their first file; `namedPlan` puts a file in a plan the
 * config names (`plans: { web: ["docs/web/**"] }`), which also joins what shares items with it.
 */
export function groupIntoPlans(
  extractions: readonly FileExtraction[],
  namedPlan: (file: string) => string | null = () => null,
): PlanFiles[] {
  const parent = extractions.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]]!;
    return index;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const definer = new Map<string, number>();
  extractions.forEach((extraction, index) => {
    for (const id of definedIds(extraction)) {
      const first = definer.get(id);
      if (first === undefined) definer.set(id, index);
      else join(first, index);
    }
  });
  const byName = new Map<string, number>();
  extractions.forEach((extraction, index) => {
    for (const id of namedIds(extraction)) {
      const other = definer.get(id);
      if (other !== undefined) join(other, index);
    }
    const name = namedPlan(extraction.file.file);
    if (name === null) return;
    const first = byName.get(name);
    if (first === undefined) byName.set(name, index);
    else join(first, index);
  });
  const groups = groupBy(extractions.keys(), find);
  const taken = new Set<string>();
  return [...groups.values()].map((indices) => {
    const members = indices.map((index) => extractions[index]);
    const named = members.map((member) => namedPlan(member.file.file)).find((name) => name !== null);
    // A plan without a name from the config is named by the file that holds most of its items.
    const main = [...members].sort((a, b) => b.records.length - a.records.length)[0];
    let name = named ?? main.file.file;
    for (let n = 2; taken.has(name); n++) name = `${named ?? main.file.file} (${n})`;
    taken.add(name);
    return { name, configured: named !== undefined, extractions: members };
  });
}

/**
 * The model of files read together: one plan's backlog as it is, or, when the files hold several
 * plans, their union with each plan kept whole in `plans`. Bare numbers that several files use are
 * qualified with their file first, so that the union never holds two items of one ID.
 */
export function buildPlans(
  extractions: readonly FileExtraction[],
  namedPlan?: (file: string) => string | null,
  lexiconOf?: (extraction: FileExtraction) => Lexicon | undefined,
): Backlog {
  qualifyLocalNumbers(extractions);
  const plans = groupIntoPlans(extractions, namedPlan);
  if (plans.length <= 1) {
    const backlog = buildBacklog(plans[0]?.extractions ?? [], lexiconOf);
    return plans[0]?.configured ? { ...backlog, name: plans[0].name } : backlog;
  }
  return unionOf(plans.map(({ name, extractions: files }) => ({ ...buildBacklog(files, lexiconOf), name })));
}

function unionOf(plans: PlanBacklog[]): Backlog {
  const units = new Set(plans.map((plan) => plan.unit).filter((unit) => unit !== null));
  return {
    items: plans.flatMap((plan) => plan.items),
    sprints: plans.flatMap((plan) => plan.sprints),
    groups: plans.flatMap((plan) => plan.groups),
    unit: units.size === 1 ? [...units][0] : null,
    claims: plans.flatMap((plan) => plan.claims),
    conflicts: plans.flatMap((plan) => plan.conflicts),
    diagnostics: plans.flatMap((plan) => plan.diagnostics),
    files: plans.flatMap((plan) => plan.files),
    plans,
  };
}

/** The plans of a backlog: each of several, or the backlog itself when it is one. */
export function plansOf(backlog: Backlog): Backlog[] {
  return backlog.plans ?? [backlog];
}
