import { estimateInTitle, toNumber } from '../values/estimates.js';
import { idKey } from '../values/ids.js';
import { readKeyValues } from '../roles/key-values.js';
import { isCriteriaHeading, isOutsideSprintHeading, statusOfHeading } from '../evidence/section-names.js';
import { readSprintName, readWeekName, type SprintName } from '../values/sprints.js';
import { readDoneMarks, unbracketLeadingId, unknownEstimateForm } from '../values/title-marks.js';
import { splitLead } from '../evidence/item-lead.js';
import { sectionFacts } from '../evidence/section-facts.js';
import { itemLead, type ItemLeadReading } from './read-lead.js';
import { CRITICAL_PATH, stripDecoration, type DocumentContext, type Frame } from './document-context.js';
import { perLexicon } from '../lexicon/lexicon.js';

/** "## Epic 2: Payments", "## Эпик 1 — Авторизация": an epic's heading, its number and name. */
const GROUP_HEADING = perLexicon(
  (lexicon) => new RegExp(String.raw`^${lexicon.bounded('groupWord')}\s*[#:]?\s*([\w.\u2011-]*\d[\w.\u2011-]*)?\s*[:–—-]?\s*(.*)$`, 'iu'),
);
/** "### 5 Point Stories", "### 3 Punkte": the estimate of the items below. */
const SIZE_HEADING = perLexicon(
  (lexicon) => new RegExp(String.raw`^(\d+(?:[.,]\d+)?)\s*[-‐]?\s*(?:${lexicon.source('unitPoints')})(?![\p{L}\p{N}])`, 'iu'),
);
/** "### Grower Track": a track of the plan. */
const TRACK_HEADING = perLexicon((lexicon) => new RegExp(String.raw`^(.+?)\s+${lexicon.bounded('trackWord')}$`, 'iu'));
const GROUP_ID = /^((?:EP|EPIC|E)[-\u2011]?\d+)\b\s*[:–—-]?\s*(.*)$/u;

/** A heading opens a section: a sprint, an epic, a track, a size ("5 Point Stories") or an item. */
export function readHeading(ctx: DocumentContext, depth: number, raw: string): void {
  if (ctx.pendingTitle) {
    ctx.pendingTitle.title ??= stripDecoration(raw);
    ctx.pendingTitle = null;
  }
  while (ctx.stack.length > 0 && ctx.stack[ctx.stack.length - 1].depth >= depth) ctx.stack.pop();
  ctx.lineFrame = null;
  ctx.listMode = null;
  const marks = readDoneMarks(raw);
  const text = stripDecoration(unbracketLeadingId(marks.text, ctx.extraIds));
  const frame: Frame = { depth, title: text };
  const parentItem = ctx.nearest('item');
  const pairs = readKeyValues(text);
  const sprint = readSprintName(text);
  const status = statusOfHeading(text);
  const week = sprint ? null : weekOf(ctx, text);
  // "### Спринт 1 (P1 — 72-96 часов)": a title's figures are about the section it opens.
  if (!parentItem && pairs.length === 0) ctx.keyValueClaims(pairs);
  if (isCriteriaHeading(text)) {
    frame.criteria = true;
  } else if (isOutsideSprintHeading(text)) {
    frame.sprint = null;
  } else if (parentItem && pairs.length > 0 && !itemLead(ctx, text, 'heading')) {
    // "### Estimativa: 5 Story Points" under a story heading is metadata of that story.
    ctx.metadata(parentItem, pairs);
  } else if (!parentItem && pairs.length > 0 && ctx.keyValueClaims(pairs)) {
    // "### Difficulté totale: 47" states a figure; it opens no section of its own.
  } else if (sprint) {
    frame.sprint = sprint;
    ctx.registerSprint(sprint);
    ctx.listMode = 'members';
  } else if (week) {
    frame.sprint = week;
    ctx.registerSprint(week);
    ctx.listMode = 'members';
  } else if (CRITICAL_PATH().test(text)) {
    frame.criticalPath = true;
  } else if (!groupHeading(ctx, text, frame)) {
    const size = SIZE_HEADING().exec(text);
    const track = TRACK_HEADING().exec(text);
    if (size) frame.size = { raw: size[0], value: toNumber(size[1]), unit: 'points' };
    else if (track) frame.track = track[1];
    else if (status) frame.status = status;
    else {
      frame.item = itemHeading(ctx, marks.text, { parent: parentItem, depth, done: marks.done });
      // "## ストーリー1: ログイン画面（5pt）": a piece of work with no ID; the list under it is its breakdown.
      if (!frame.item && estimateInTitle(text)) frame.work = true;
    }
  }
  ctx.stack.push(frame);
}

