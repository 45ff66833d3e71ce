import { parse as parseYaml } from 'yaml';
import { rolesOf } from '../roles/header-roles.js';
import { dependencyListAfter } from '../values/dependency-list.js';
import { readGantt } from './gantt.js';
import { cleanId, looksLikeColumnId } from '../values/ids.js';
import { labelOf, readKeyValues } from '../roles/key-values.js';
import { isCriteriaLabel } from '../evidence/section-names.js';
import { readSprintName, type SprintName } from '../values/sprints.js';
import { LEXICON, perLexicon } from '../lexicon/lexicon.js';
import { CRITICAL_PATH, type DocumentContext } from './document-context.js';
import { itemLead } from './read-lead.js';
import { readDoneMarks } from '../values/title-marks.js';

/** A front-matter value as text: lists joined by commas. */
function flatten(value: unknown): string {
  if (Array.isArray(value)) return value.map(flatten).join(', ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  const scalar = value as string | number | boolean; // the rest of what yaml parses to
  return String(scalar);
}

/** A line of a paragraph: a label, `Key: value` metadata or figures, a sprint or epic line. */
export function readLine(ctx: DocumentContext, text: string): void {
  if (boldItemLine(ctx, text)) return;
  if (isCriteriaLabel(text)) {
    ctx.listMode = 'criteria';
    ctx.criteriaList = null;
    return;
  }
  const item = ctx.nearest('item');
  const pairs = readKeyValues(text);
  const label = labelOf(text);
  if (label) {
    if (item && dependencyLabel(ctx, item, label)) return;
    const sprint = sprintInLabel(label);
    if (sprint) {
      // "Committed Sprint 1 scope:", "Planned for Sprint 2:": the list below commits items to that sprint.
      ctx.lineFrame = { depth: 7, sprint };
      ctx.registerSprint(sprint);
      ctx.listMode = 'members';
      return;
    }
    ctx.listMode = LEXICON.is('commitmentLabel', label) ? 'members' : 'other';
    return;
  }
  // A stated critical path under the last story is the document's, not that story's metadata.
  if (item && CRITICAL_PATH().test(text) && ctx.criticalPathText(text, ctx.line)) return;
  if (pairs.length > 0 && item && !ctx.isClaimLine(pairs)) {
    ctx.metadata(item, pairs);
    return;
  }
  if (pairs.length > 0 && ctx.keyValueClaims(pairs)) return;
  if (ctx.criticalPathText(text, ctx.line)) return;
  const sprint = readSprintName(text);
  if (sprint && text.length < 120) {
    ctx.lineFrame = { depth: 7, sprint };
    ctx.registerSprint(sprint);
    ctx.listMode = 'members';
    return;
  }
  const group = ctx.knownGroupLead(text);
  if (group && text.length < 120) {
    ctx.lineFrame = { depth: 7, group };
    ctx.listMode = null;
  }
}

/** "… Sprint 2 …": a sprint named among a label's words. */
const SPRINT_IN_LABEL = perLexicon(
  (lexicon) => new RegExp(String.raw`(?:^|\s)((?:${lexicon.source('sprintWord')})\s*#?\d+(?:\.\d+)?)(?![\d.])`, 'iu'),
);

/** The sprint a label names inside its words, unless the list is criteria or left out of the sprint. */
function sprintInLabel(label: string): SprintName | null {
  const named = SPRINT_IN_LABEL().exec(label);
  if (!named || LEXICON.contains('criteria', label) || LEXICON.contains('outsideSprint', label) || LEXICON.contains('leftOut', label))
    return null;
  return readSprintName(named[1], true);
}

/**
 * "Depends on:" (or "**Blocked by:**", "Dependencies:") under a story, then a list of IDs: the
 * story's dependencies, as "Depends on: US-1, US-2" would be. The list's entries name other
 * stories; like acceptance criteria, they are no items and no sprint members.
 */
function dependencyLabel(ctx: DocumentContext, item: string, label: string): boolean {
  if (!rolesOf(label).includes('dependsOn')) return false;
  const ids = dependencyListAfter(ctx.sourceLines, ctx.line, ctx.extraIds);
  if (!ids) return false;
  ctx.metadata(item, [{ key: label, value: ids.join(', ') }]);
  ctx.listMode = 'criteria';
  ctx.criteriaList = null;
  return true;
}

/**
 * "**US-12 — Export CSV**" on a line of its own introduces an item as a heading would; the
 * `Key: value` lines and tasks after it belong to it.
 */
function boldItemLine(ctx: DocumentContext, text: string): boolean {
  const raw = (ctx.sourceLines[ctx.line - 1] ?? '').trim();
  if (!/^(?:\*\*|__)/.test(raw) || text.length > 160) return false;
  const marks = readDoneMarks(text);
  const lead = itemLead(ctx, marks.text, 'bold');
  if (!lead?.title || !/[:：–—\-·|]/.test(lead.separator ?? '')) return false;
  const { title, estimate } = ctx.titleAndEstimate(lead.title);
  // "**A1: Schema** ✅ (2 hours)": the mark stands between the title and its estimate.
  const titleMarks = readDoneMarks(title ?? '');
  const parent = ctx.stack.findLast((frame) => frame.item)?.item ?? null;
  const done = marks.done || titleMarks.done || lead.done || null;
  ctx.records.push(ctx.record(lead.id, { title: titleMarks.text || null, estimate, parent, done, container: `line:${ctx.line}` }));
  ctx.lineFrame = { ...ctx.lineFrame, depth: 7, item: lead.id };
  return true;
}

export function readCode(ctx: DocumentContext, text: string): void {
  for (const task of readGantt(text, ctx.estimateContext)) {
    const record = ctx.record(task.id, {
      title: task.title,
      estimate: task.estimate,
      done: task.done || null,
      container: `gantt:${ctx.line}`,
    });
    record.references.push(...task.after);
    record.group = task.section ?? record.group;
    record.source = ctx.position(ctx.line + 1 + task.line);
    ctx.ganttRecords.push(record);
  }
  if (!ctx.nearest('criticalPath')) return;
  const index = text.split('\n').findIndex((line) => /→|->|=>/.test(line));
  ctx.criticalPathText(text, ctx.line + 1 + Math.max(index, 0));
}

/**
 * The front matter of a sprint file (`sprint: 12`, `capacity: 34 pts`, `velocity: 30`): what the
 * file lists is that sprint's, and its figures are claims, as under a "## Sprint 12" heading
 * with "Capacity: 34" lines. The frame sits below every heading, so "## Out of sprint" still
 * leaves it.
 */
function sprintFrontMatter(ctx: DocumentContext, entries: (readonly [string, string])[]): void {
  const named = entries.find(([key]) => rolesOf(key)[0] === 'sprint');
  const sprint = named ? (readSprintName(named[1], true) ?? readSprintName(named[1])) : null;
  if (!named || !sprint) return;
  ctx.stack.push({ depth: 0, sprint });
  ctx.registerSprint(sprint);
  ctx.listMode = 'members';
  const start = ctx.line;
  for (const [key, value] of entries) {
    if (key === named[0]) continue;
    ctx.line = frontMatterLine(ctx.sourceLines, start, key);
    ctx.keyValueClaims([{ key, value }]);
  }
  ctx.line = start;
}

/** The line that sets `key` in the front matter opened at line `start`, so that a claim points at it. */
function frontMatterLine(lines: readonly string[], start: number, key: string): number {
  const words = key.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const setsKey = new RegExp(`^\\s*${words.join('[ _-]+')}\\s*:`, 'i');
  for (let index = start; index < lines.length && lines[index].trim() !== '---'; index++) {
    if (setsKey.test(lines[index])) return index + 1;
  }
  return start;
}

/**
 * A story kept as a file of its own, described by YAML front matter (`id`, `title`, `points`,
 * `depends_on`, `sprint`, `status`…). The first heading gives the title when the front matter
 * does not.
 */
export function readFrontMatter(ctx: DocumentContext, text: string): void {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return;
  const entries = Object.entries(data as Record<string, unknown>).map(
    ([key, value]) => [key.replace(/[_-]+/g, ' '), flatten(value)] as const,
  );
  const id = entries.find(([key, value]) => LEXICON.is('idField', key) && looksLikeColumnId(value, ctx.extraIds))?.[1];
  if (!id) {
    sprintFrontMatter(ctx, entries);
    return;
  }
  const record = ctx.record(cleanId(id), { title: null, container: 'frontmatter' });
  for (const [key, value] of entries) {
    record.fields[key] = value;
    const role = rolesOf(key).find((candidate) => candidate !== 'id');
    if (role) ctx.applyRole(record, role, value, key);
  }
  ctx.records.push(record);
  ctx.pendingTitle = record;
}
