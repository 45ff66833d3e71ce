import type { DocumentContext } from './document-context.js';
import type { LeadPlace } from '../evidence/id-evidence.js';
import { splitLead } from '../evidence/item-lead.js';
import { cleanId } from '../values/ids.js';
import { LEXICON } from '../lexicon/lexicon.js';

/** The item a heading, bold line or list entry starts with: its ID, the title after it, and a ticked box. */
export interface ItemLeadReading {
  id: string;
  title: string;
  done: boolean;
  /** What separates the ID from the title (":", "—"), or "" for a space. */
  separator?: string;
}

/** "Phase-1", "Milestone 2", "Stage 3": a stage of the plan, never an item of its own. */
function namesStage(token: string): boolean {
  const word = /^(\p{L}+)[\s\-\u2011]?#?\d/u.exec(token);
  return word !== null && LEXICON.is('containerWord', word[1]);
}

/** The item lead of a text, when its token is one of the document's IDs in that place. */
export function itemLead(ctx: DocumentContext, text: string, place: LeadPlace): ItemLeadReading | null {
  const lead = splitLead(text);
  if (!lead || namesStage(lead.token)) return null;
  const id = cleanId(lead.token, ctx.extraIds);
  const wordId = /^\p{L}[\p{L}-]*(?:\s\p{L}+)?\s+#?\d/u.test(id);
  if (!wordId && !ctx.ids.accepts(id, place)) return null;
  return { id, title: lead.title, done: lead.box !== null && /[xX✓✔]/.test(lead.box), separator: lead.separator };
}
