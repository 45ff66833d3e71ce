import { LIST_MARKER } from '../parse/block-starts.js';
import { nextFence } from '../parse/line-scan.js';
import { prepareText } from '../parse/prepare-text.js';
import { statesFigure } from './claims.js';
import { estimateInTitle, readEstimate } from './estimates.js';
import { looksLikeId } from './ids.js';
import { withoutQuote } from './list-structure.js';
import { isCriteriaHeading, isCriteriaLabel } from './section-names.js';
import { readSprintName } from './sprints.js';

/**
 * Lists of estimated work that nothing identifies ("- [ ] Build API (4h)", "1. Login page (2d)"):
 * the reading keeps only entries with an ID, so such a list yields no items and would be lost
 * without a word. Found on the source lines, with the lines where the reading did define
 * items, so that a list any of whose entries became an item is never reported.
 */
export interface UnreadList {
  /** The 1-based line of the list's first entry. */
  line: number;
  /** How many of its entries carry a readable estimate and no ID. */
  entries: number;
}

/** Fewer estimated entries than this can be a remark in prose; this many make a list of work. */
const MIN_ENTRIES = 2;

const ENTRY = new RegExp(String.raw`^(\s*)(${LIST_MARKER})(\s+)(.*)$`);
const HEADING = /^\s{0,3}(#{1,6})\s+(.*)$/;
const CHECKBOX = /^\[[ xX]\]\s*/;
/** A link or an address: a list of links points elsewhere; its timings ("(5 min)") are no work. */
const LINK = /\]\(|\]\[|https?:\/\/|<[a-z][\w+.-]*:/i;
/** Obsidian tags and dates after a card's title ("#backend @{2024-05-03}") say nothing of its size. */
export const CARD_MARKS = /(?:\s+(?:#[\p{L}\p{N}_/-]+|@\{[^}]*\}|@\[\[[^\]]*\]\]))+\s*$/u;
/** An agenda's timings, not an estimate of work. */
const MINUTES = /\d\s*(?:min|mins|minutes?|minuten)\b/i;

interface Section {
  depth: number;
  /** A heading that defines an item, is estimated work or opens acceptance criteria: its lists are no items of their own. */
  quiet: boolean;
}

interface Run {
  line: number;
  indent: number;
  contentColumn: number;
  estimated: number;
  /** An entry became an item, or names an ID: the list is read, or meant as references. */
  read: boolean;
  quiet: boolean;
}

/**
 * The lists of `text` whose estimated entries have no ID and none of which the reading took as
 * items; `itemLines` are the lines where it defined items (headings, entries, lines).
 */
export function findUnreadLists(text: string, file: string, itemLines: ReadonlySet<number>, extraIds: readonly RegExp[]): UnreadList[] {
  const prepared = prepareText(text, file);
  const lines = prepared.text.split('\n');
  const found: UnreadList[] = [];
  const sections: Section[] = [];
  let underItemLine = false;
  let criteriaLabel = false;
  let run: Run | null = null;
  let afterEntry = false;
  let fence: string | null = null;
  let frontMatter = lines[0]?.trim() === '---';
  // A story kept as a file of its own: every list in it is that story's.
  let storyFile = frontMatter && itemLines.has(prepared.originalLine[0]);
  let comment: string | null = null;

  const close = () => {
    if (run && !run.read && !run.quiet && run.estimated >= MIN_ENTRIES) found.push({ line: run.line, entries: run.estimated });
    run = null;
  };

  for (let index = frontMatter ? 1 : 0; index < lines.length; index++) {
    const raw = withoutQuote(lines[index]);
    const line = prepared.originalLine[index];
    if (frontMatter) {
      storyFile ||= itemLines.has(line);
      frontMatter = !/^(?:---|\.\.\.)\s*$/.test(raw);
      continue;
    }
    const step = nextFence(fence, raw);
    fence = step.open;
    if (fence !== null || step.marker) {
      afterEntry = false;
      continue;
    }
    if (comment !== null) {
      if (raw.includes(comment)) comment = null;
      continue;
    }
    const opened = /^\s*(<!--|%%)/.exec(raw);
    if (opened) {
      const end = opened[1] === '<!--' ? '-->' : '%%';
      if (!raw.slice(raw.indexOf(opened[1]) + opened[1].length).includes(end)) comment = end;
      continue;
    }
    if (!raw.trim()) {
      afterEntry = false;
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      close();
      const depth = heading[1].length;
      while (sections.length > 0 && sections[sections.length - 1].depth >= depth) sections.pop();
      const title = heading[2].replace(/#+\s*$/, '');
      // A heading with its own estimate ("ストーリー1: ログイン画面（5pt）") is a piece of work; the list under it is its breakdown.
      sections.push({ depth, quiet: itemLines.has(line) || isCriteriaHeading(title) || estimateInTitle(title) !== null });
      underItemLine = false;
      criteriaLabel = false;
      afterEntry = false;
      continue;
    }
    const entry = ENTRY.exec(raw);
    if (entry && !(run && entry[1].length >= run.contentColumn)) {
      if (!run || entry[1].length < run.indent) {
        close();
        run = {
          line,
          indent: entry[1].length,
          contentColumn: entry[1].length + entry[2].length + Math.min(entry[3].length, 4),
          estimated: 0,
          read: false,
          quiet: storyFile || criteriaLabel || underItemLine || sections.some((section) => section.quiet),
        };
        criteriaLabel = false;
      }
      const content = entry[4].replace(CHECKBOX, '').replace(/[*_`]/g, '').trim();
      if (itemLines.has(line) || namesAnId(content, extraIds)) run.read = true;
      else if (isEstimatedWork(content)) run.estimated++;
      afterEntry = true;
      continue;
    }
    if (run) {
      if (itemLines.has(line)) run.read = true;
      // A line indented into the entry, or right under it, continues it.
      if (entry || /^\s{2,}\S/.test(raw) || afterEntry) continue;
      close();
    }
    afterEntry = false;
    if (itemLines.has(line) && !raw.trimStart().startsWith('|')) underItemLine = true;
    if (isCriteriaLabel(raw)) criteriaLabel = true;
  }
  close();
  return found;
}

/** Any token an ID could be: such an entry is read, or names work the reader can find. */
function namesAnId(text: string, extraIds: readonly RegExp[]): boolean {
  return text.split(/[\s,;:()[\]{}]+/).some((token) => /\d/.test(token) && looksLikeId(token.replace(/[.!?…]+$/, ''), extraIds));
}

/**
 * "Build API (4h)", "Login page — 3 pts", "Fix layout [2d] #frontend": a title with an estimate
 * at its end. Prose that mentions an amount ("took (2 days) longer than planned"), a stated
 * figure ("Capacity — 40 pts"), a sprint ("Sprint 1 (2 weeks)") and links are no such entry.
 */
export function isEstimatedWork(text: string): boolean {
  if (LINK.test(text)) return false;
  const value = text.replace(CARD_MARKS, '').trim();
  const stated = estimateInTitle(value);
  if (!stated || MINUTES.test(stated.raw)) return false;
  const start = value.lastIndexOf(stated.text);
  if (value.slice(start + stated.text.length).trim() !== '') return false;
  const reading = readEstimate(stated.raw, { unit: stated.unit, scale: {}, openEndedFactor: 1 });
  if (!reading || !('estimate' in reading)) return false;
  const title = value
    .slice(0, start)
    .replace(/[\s:–—|·-]+$/u, '')
    .trim();
  if (!/\p{L}/u.test(title) || readSprintName(title)) return false;
  return !statesFigure(title, stated.raw);
}
