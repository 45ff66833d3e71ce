import type { CriticalPathResult } from '../../src/analyze/critical-path.js';
import type { Problem } from '../../src/lint/types.js';
import { indexById, workItems } from '../../src/model/totals.js';
import type { Backlog, Item, Unit } from '../../src/model/types.js';
import type { DocumentLabels, LabelClaim, LabelUnit } from './labels.js';

/** One comparison between the reading and a label: it holds or it does not. */
export interface Check {
  name: string;
  pass: boolean;
  expected: string;
  actual: string;
}

export interface DocumentScore {
  file: string;
  checks: Check[];
}

/** What the tool made of one document: its model, its lint problems and its critical path. */
export interface Reading {
  backlog: Backlog;
  problems: readonly Problem[];
  /** The critical path, or why there is none (a cycle). */
  criticalPath: CriticalPathResult | Error;
}

/** Rules that compare a figure the document states with what its items give. */
const CLAIM_RULES = new Set([
  'stated-total-mismatch',
  'stated-critical-path-mismatch',
  'stated-forecast-mismatch',
  'estimate-conflict',
  'sprint-over-capacity',
]);

/** A finding this many lines from a claim's labelled line still belongs to it (a heading, then its chain). */
const CLAIM_SPAN = 3;

/** The claim line a finding belongs to: the nearest within the span, the earlier one on a tie. */
function nearestClaim(lines: readonly number[], line: number): number | undefined {
  let best: number | undefined;
  for (const candidate of lines) {
    const distance = Math.abs(candidate - line);
    if (distance <= CLAIM_SPAN && (best === undefined || distance < Math.abs(best - line))) best = candidate;
  }
  return best;
}

/** Units that measure time, with their size in minutes (a day of 8 hours, a week of 5 days). */
const MINUTES: Partial<Record<LabelUnit | Unit, number>> = { minutes: 1, hours: 60, days: 480, weeks: 2400 };

/** A label's unit that the model writes in another: minutes are read as hours, weeks as days. */
const MODEL_UNIT: Record<LabelUnit, Unit | null> = {
  points: 'points',
  days: 'days',
  hours: 'hours',
  minutes: 'hours',
  weeks: 'days',
  sprints: 'sprints',
  none: null,
};