/** A week of a weekly plan, unless the week is part of a sprint ("## Sprint 1 (Weeks 1-2)", "4-Wochen-Sprint"). */
function weekOf(ctx: DocumentContext, text: string): SprintName | null {
  return ctx.insideSprint() ? null : readWeekName(text);
}

/**
 * "## Epic 1: Content Audit" with its own "Estimated Effort" or "Dependencies" over tasks that
 * carry no estimate: the epic is the planned item, its tasks its breakdown.
 */
function plannedAsItem(ctx: DocumentContext, number: string | undefined): boolean {
  if (!number) return false;
  const facts = sectionFacts(ctx.sourceLines, ctx.line);
  return (facts.ownRoles.has('estimate') || facts.ownRoles.has('dependsOn')) && !facts.estimatedBelow;
}

function groupHeading(ctx: DocumentContext, text: string, frame: Frame): boolean {
  const listed = ctx.knownGroupLead(text);
  if (listed) {
    frame.group = listed;
    return true;
  }
  const known = GROUP_ID.exec(text);
  if (known && (ctx.groupNames.has(idKey(known[1])) || /^EP/i.test(known[1]))) {
    frame.group = ctx.registerGroup(known[1], known[2].trim());
    return true;
  }
  const epic = GROUP_HEADING().exec(text);
  if (epic && (epic[1] || epic[2]) && !plannedAsItem(ctx, epic[1])) {
    frame.group = ctx.registerGroup(epic[1] ? `Epic ${epic[1]}` : null, epic[2].trim());
    return true;
  }
  return false;
}

/** "### US-12: Guest checkout (3 SP) ✅": an item, among the other item headings of its level. */
function itemHeading(
  ctx: DocumentContext,
  text: string,
  place: { parent: string | undefined; depth: number; done: boolean },
): string | undefined {
  if (ctx.nearest('criteria')) return undefined;
  const lead = itemLead(ctx, text, 'heading') ?? restatedRow(ctx, text);
  if (!lead) return undefined;
  const { title, estimate } = ctx.titleAndEstimate(lead.title);
  // "A1: Schema ✅ (2 hours)": a mark between the title and its estimate.
  const marks = readDoneMarks(title ?? '');
  const record = ctx.record(lead.id, {
    title: marks.text || null,
    estimate,
    parent: place.parent ?? null,
    done: place.done || marks.done || lead.done || null,
    container: `heading:${ctx.line}`,
    siblings: `heading:${place.depth}`,
  });
  if (!estimate && title) record.titleEstimate = unknownEstimateForm(title);
  ctx.records.push(record);
  return lead.id;
}

/**
 * "## 1. Auth System" after a table whose row 1 is "Auth System": the section of that row's
 * item. A numbered heading that restates no row is a chapter, not an item.
 */
function restatedRow(ctx: DocumentContext, text: string): ItemLeadReading | null {
  const lead = splitLead(text);
  if (!lead || !/^\d+(?:\.\d+)*$/.test(lead.token) || !lead.title) return null;
  const row = ctx.records.find((record) => record.id === lead.token && record.title !== null);
  return row && sameTitle(row.title!, lead.title) ? { id: lead.token, title: lead.title, done: false } : null;
}

function sameTitle(a: string, b: string): boolean {
  const plain = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const [x, y] = [plain(a), plain(b)];
  return x !== '' && (x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `));
}
