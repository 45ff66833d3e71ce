import { idKey } from '../values/ids.js';
import { readDoneMarks } from '../values/title-marks.js';
import type { LeadPlace } from './id-evidence.js';
import { splitLead } from './item-lead.js';

/**
 * The items a document defines where items are defined — the lead of a heading ("### Task 3:
 * …", "## Epic 1: …", "### W0 · …"), of a bold line or of a list entry — gathered from the whole
 * document before any table is read. A table that names such an item at the start of a cell
 * restates it (an estimate table, a schedule, a summary); one that writes "<Word> N" for the
 * numbers of its "<Word>" column names rows the document writes so elsewhere.
 */
export interface DefinedIds {
  /** The defined item a cell starts with: its ID as defined, its title there, and the rest of the cell. */
  leadOf(cell: string): { id: string; title: string; rest: string } | null;
  /**
   * The numbers the document writes after `word` ("Step 1", "Task 3", "手順2"), and whether it
   * puts a space between them; ranges ("Step 1-3") give both ends.
   */
  numbersAfter(word: string): { numbers: ReadonlySet<string>; spaced: boolean };
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u;
const ENTRY = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/u;
const BOLD = /^\s*(?:\*\*|__)/u;
const FENCE = /^\s*(`{3,}|~{3,})/u;
const GENERATED = /<!--\s*(\/?)backlog:[\w-]+\s*-->/u;

/** Markup a lead is read without: emphasis, code marks, a link's target. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Each line where the document defines an item, with the place it stands in. */
function leadLines(lines: readonly string[]): { text: string; place: LeadPlace }[] {
  const found: { text: string; place: LeadPlace }[] = [];
  let fence: string | null = null;
  let generated = false;
  for (const raw of lines) {
    const line = raw.replace(/^(?:\s*>)+\s?/u, '');
    const marker = FENCE.exec(line);
    if (fence !== null) {
      if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker[1];
      continue;
    }
    const section = GENERATED.exec(line);
    if (section) generated = section[1] !== '/';
    if (generated) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      found.push({ text: heading[2], place: 'heading' });
      continue;
    }
    const entry = ENTRY.exec(line);
    if (entry) {
      found.push({ text: entry[1].replace(/^\[[ xX/~✓✔-]\]\s*/u, ''), place: 'entry' });
      continue;
    }
    if (BOLD.test(line)) found.push({ text: line, place: 'bold' });
  }
  return found;
}

/**
 * The defined items of a document from its lines. `accepts` says whether a token stands where
 * the document's IDs stand (evidence/id-evidence.ts), so "W0b" counts among "W0" … "W10".
 */
export function gatherDefinedIds(lines: readonly string[], accepts: (token: string, place: LeadPlace) => boolean): DefinedIds {
  // Where an item is defined best: its heading, else its bold line, else its first list entry.
  const rank: Record<LeadPlace, number> = { heading: 0, bold: 1, entry: 2, cell: 3 };
  const defined = new Map<string, { id: string; title: string; rank: number }>();
  for (const { text, place } of leadLines(lines)) {
    const lead = splitLead(readDoneMarks(plain(text)).text);
    if (!lead || !accepts(lead.token, place)) continue;
    const key = idKey(lead.token);
    const known = defined.get(key);
    if (!known || rank[place] < known.rank) defined.set(key, { id: lead.token, title: lead.title, rank: rank[place] });
  }
  const text = lines.join('\n');
  const written = new Map<string, { numbers: Set<string>; spaced: boolean }>();
  return {
    leadOf(cell) {
      if (defined.size === 0) return null;
      const lead = splitLead(plain(cell));
      const item = lead ? defined.get(idKey(lead.token)) : undefined;
      if (!lead || !item) return null;
      // "LMS-003, LMS-004, …" lists items; it leads with none of them.
      const next = splitLead(lead.title);
      if (/^[,;、，；&+/]/u.test(lead.title) || (next && defined.has(idKey(next.token)))) return null;
      return { id: item.id, title: item.title, rest: lead.title };
    },
    numbersAfter(word) {
      const key = word.toLowerCase();
      let found = written.get(key);
      if (!found) {
        found = { numbers: new Set<string>(), spaced: false };
        const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])${escape(word)}(\s?)#?(\d+)(?:\s*[-–~〜～]\s*(\d+))?(?!\p{N}|\.\d)`, 'giu');
        for (const match of text.matchAll(pattern)) {
          found.numbers.add(String(Number(match[2])));
          if (match[3] !== undefined) found.numbers.add(String(Number(match[3])));
          if (match[1]) found.spaced = true;
        }
        written.set(key, found);
      }
      return found;
    },
  };
}
