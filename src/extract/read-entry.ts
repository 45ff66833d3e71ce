import { estimateInTitle } from './estimates.js';
import { cleanId, looksLikeId } from './ids.js';
import { readKeyValues } from './key-values.js';
import { parseReferences } from './references.js';
import { readSprintName } from './sprints.js';
import { stripDecoration, type DocumentContext } from './document-context.js';

/** A list entry: sprint commitments, checkbox tasks, item definitions or an item's metadata. */
export function readEntry(ctx: DocumentContext, text: string, checked: boolean | null): void {
  const item = ctx.nearest('item');
  const pairs = readKeyValues(text);
  const value = stripDecoration(text);

  // "- **Sprint 1 (week 1):** US‑01, US‑03, US‑04 (basic CRUD)"
  const sprintLead = /^([^:]{1,60}):\s*(.*)$/.exec(value);
  const sprint = sprintLead ? readSprintName(sprintLead[1]) : null;
  if (sprint && sprintLead) {
    const ids = ctx.idsIn(sprintLead[2]);
    if (ids.length > 0) {
      ctx.registerSprint(sprint);
      for (const id of ids) ctx.sprints.get(sprint.key)!.members.push({ id, partial: null, source: ctx.position() });
      return;
    }
  }
  const lead = /^([^\s:–—,]+(?:\s#?\d+(?:\.\d+)*)?)\s*([:–—-]\s*|\s+|$)(.*)$/u.exec(value);
  const id = lead && looksLikeId(cleanId(lead[1]), ctx.extraIds) ? cleanId(lead[1]) : null;
  const currentSprint = ctx.nearest('sprint');
  if (id && lead && ctx.listMode === 'members' && currentSprint && !item && checked === null) {
    // "AION-702 partly for capture" carries a note on the commitment; "US-4: Export" or
    // "US-4 Export" a title.
    const rest = lead[3].trim();
    const titled = /^[:–—-]/.test(lead[2]) || /^[\p{Lu}\p{Lo}\d]/u.test(rest);
    ctx.sprints.get(currentSprint.key)!.members.push({ id, partial: !titled && rest ? rest : null, source: ctx.position() });
    if (titled && rest) ctx.records.push(ctx.record(id, { title: rest, container: `list:${ctx.line}`, reference: true }));
    return;
  }
  // A checkbox task, a task listed under its story, or an entry that carries its own estimate
  // ("1. US-5 Export CSV — 3 SP") defines an item; other entries that start with an ID only
  // mention one ("- AION-101 through AION-104").
  const estimated = lead !== null && estimateInTitle(lead[3]) !== null;
  if (id && lead && (checked !== null || estimated || (item && /^[:–—]/.test(lead[2])))) {
    const dependency = /[\s(—–-]+(?:depends on|blocked by|after|requires|needs)\s+([^)]*)\)?\s*$/i.exec(lead[3]);
    const { title, estimate } = ctx.titleAndEstimate(dependency ? lead[3].slice(0, dependency.index) : lead[3]);
    const record = ctx.record(id, { title, estimate, parent: item ?? null, done: checked, container: `list:${item ?? ''}` });
    if (dependency) record.references.push(...parseReferences(dependency[1], ctx.extraIds));
    ctx.records.push(record);
    return;
  }
  if (pairs.length > 0 && item && !ctx.isClaimLine(pairs)) {
    ctx.metadata(item, pairs);
    return;
  }
  if (pairs.length > 0) ctx.keyValueClaims(pairs);
}
