import { parse as parseYaml } from 'yaml';
import { rolesOf } from './columns.js';
import { readGantt } from './gantt.js';
import { cleanId, looksLikeColumnId, looksLikeId } from './ids.js';
import { labelOf, readKeyValues } from './key-values.js';
import { isCriteriaLabel } from './section-names.js';
import { readSprintName } from './sprints.js';
import { CRITICAL_PATH, ITEM_HEADING, stripDecoration, type DocumentContext } from './document-context.js';

const COMMITMENT_LABEL = /^(?:commitment|committed|commitments?|scope|items|stories|backlog|sprint backlog|selected|planned|zugesagt|engagement|compromisso|compromiso|обязательства|承诺)$/i;

/** A front-matter value as text: lists joined by commas. */
function flatten(value: unknown): string {
  if (Array.isArray(value)) return value.map(flatten).join(', ');
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
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
    ctx.listMode = COMMITMENT_LABEL.test(label) ? 'members' : 'other';
    return;
  }
  // A stated critical path under the last story is the document's, not that story's metadata.
  if (item && CRITICAL_PATH.test(text) && ctx.criticalPathText(text, ctx.line)) return;
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

/**
 * "**US-12 — Export CSV**" on a line of its own introduces an item as a heading would; the
 * `Key: value` lines and tasks after it belong to it.
 */
function boldItemLine(ctx: DocumentContext, text: string): boolean {
  const raw = (ctx.sourceLines[ctx.line - 1] ?? '').trim();
  if (!/^(?:\*\*|__)/.test(raw) || text.length > 160) return false;
  const match = ITEM_HEADING.exec(stripDecoration(text));
  if (!match || !/[:：–—-]/.test(text.slice(match[1].length, match[1].length + 4)) || !match[2]) return false;
  const id = cleanId(match[1]);
  if (!looksLikeId(id, ctx.extraIds)) return false;
  const { title, estimate } = ctx.titleAndEstimate(match[2]);
  const parent = ctx.stack.findLast((frame) => frame.item)?.item ?? null;
  ctx.records.push(ctx.record(id, { title, estimate, parent, container: `line:${ctx.line}` }));
  ctx.lineFrame = { ...ctx.lineFrame, depth: 7, item: id };
  return true;
}

export function readCode(ctx: DocumentContext, text: string): void {
  for (const task of readGantt(text, ctx.estimateContext)) {
    const record = ctx.record(task.id, { title: task.title, estimate: task.estimate, done: task.done || null, container: `gantt:${ctx.line}` });
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
  const entries = Object.entries(data as Record<string, unknown>).map(([key, value]) => [key.replace(/[_-]+/g, ' '), flatten(value)] as const);
  const id = entries.find(([key, value]) => /^(?:id|key|ticket|issue)$/i.test(key) && looksLikeColumnId(value, ctx.extraIds))?.[1];
  if (!id) return;
  const record = ctx.record(cleanId(id), { title: null, container: 'frontmatter' });
  for (const [key, value] of entries) {
    record.fields[key] = value;
    const role = rolesOf(key).find((candidate) => candidate !== 'id');
    if (role) ctx.applyRole(record, role, value, key);
  }
  ctx.records.push(record);
  ctx.pendingTitle = record;
}