export function convert(value: number, from: Unit | null, to: string): number | null {
  if (from === to) return value;
  const a = from ? MINUTES[from] : undefined;
  const b = MINUTES[to as LabelUnit];
  return a && b ? (value * a) / b : null;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.001);
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Titles and IDs as a reader compares them: no markup, case or spacing. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[*_`~[\]]/g, '')
    .replace(/[^\p{L}\p{N}.\-/&↔ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds the item a label names: by its ID, else (for work the document gives no ID) by its title,
 * exactly or as the title's beginning.
 */
function makeResolver(items: readonly Item[]): (key: string) => Item | undefined {
  const byId = new Map(items.map((item) => [item.id, item]));
  const byNormalId = new Map(items.map((item) => [normalise(item.id), item]));
  const titled = items.map((item) => ({ item, title: normalise(item.title) }));
  return (key) => {
    const exact = byId.get(key) ?? byNormalId.get(normalise(key));
    if (exact) return exact;
    const wanted = normalise(key);
    if (!wanted) return undefined;
    return (
      titled.find((entry) => entry.title === wanted)?.item ??
      titled.find((entry) => entry.title.startsWith(wanted) || wanted.startsWith(entry.title))?.item
    );
  };
}

function sameSet(expected: readonly string[], actual: readonly string[]): { pass: boolean; missing: string[]; extra: string[] } {
  const want = new Set(expected);
  const have = new Set(actual);
  const missing = [...want].filter((entry) => !have.has(entry));
  const extra = [...have].filter((entry) => !want.has(entry));
  return { pass: missing.length === 0 && extra.length === 0, missing, extra };
}

function listDiff(missing: string[], extra: string[]): string {
  const parts = [];
  if (missing.length) parts.push(`missing ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ` … (${missing.length})` : ''}`);
  if (extra.length) parts.push(`extra ${extra.slice(0, 6).join(', ')}${extra.length > 6 ? ` … (${extra.length})` : ''}`);
  return parts.join('; ') || 'same';
}

function sprintKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Whether a name ends where `rest` begins: "Sprint 1" ends in "Sprint 1: Foundation", not in "Sprint 10" or "Sprint 1-2". */
function endsHere(rest: string): boolean {
  return !/^[\p{L}\p{N}]/u.test(rest) && !/^\s*[-–—.]\s*\d/u.test(rest);
}

/** The model's sprint a label's sprint name means: the same name, or a richer form that starts with it. */
function findSprint(backlog: Backlog, label: string): Backlog['sprints'][number] | undefined {
  const wanted = sprintKey(label);
  const sprints = backlog.sprints.map((sprint) => ({ sprint, name: sprintKey(sprint.name) }));
  return (
    sprints.find((entry) => entry.name === wanted)?.sprint ??
    sprints.find((entry) => entry.name.startsWith(wanted) && endsHere(entry.name.slice(wanted.length)))?.sprint
  );
}

function claimChecks(labels: DocumentLabels, problems: readonly Problem[]): Check[] {
  const claims = [...(labels.claims ?? [])];
  const claimLines = [...new Set(claims.map((claim) => claim.line))].sort((a, b) => a - b);
  const findings = new Map<number, Problem[]>();
  const strays: Problem[] = [];
  const conflictIds = (labels.conflicts ?? []).map((conflict) => conflict.id);
  for (const problem of problems) {
    if (!CLAIM_RULES.has(problem.rule)) continue;
    if (problem.rule === 'estimate-conflict' && conflictIds.some((id) => problem.message.includes(id))) continue;
    const owner = nearestClaim(claimLines, problem.line);
    if (owner === undefined) strays.push(problem);
    else findings.set(owner, [...(findings.get(owner) ?? []), problem]);
  }
  const wrongLines = new Set(claims.filter((claim) => claim.ok === false).map((claim) => claim.line));
  const checks = claims.map((claim: LabelClaim): Check => {
    const found = findings.get(claim.line) ?? [];
    const wrong = claim.ok === false;
    // A right figure on the line of a wrong one cannot be told apart by its line.
    const pass = wrong ? found.length > 0 : found.length === 0 || wrongLines.has(claim.line);
    return {
      name: `claim line ${claim.line}`,
      pass,
      expected: wrong ? `reported: ${claim.text.slice(0, 60)}` : 'quiet',
      actual: found.length ? found.map((problem) => `${problem.rule}: ${problem.message.slice(0, 80)}`).join(' / ') : 'quiet',
    };
  });
  checks.push({
    name: 'no other stated-figure findings',
    pass: strays.length === 0,
    expected: 'none',
    actual: strays.length
      ? strays.map((problem) => `${problem.line} ${problem.rule}: ${problem.message.slice(0, 60)}`).join(' / ')
      : 'none',
  });
  for (const conflict of labels.conflicts ?? []) {
    const found = problems.some((problem) => problem.rule === 'estimate-conflict' && problem.message.includes(conflict.id));
    checks.push({ name: `estimate conflict ${conflict.id}`, pass: found, expected: 'reported', actual: found ? 'reported' : 'quiet' });
  }
  return checks;
}

function criticalPathChecks(labels: DocumentLabels, reading: Reading, resolve: (key: string) => Item | undefined): Check[] {
  const label = labels.critical_path;
  if (!label) return [];
  const result = reading.criticalPath;
  if (result instanceof Error) {
    const actual = `no critical path: ${result.message.slice(0, 80)}`;
    return [
      { name: 'critical path length', pass: false, expected: `${label.length} ${label.unit}`, actual },
      { name: 'critical path chain', pass: false, expected: label.chain.join(' → '), actual },
    ];
  }
  const ours = label.unit === 'items' ? (result.paths[0]?.length ?? 0) : convert(result.length, result.unit, label.unit);
  const wanted = label.chain.map((key) => resolve(key)?.id ?? `?${key}`);
  const found = result.paths.some((path) => path.length === wanted.length && path.every((id, index) => id === wanted[index]));
  return [
    {
      name: 'critical path length',
      pass: ours !== null && near(ours, label.length),
      expected: `${label.length} ${label.unit}`,
      actual: ours === null ? `${round(result.length)} ${result.unit ?? ''}` : `${round(ours)} ${label.unit}`,
    },
    {
      name: 'critical path chain',
      pass: found,
      expected: label.chain.join(' → '),
      actual: result.paths.length
        ? `${result.paths[0].join(' → ')}${result.paths.length > 1 ? ` (+${result.paths.length - 1} more)` : ''}`
        : 'none',
    },
  ];
}

/** Every check of one document: the reading against the careful reader's labels. */
export function scoreDocument(labels: DocumentLabels, reading: Reading): DocumentScore {
  const { backlog } = reading;
  const work = workItems(backlog, indexById(backlog.items));
  const workIds = new Set(work.map((item) => item.id));
  const resolve = makeResolver(work);
  const checks: Check[] = [];
  const add = (name: string, pass: boolean, expected: unknown, actual: unknown) =>
    checks.push({ name, pass, expected: String(expected), actual: String(actual) });

  add('items', work.length === labels.items, labels.items, work.length);

  const labelIds = labels.ids.filter((id): id is string => id !== null);
  if (labelIds.length > 0) {
    const found = labelIds.map((id) => resolve(id)?.id ?? `?${id}`);
    const named = new Set(found);
    const unlabelled = work.filter((item) => !named.has(item.id) && !item.anonymous).map((item) => item.id);
    const missing = labelIds.filter((_, index) => found[index].startsWith('?'));
    add('ids', missing.length === 0 && unlabelled.length === 0, `${labelIds.length} IDs`, listDiff(missing, unlabelled));
  }

  const modelUnit = MODEL_UNIT[labels.unit];
  add('unit', backlog.unit === modelUnit, labels.unit, backlog.unit ?? 'none');

  const estimated = work.filter((item) => item.estimate !== null).length;
  add('estimated', estimated === labels.estimated, labels.estimated, estimated);

  if (labels.total !== null) {
    let sum = 0;
    for (const item of work) if (item.estimate) sum += convert(item.estimate.expected, item.estimate.unit, labels.unit) ?? 0;
    add('total', near(sum, labels.total), `${labels.total} ${labels.unit}`, `${round(sum)} ${labels.unit}`);
  }

  const done = work.filter((item) => item.done);
  if (labels.done_ids) {
    const wanted = labels.done_ids.map((id) => resolve(id)?.id ?? `?${id}`);
    const { pass, missing, extra } = sameSet(
      wanted,
      done.map((item) => item.id),
    );
    add('done', pass, `${labels.done_ids.length} done`, listDiff(missing, extra));
  } else {
    add('done', done.length === labels.done, labels.done, done.length);
  }

  const labelSprints = Object.entries(labels.sprints ?? {});
  if (labelSprints.length === 0) {
    const held = backlog.sprints.filter((sprint) => sprint.items.some((id) => workIds.has(id)));
    add('no sprints', held.length === 0, 'none', held.map((sprint) => sprint.name).join(', ') || 'none');
  }
  for (const [name, count] of labelSprints) {
    const sprint = findSprint(backlog, name);
    const members = sprint ? sprint.items.filter((id) => workIds.has(id)).length : 0;
    add(`sprint ${name}`, members === count, count, sprint ? `${members} in "${sprint.name}"` : 'no such sprint');
  }

  const wantedEdges = Object.entries(labels.deps ?? {}).flatMap(([item, prerequisites]) =>
    prerequisites.map((prerequisite) => `${resolve(item)?.id ?? `?${item}`} ← ${resolve(prerequisite)?.id ?? `?${prerequisite}`}`),
  );
  const ourEdges = work.flatMap((item) =>
    item.dependsOn.filter((prerequisite) => workIds.has(prerequisite)).map((prerequisite) => `${item.id} ← ${prerequisite}`),
  );
  const edges = sameSet(wantedEdges, ourEdges);
  add('dependencies', edges.pass, `${new Set(wantedEdges).size} edges`, listDiff(edges.missing, edges.extra));

  const ourUnresolved = work.flatMap((item) => item.unresolved);
  const labelUnresolved = labels.unresolved ?? [];
  if (labelUnresolved.length > 0 || ourUnresolved.length > 0) {
    const lower = ourUnresolved.map((reference) => normalise(reference));
    const pass =
      new Set(lower).size === labelUnresolved.length &&
      labelUnresolved.every((reference) => lower.some((entry) => entry.includes(normalise(reference))));
    add('unresolved', pass, labelUnresolved.join(', ') || 'none', ourUnresolved.join(', ') || 'none');
  }

  checks.push(...claimChecks(labels, reading.problems));
  checks.push(...criticalPathChecks(labels, reading, resolve));
  return { file: labels.file, checks };
}
