import { estimateInTitle } from '../values/estimates.js';
import { CARD_MARKS, isEstimatedWork } from '../evidence/estimated-work.js';
import { cleanId } from '../values/ids.js';
import { claimsFromKeyValue } from '../values/claims.js';
import { LEXICON } from '../lexicon/lexicon.js';
import { readKeyValues } from '../roles/key-values.js';
import { parseReferences } from '../values/references.js';
import type { ListEntry } from '../evidence/list-structure.js';
import { anonymousId, type ItemRecord } from './item-record.js';
import { readSprintName, readWeekName } from '../values/sprints.js';
import { inlineDependency, readDoneMarks, unknownEstimateForm, withoutEstimatePlaceholder } from '../values/title-marks.js';
import { stripDecoration, type DocumentContext } from './document-context.js';

/** A list entry: sprint commitments, checkbox tasks, item definitions or an item's metadata. */
export function readEntry(ctx: DocumentContext, text: string, checked: boolean | null): void {
  const { entry, parent } = ctx.lists.enter(ctx.line);
  // Acceptance criteria and a Definition of Done check a story's work; they are no work items.
  if (ctx.nearest('criteria') || inCriteriaList(ctx, entry)) return;
  // "1. **Activation Funnel** → **Session Replay**" under a critical-path heading states a chain.
  if (ctx.nearest('criticalPath') && ctx.criticalPathText(text, ctx.line)) return;
  // An entry nested in an item's entry belongs to that item, as a task list belongs to its story.
  const item = parent?.item ?? ctx.nearest('item');
  const pairs = readKeyValues(text);
  const marks = readDoneMarks(text);
  const value = stripDecoration(marks.text);

  // "- **Sprint 1 (week 1):** US‑01, US‑03, US‑04 (basic CRUD)"
  const sprintLead = /^([^:]{1,60}):\s*(.*)$/.exec(value);
  const sprint = sprintLead ? (readSprintName(sprintLead[1]) ?? (ctx.insideSprint() ? null : readWeekName(sprintLead[1]))) : null;
  if (sprint && sprintLead) {
    const ids = ctx.idsIn(sprintLead[2]);
    if (ids.length > 0) {
      ctx.registerSprint(sprint);
      for (const id of ids) ctx.sprints.get(sprint.key)!.members.push({ id, partial: null, source: ctx.position() });
      return;
    }
  }
  const lead = /^([^\s:–—,]+(?:\s#?\d+(?:\.\d+)*)?)\s*([:–—-]\s*|\s+|$)(.*)$/u.exec(value);
  const id = lead && ctx.ids.accepts(cleanId(lead[1], ctx.extraIds), 'entry') ? cleanId(lead[1], ctx.extraIds) : null;
  if (id && lead) {
    const rest = lead[3].trim();
    // "US-4: Export" and "US-4 Export" carry a title; "AION-702 partly for capture" a note.
    const titled = rest !== '' && (/^[:–—-]/.test(lead[2]) || /^[\p{Lu}\p{Lo}\d]/u.test(rest));
    const estimated = estimateInTitle(rest) !== null;
    const done = marks.done || checked;
    const currentSprint = ctx.nearest('sprint');
    if (ctx.listMode === 'members' && currentSprint && !item && checked === null) {
      // A commitment list names items; an entry that carries its own title or estimate
      // ("OTR-21 Search filters — 8 pts") also defines the item it commits.
      ctx.sprints
        .get(currentSprint.key)!
        .members.push({ id, partial: !titled && !estimated && rest ? rest : null, source: ctx.position() });
      if (titled || estimated) defineItem(ctx, entry, id, rest, { parent: null, done, mention: !estimated });
      return;
    }
    // A checkbox task, a task listed under its story, or an entry that carries its own estimate
    // ("1. US-5 Export CSV — 3 SP") defines an item. A titled entry without either ("- **RM-3**
    // Gamma") is one in a list of such items, and only there; other entries that start with an
    // ID only mention one ("- AION-101 through AION-104").
    const definite = checked !== null || estimated || (item !== undefined && /^[:–—]/.test(lead[2]));
    if (definite || titled) {
      const record = defineItem(ctx, entry, id, rest, { parent: item ?? null, done, mention: false });
      record.needsListItems = !definite;
      return;
    }
  }
  if (
    !id &&
    !item &&
    !ctx.nearest('work') &&
    !storyFile(ctx) &&
    anonymousEntry(ctx, entry, marks.text, { done: marks.done || checked, checked, nested: parent !== null })
  )
    return;
  // A ticked task ("- [x] Helpers (e.g.: isFeed…)") is no `Key: value` line, whatever its colons.
  if (pairs.length > 0 && item && checked === null && !ctx.isClaimLine(pairs)) {
    ctx.metadata(item, pairs);
    return;
  }
  if (pairs.length > 0) ctx.keyValueClaims(pairs);
  else listedFigure(ctx, marks.text);
}

/** "15 hours (C2-C5)": a figure, and the items it is about. */
const LISTED_FIGURE = /^(~?\s*\d[^()（）]*?)\s*[(（]([^()（）]+)[)）]\s*$/u;

/** A total stated for the items a parenthesis lists, when every one of them is an ID. */
function listedFigure(ctx: DocumentContext, text: string): void {
  const match = LISTED_FIGURE.exec(text.replace(/[*_`]/g, '').trim());
  if (!match) return;
  const ids = parseReferences(match[2], ctx.extraIds);
  if (ids.length === 0 || !ids.every((id) => ctx.ids.accepts(id, 'entry'))) return;
  ctx.claims.push(...claimsFromKeyValue('Total', match[1], { file: ctx.source.file, items: ids, listed: true }, ctx.position(), null));
}

/** A story kept as a file of its own (front matter with an ID): every list in it is that story's. */
function storyFile(ctx: DocumentContext): boolean {
  return ctx.records.some((record) => record.container === 'frontmatter');
}

/**
 * Whether the section an entry stands in lists work by its entries alone: a backlog or to-do
 * section ("## Backlog", "## Next steps"), or — for a checklist — a sprint or week right above.
 */
function listsWork(ctx: DocumentContext, checked: boolean | null): boolean {
  const frame = ctx.stack[ctx.stack.length - 1];
  if (!frame || ctx.lineFrame) return false;
  if (frame.title !== undefined && LEXICON.startsWith('workList', frame.title) > 0) return true;
  // A checklist right under a sprint heading, not under a label ("**Gate for S2:**") that says what it lists.
  return checked !== null && frame.sprint !== undefined && frame.sprint !== null && ctx.listMode === 'members';
}

/** The bold title an entry starts with in its source line: "- [ ] **Activation Funnel** (6h)". */
const BOLD_LEAD = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(?:\*\*|__)(.+?)(?:\*\*|__)/u;

/**
 * "- [ ] **Activation Funnel Completion** (6h)": estimated work the document lists without an ID,
 * in the shape of a task (a checkbox or a bold title). It is an item named by its file and line
 * (`anonymous`); whether the document lists enough such work, and whether an entry restates an
 * item defined elsewhere, is settled once the whole document is read (settle-anonymous.ts).
 */
function anonymousEntry(
  ctx: DocumentContext,
  entry: ListEntry,
  text: string,
  place: { done: boolean | null; checked: boolean | null; nested: boolean },
): boolean {
  const bold = BOLD_LEAD.exec(ctx.sourceLines[ctx.line - 1] ?? '')?.[1]
    ?.replace(/[*_`]/g, '')
    .trim();
  // "**Auth System** (24-32ч) — без этого ничего не работает": the bold title and its amount; what follows describes it.
  const stated = bold ? estimateInTitle(text.slice(text.indexOf(bold) + bold.length)) : null;
  const work = bold && stated ? `${bold} (${stated.raw})` : text.replace(/[*_`]/g, '').replace(CARD_MARKS, '').trim();
  // A long entry is prose, unless a bold title leads it and the rest describes it.
  if (text.length > 240 && !bold) return false;
  let { title, estimate } = isEstimatedWork(work) ? ctx.titleAndEstimate(work) : { title: null, estimate: null };
  if (!title || !estimate) {
    if (place.nested || !listsWork(ctx, place.checked)) return false;
    // Work a backlog or a time box lists without an estimate: the title is what comes before its description.
    title = (bold ?? work.split(/\s+[—–]\s+/u)[0]).trim();
    estimate = null;
    if (!/\p{L}/u.test(title)) return false;
  }
  const done = place.done;
  const record = ctx.record(anonymousId(ctx.source.file, ctx.line), {
    title,
    estimate,
    done,
    container: entry.list,
    siblings: entry.list,
  });
  record.anonymous = true;
  ctx.records.push(record);
  // "  - Depends on: Activation Funnel" nested under it is its metadata.
  entry.item = record.id;
  return true;
}

/** "Acceptance criteria:" as a label introduces the one list below it. */
function inCriteriaList(ctx: DocumentContext, entry: ListEntry): boolean {
  if (ctx.listMode !== 'criteria') return false;
  ctx.criteriaList ??= entry.list;
  if (entry.list === ctx.criteriaList) return true;
  ctx.listMode = 'other';
  return false;
}

/** The item a list entry defines: its title, estimate, dependency note and done mark. */
function defineItem(
  ctx: DocumentContext,
  entry: ListEntry,
  id: string,
  text: string,
  options: { parent: string | null; done: boolean | null; mention: boolean },
): ItemRecord {
  const dependency = inlineDependency(text, ctx.extraIds);
  const { title, estimate } = ctx.titleAndEstimate(withoutEstimatePlaceholder(dependency?.text ?? text));
  const record = ctx.record(id, {
    title,
    estimate,
    parent: options.parent,
    done: options.done,
    // Duplicate IDs count within one list, as within one table.
    container: entry.list,
    reference: options.mention,
    siblings: entry.list,
  });
  if (!estimate && title) record.titleEstimate = unknownEstimateForm(title);
  if (dependency) record.references.push(...dependency.references);
  ctx.records.push(record);
  entry.item = id;
  return record;
}
