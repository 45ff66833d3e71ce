import type { Claim, ClaimFigure, ClaimScope, SourcePosition, Unit } from '../../model/types.js';
import { toNumber, unitOfWord, type StatedUnit } from './estimates.js';
import { idsInText } from './ids.js';
import { fold, LEXICON, perLexicon } from '../lexicon/lexicon.js';
import type { Concept } from '../lexicon/vocabulary.js';
import { foldWidth } from './numerals.js';

// ——— Figures as documents write them ———

/**
 * A number as written: Indian ("1,13,600") or Western ("10,500") digit groups are one number;
 * otherwise a comma or a point before the last digits is the decimal mark ("0,5", "22.0").
 */
const NUMBER = String.raw`(?:[1-9]\d?(?:,\d\d)+,\d{3}(?!\d)|[1-9]\d{0,2}(?:,\d{3})+(?![\d,])|\d+)(?:[.,]\d+(?![,\d]))?`;
/** Letters of a word after a figure: "h", "person-days", "人日", "часов", "story". */
const WORD = String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}'’]|[-‐‑.](?=[\p{L}\p{M}]))*\.?`;

/** A figure at the start of a text: "~34h", "11-15 hours", "≈ 3.2 人日", "ca. 8 bis 12 Tage", "10개". */
const figurePatternOf = perLexicon(
  (lexicon) =>
    new RegExp(String.raw`^\s*(${NUMBER})(?:\s*(${WORD})?\s*(?:[-–—~〜～−]|\s(?:${lexicon.source('rangeTo')})\s)\s*(${NUMBER}))?`, 'iu'),
);

/** A stated figure: its ends, how it is written, and the words that follow it. */
export interface ReadFigure extends ClaimFigure {
  /** The words after the figure (at most four), or a symbol ("%", "$") standing there. */
  words: string[];
  symbol: string | null;
  /** What follows the figure and its words. */
  rest: string;
}

/** The length of an "about" word or sign the text starts with ("~", "≈", "ca.", "about", "約", "약"), or 0. */
function approximateLead(text: string): number {
  const sign = /^\s*([^\p{L}\p{N}\s]+)\s*/u.exec(text);
  if (sign && LEXICON.startsWith('approximately', sign[1]) === sign[1].length) return sign[0].length;
  const word = LEXICON.startsWith('approximately', text);
  if (word === 0) return 0;
  return word + (/^\s*/.exec(text.slice(word))?.[0].length ?? 0);
}

function numberOf(written: string): { value: number; decimals: number } {
  const grouped = /^\d{1,3}(?:,\d{2,3})+(?:\.\d+)?$/.test(written) && /,\d{3}(?:\.|$)/.test(written);
  const plain = grouped ? written.replace(/,/g, '') : written.replace(',', '.');
  const decimals = /[.](\d+)$/.exec(plain)?.[1].length ?? 0;
  return { value: toNumber(plain), decimals };
}

/**
 * The figure a text starts with, as written: "~34h" (about 34, hours), "11-15 hours" (a
 * range), "10,500 LOC" (one number, then a word that is no unit), "0%" (a symbol). Null when the
 * text does not start with a figure.
 */
export function readFigure(text: string): ReadFigure | null {
  let rest = foldWidth(text).replace(/[*_`]/g, '');
  const approximate = approximateLead(rest);
  rest = rest.slice(approximate);
  const match = figurePatternOf().exec(rest);
  if (!match) return null;
  const low = numberOf(match[1]);
  let high = low;
  let after = rest.slice(match[0].length);
  if (match[3]) {
    high = numberOf(match[3]);
    // "20h–28h": the unit written after each end.
    if (match[2])
      after = after.replace(new RegExp(String.raw`^\s*${match[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu'), ` ${match[2]}`);
    if (high.value < low.value) return null;
  } else if (match[2]) {
    after = `${match[2]}${after}`;
  }
  // "0%", "$", "200+", "3/5": a sign right after the number says it counts something else.
  const symbol = /^\s?([%$€£₹¥₽₩+/×]|[^\s\p{L}\p{N}(（[|,;:.!?·•\-–—=*\\"'“”«»<>→←↓↑#&)）\]])/u.exec(after)?.[1] ?? null;
  const words: string[] = [];
  const wordAt = new RegExp(String.raw`^\s?(${WORD})`, 'u');
  for (let found = wordAt.exec(after); found && words.length < 4; found = wordAt.exec(after)) {
    words.push(found[1]);
    after = after.slice(found[0].length);
  }
  return {
    low: low.value,
    high: high.value,
    approximate: approximate > 0,
    decimals: Math.max(low.decimals, high.decimals),
    words,
    symbol: words.length === 0 ? symbol : null,
    rest: after,
  };
}

/** What the words after a figure make of it. */
type FigureMeaning =
  | { kind: 'unit'; unit: StatedUnit; calendar: boolean }
  | { kind: 'count' }
  | { kind: 'bare' }
  /** Something else: money, a percentage, lines of code, months, "collections". */
  | { kind: 'other' };

const TIME_UNITS: readonly Concept[] = ['unitPoints', 'unitDays', 'unitHours', 'unitMinutes', 'unitWeeks'];

/** The work unit the words after a figure name: "story points", "person-days", "h", "Wochen". */
function unitOfWords(words: readonly string[]): { unit: StatedUnit; word: string } | null {
  const pair = words.length >= 2 ? `${words[0]} ${words[1]}` : null;
  const twoWords = pair ? unitOfWord(pair) : null;
  if (twoWords && pair) return { unit: twoWords, word: pair };
  const one = words[0] ? unitOfWord(words[0]) : null;
  return one ? { unit: one, word: words[0] } : null;
}

/** Weeks of the calendar, not person-weeks: "3 weeks", "5 Wochen". */
function isCalendarWord(word: string): boolean {
  return LEXICON.is('unitWeeks', word) && !/[-‐‑\s]/.test(word.trim()) && !LEXICON.contains('people', word);
}

function meaningOf(figure: ReadFigure): FigureMeaning {
  const { words } = figure;
  if (words.length === 0) return figure.symbol ? { kind: 'other' } : { kind: 'bare' };
  const stated = unitOfWords(words);
  if (stated) return { kind: 'unit', unit: stated.unit, calendar: isCalendarWord(stated.word) };
  if (LEXICON.is('countNoun', words[0]) || LEXICON.is('countNoun', words.join(' '))) return { kind: 'count' };
  // "44 Growth Spec Items", "20 tech debt items": the last of a few words is the noun counted.
  if (words.length > 1 && LEXICON.is('countNoun', words[words.length - 1])) return { kind: 'count' };
  return { kind: 'other' };
}

/** The figure as a claim gives it, in the model's unit (`factor` converts from the written unit). */
function claimFigure(figure: ReadFigure, factor = 1, calendar = false): ClaimFigure {
  const stated: ClaimFigure = {
    low: figure.low * factor,
    high: figure.high * factor,
    approximate: figure.approximate,
    decimals: figure.decimals,
  };
  if (factor !== 1) stated.factor = factor;
  if (calendar) stated.calendar = true;
  return stated;
}

function midpoint(figure: ClaimFigure): number {
  return (figure.low + figure.high) / 2;
}

/**
 * A value without its notes: parenthesised remarks ("(stretch sprint — core product work)",
 * "（≈176 小时）"), emphasis. What remains is split into its figures at pipes, semicolons and
 * commas between words (never inside "10,500").
 */
function figureParts(value: string): string[] {
  let text = foldWidth(value).replace(/[*_`]/g, '');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\([^()]*\)|（[^（）]*）|\[[^[\]]*\]/gu, ' ');
  }
  return text
    .split(/\s*[|;]\s*|,(?=\s)\s*|\s+[·•]\s+/u)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** What may follow a bare number that is the whole figure: nothing, or a note after a dash. */
const NOTE_AFTER = /^\s*(?:$|[-–—=,;]|\.(?!\d))/u;

// ——— Keys ———

/** Whether every word of a key is one of these concepts' words ("Total", "Grand Total", "Total Remaining"). */
function keyOnly(key: string, concepts: readonly Concept[]): boolean {
  const words = fold(key)
    .replace(/[*_`:：]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return false;
  for (let index = 0; index < words.length;) {
    const pair = index + 1 < words.length ? `${words[index]} ${words[index + 1]}` : null;
    if (pair && concepts.some((concept) => LEXICON.is(concept, pair))) index += 2;
    else if (concepts.some((concept) => LEXICON.is(concept, words[index]))) index += 1;
    else return false;
  }
  return true;
}

/** A key that names work: an estimate, effort, points, hours ("Total Effort", "Total Story Points", "전체 예상 시간"). */
function namesWork(key: string): boolean {
  return LEXICON.contains('estimate', key) || TIME_UNITS.some((concept) => LEXICON.contains(concept, key));
}

/** The unit a key names: "Total Story Points" is points, "Hours" hours. */
function unitOfKey(key: string): Unit | null {
  const words = key
    .replace(/[()[\]*_`]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  for (let index = words.length - 1; index >= 0; index--) {
    const unit = (index > 0 ? unitOfWord(`${words[index - 1]} ${words[index]}`) : null) ?? unitOfWord(words[index]);
    if (unit) return unit.unit;
  }
  return null;
}

/** "Hours", "Story Points", "Aufwand (h)": a key that only names a unit of work. */
function isUnitKey(key: string): boolean {
  const plain = key.replace(/[()[\]*_`]/g, ' ').trim();
  return TIME_UNITS.some((concept) => LEXICON.is(concept, plain));
}

/** What a `Key: value` pair states, by its key. */
type KeyKind = 'capacity' | 'velocity' | 'team' | 'total' | 'count' | 'allocated' | 'unit' | null;

function kindOfKey(key: string, scoped: boolean): KeyKind {
  if (LEXICON.contains('capacity', key)) return 'capacity';
  if (LEXICON.contains('velocity', key)) return 'velocity';
  if (LEXICON.is('teamSize', key)) return 'team';
  if (LEXICON.contains('total', key) || LEXICON.contains('subtotal', key)) return 'total';
  const counts = LEXICON.contains('countNoun', key) && !isUnitKey(key) && !LEXICON.contains('unitPoints', key);
  // "Stories Remaining", "Number of tasks", "Anzahl Aufgaben"; not one item's "Ticket: 4521".
  if (
    counts &&
    !LEXICON.is('itemWord', key) &&
    (keyOnly(key, ['countNoun', 'remaining', 'done']) || LEXICON.startsWith('countHeader', key) > 0)
  )
    return 'count';
  if (!scoped) return null;
  if (isUnitKey(key)) return 'unit';
  if (keyOnly(key, ['allocated', 'total', 'remaining'])) return 'allocated';
  return null;
}

/** Which items a key counts: those not done ("Remaining", "Open"), those done ("Completed"), or all. */
function filterOfKey(key: string): 'all' | 'remaining' | 'done' {
  if (LEXICON.contains('remaining', key)) return 'remaining';
  return LEXICON.contains('countNoun', key) && LEXICON.contains('done', key) ? 'done' : 'all';
}

const peoplePattern = perLexicon(
  (lexicon) => new RegExp(String.raw`(?<![\d.,])(\d+)\s*(?:${lexicon.source('people')})(?![\p{L}\p{N}])`, 'u'),
);

/** "4 developers", "3 Personen", "5명": a team size in a value. */
function peopleIn(value: string): number | null {
  const match = peoplePattern().exec(fold(value));
  return match ? Number(match[1]) : null;
}

/** Whether a `Key: value` pair states a figure (a capacity, velocity, team size, total or count). */
export function statesFigure(key: string, value: string): boolean {
  return claimsFromKeyValue(key, value, { file: '' }, { file: '', line: 1, column: 1 }, null).length > 0;
}

/**
 * The stated figures of a `Key: value` pair. Several claims can share one value ("35 stories |
 * 200 story points", "9 tasks, ~6 person-days"). A figure is a claim about the backlog only when
 * it counts work: a work unit after it (points, hours, days, person-days), a word for items ("9
 * tasks", "10개"), or a bare number under a key that names work or is only a total word. Money,
 * percentages, lines of code and other counts are not. `scoped`: the pair stands in a sprint,
 * group or section, where a key that only names a unit ("Hours: 19-25") or an allocation
 * ("Allocated: 20h", "Committed: 3.5d") states that scope's sum.
 */
export function claimsFromKeyValue(
  key: string,
  value: string,
  scope: ClaimScope,
  source: SourcePosition,
  contextUnit: Unit | null,
  scoped = false,
): Claim[] {
  const raw = `${key}: ${value}`;
  const kind = kindOfKey(key, scoped);
  if (!kind) return [];
  const parts = figureParts(value);
  const first = parts.length > 0 ? readFigure(parts[0]) : null;
  if (kind === 'capacity') {
    if (!first) return [];
    const meaning = meaningOf(first);
    if (meaning.kind === 'other' || meaning.kind === 'count') return [];
    const stated = meaning.kind === 'unit' ? meaning.unit : null;
    return [{ kind: 'capacity', scope, value: first.low * (stated?.factor ?? 1), unit: stated?.unit ?? contextUnit, raw, source }];
  }
  if (kind === 'velocity') {
    return first && meaningOf(first).kind !== 'other' ? [{ kind: 'velocity', scope, value: first.low, raw, source }] : [];
  }
  if (kind === 'team') {
    const people = peopleIn(value);
    return people !== null ? [{ kind: 'team-size', scope, value: people, raw, source }] : [];
  }
  const which = filterOfKey(key);
  const countKey = LEXICON.contains('countNoun', key) && !isUnitKey(key) && !LEXICON.contains('unitPoints', key);
  // "Overall", "Grand total", "전체": the whole plan, wherever the line stands.
  if (kind === 'total' && LEXICON.contains('overall', key)) scope = { file: scope.file };
  // "Allocated: 20h" and "Hours: 19-25" are about the section they stand in, and only about it.
  if ((kind === 'unit' || kind === 'allocated') && scope.sprint === undefined && scope.group === undefined) {
    scope = { ...scope, sectionOnly: true };
  }
  const bareAllowed = kind !== 'total' || keyOnly(key, ['total', 'remaining', 'subtotal']) || namesWork(key);
  const claims: Claim[] = [];
  // "Story points: 1, 2, 3, 5" lists values of a scale, not a figure.
  const figures = parts.map(readFigure);
  const listsBareValues = figures.filter((figure) => figure && figure.words.length === 0).length > 1;
  for (const figure of listsBareValues ? [] : figures) {
    if (!figure) continue;
    const meaning = meaningOf(figure);
    if (meaning.kind === 'count' || (meaning.kind === 'bare' && countKey && NOTE_AFTER.test(figure.rest))) {
      if (figure.low !== figure.high || figure.decimals > 0) continue;
      claims.push({ kind: 'count', scope, which, value: figure.low, raw, source, figure: claimFigure(figure) });
      continue;
    }
    if (meaning.kind === 'other' || (meaning.kind === 'bare' && !bareAllowed)) continue;
    // A bare number is the whole value, or followed by a note: "200+ lines of hooks" is no figure.
    if (meaning.kind === 'bare' && !NOTE_AFTER.test(figure.rest)) continue;
    if (meaning.kind === 'unit') {
      const written = claimFigure(figure, meaning.unit.factor, meaning.calendar);
      claims.push({ kind: 'total', scope, which, value: midpoint(written), unit: meaning.unit.unit, raw, source, figure: written });
      continue;
    }
    const written = claimFigure(figure);
    claims.push({
      kind: 'total',
      scope,
      which,
      value: midpoint(written),
      unit: unitOfKey(key) ?? contextUnit,
      raw,
      source,
      figure: written,
    });
  }
  return claims;
}

/**
 * Whether the unit of a figure in a heading's title is an amount of work: hours, points or
 * person-days. Days, weeks and months there are how long a sprint, week or phase lasts.
 */
function isEffortInTitle(words: readonly string[]): boolean {
  const stated = unitOfWords(words);
  if (!stated) return false;
  if (stated.unit.unit !== 'days') return true;
  return LEXICON.is('personDays', stated.word);
}

/**
 * Figures a heading's own title states about its section: "Block A: Action System (7 items) -
 * 11-15 hours", "Спринт 1 (P1 — 72-96 часов)". A figure counts only when it stands alone in a
 * parenthesis or after a dash, with a unit of work (hours, points, person-days) or a word for
 * items.
 */
export function titleClaims(title: string, scope: ClaimScope, source: SourcePosition): Claim[] {
  const raw = title.replace(/[*_`]/g, '').trim();
  const pieces: string[] = [];
  const text = foldWidth(raw).replace(/\(([^()]*)\)|（([^（）]*)）/gu, (_, inner?: string, wide?: string) => {
    pieces.push(...(inner ?? wide ?? '').split(/\s+[-–—]\s+|[,;]\s*/u));
    return ' | ';
  });
  const segments = text.split(/\s+[-–—|]\s+|\s*\|\s*/u);
  // The title's first segment names the section ("Sprint 1", "Block A: …"); the figures follow it.
  pieces.push(...segments.slice(1));
  const claims: Claim[] = [];
  for (const piece of pieces.map((entry) => entry.replace(/^[\s:：\-–—]+/u, '').trim()).filter(Boolean)) {
    const figure = readFigure(piece);
    if (!figure || figure.words.length === 0 || figure.words.length > 3 || figure.rest.trim() !== '') continue;
    const meaning = meaningOf(figure);
    if (meaning.kind === 'count') {
      if (figure.low === figure.high && figure.decimals === 0)
        claims.push({ kind: 'count', scope, which: 'all', value: figure.low, raw, source, figure: claimFigure(figure) });
    } else if (meaning.kind === 'unit' && isEffortInTitle(figure.words)) {
      const written = claimFigure(figure, meaning.unit.factor);
      claims.push({ kind: 'total', scope, which: 'all', value: midpoint(written), unit: meaning.unit.unit, raw, source, figure: written });
    }
  }
  return claims;
}

// ——— Critical paths ———

const ARROW = /\s*(?:→|->|=>|⟶|➜|➔|➡️?|⇒|—>|-->|─+►|─+>|─+→|►)\s*/u;
/** A line that draws only vertical connectors ("  │      │"), under several boxes: a diagram, not a chain. */
const CONNECTOR_ROW = /^[\s│┃|▼↓⬇]*$/u;
/** What a link of a chain drawn one per line starts with: tree branches, arrows, bullets, numbers, marks. */
const LINK_LEAD = /^[\s└├│┃─━→↓⬇►▶>*+\-–—•·.)\d]*?(?:\d+[.)]\s+)?[^\p{L}\p{N}]*/u;
/** "1.1", "2.3.1": outline numbers, IDs in WBS tables. */
const OUTLINE_ID = /^\d+(?:\.\d+)+$/;
/** "1", "12": IDs only in a chain that states its length, where they cannot be the figures themselves. */
const NUMBER_ID = /^\d+$/;

/** The length a piece of text states for a chain: "= 58 pts", "(42 pts)", "(total ≈ 105 days)", "Length: 12 days". */
function statedLength(text: string): ReadFigure | null {
  const plain = foldWidth(text).replace(/[*_`]/g, '');
  for (const lead of plain.matchAll(/[=(（:：≈~]/gu)) {
    let rest = plain.slice(lead.index + lead[0].length);
    // "(total ≈ 105 days)": a total word before the figure.
    const total = LEXICON.startsWith('total', rest);
    if (total > 0) rest = rest.slice(total).replace(/^\s*[:：]?/u, '');
    const figure = readFigure(lead[0] === '≈' || lead[0] === '~' ? `${lead[0]}${rest}` : rest);
    if (!figure) continue;
    const meaning = meaningOf(figure);
    if (meaning.kind === 'unit') return figure;
  }
  return null;
}

function lengthOf(figure: ReadFigure): { length: number; unit: Unit; figure: ClaimFigure } | null {
  const meaning = meaningOf(figure);
  if (meaning.kind !== 'unit') return null;
  const written = claimFigure(figure, meaning.unit.factor);
  return { length: midpoint(written), unit: meaning.unit.unit, figure: written };
}

/** Whether a line lists a figure per link ("(30分)  (20分) (2時間)"), which no length is. */
function figuresPerLink(line: string): boolean {
  return (line.match(/[(（]\s*[~≈]?\s*\d/gu) ?? []).length >= 2;
}

/**
 * A stated critical path: the chains a text draws, each with arrows on one line ("A-1 → A-2 →
 * A-3") or one link per line ("PHASE1-001" / "└─→ PHASE1-003" / …), and the length it states
 * ("= 58 pts", "(42 pts)", "(total ≈ 105 days)", a line "… = 45 person-days"). Several chains
 * are alternatives, the first the claim's chain. With `titles`, under a heading that names the
 * critical path, links may be item titles ("**Activation Funnel** → **Session Replay**"); the
 * lint rule resolves them. A block that draws boxes with vertical connectors between them is a
 * diagram, not a stated chain.
 */
export function criticalPathClaim(
  text: string,
  scope: ClaimScope,
  source: SourcePosition,
  titles = false,
): Extract<Claim, { kind: 'critical-path' }> | null {
  const lines = text.split('\n');
  if (lines.some((line) => CONNECTOR_ROW.test(line) && (line.match(/[│┃|▼↓]/gu) ?? []).length >= 2)) return null;
  const chains: { chain: string[]; line: string }[] = [];
  let length: ReadFigure | null = null;
  for (const line of lines) {
    if (!ARROW.test(line)) continue;
    const links = line.split(ARROW);
    const tail = statedLength(links[links.length - 1]);
    const chain = chainOf(links, tail !== null || lines.some((other) => other !== line && statedLength(other)), titles);
    if (chain.length < 2) continue;
    chains.push({ chain, line });
    length ??= tail;
  }
  if (chains.length === 0) {
    const vertical = verticalChain(lines);
    if (vertical) chains.push(vertical);
  }
  if (chains.length === 0) return null;
  length ??=
    lines
      .filter((line) => !ARROW.test(line) && !figuresPerLink(line))
      .map(statedLength)
      .find((figure) => figure !== null) ?? null;
  const stated = length ? lengthOf(length) : null;
  const claim: Extract<Claim, { kind: 'critical-path' }> = {
    kind: 'critical-path',
    scope,
    chain: chains[0].chain,
    length: stated?.length ?? null,
    unit: stated?.unit ?? null,
    raw: chains[0].line.trim(),
    source,
  };
  if (stated) claim.figure = stated.figure;
  if (chains.length > 1) claim.alternatives = chains.slice(1).map((entry) => entry.chain);
  return claim;
}

/**
 * A line that states only the length of a chain stated just above it: "**Total Duration on
 * Critical Path:** 3 + 2 + … = **45 person-days**", "Length: 12 days".
 */
export function criticalPathLength(text: string): { length: number; unit: Unit; figure: ClaimFigure } | null {
  if (ARROW.test(text) || figuresPerLink(text)) return null;
  // It says what it states: a length after "=", or under a key that names a total or the path.
  if (!text.includes('=') && !LEXICON.contains('total', text) && !LEXICON.contains('criticalPath', text)) return null;
  const figure = statedLength(text);
  return figure ? lengthOf(figure) : null;
}

/**
 * The links a line chains with arrows: the first ID of each link, or a number when the whole link
 * is one ("Critical path: 1.1 → 1.2 (6 days)"). Number links make a chain only when every link
 * is one: "from 12 → 15 days" is not a path. With `titles`, a chain without IDs may be of titles.
 */
function chainOf(links: string[], statesLength: boolean, titles: boolean): string[] {
  const ids = links.map((link) => idsInText(link)[0]).filter((id): id is string => Boolean(id));
  if (ids.length >= 2) return ids;
  const numbers = links.map((link, index) => numberLink(link, index === 0, index === links.length - 1));
  const isId = (number: string | null) => number !== null && (OUTLINE_ID.test(number) || (statesLength && NUMBER_ID.test(number)));
  if (numbers.every(isId)) return numbers as string[];
  if (!titles || ids.length > 0) return [];
  const named = links.map((link, index) => titleLink(link, index === 0, index === links.length - 1));
  return named.every((name): name is string => name !== null) ? named : [];
}

/** A link without its label ("Critical path:") or stated length ("(6 days)", "= 6 days"). */
function bareLink(link: string, first: boolean, last: boolean): string {
  let text = link.replace(/[*_`]/g, '');
  if (first) text = text.replace(/^.*[:：]/u, '').replace(/^\s*(?:\d+[.)]|[-*+•])\s+/u, '');
  if (last) text = text.replace(/\s*(?:\(.*\)|（.*）|=.*)$/u, '');
  return text.trim();
}

/** A link that is a number, when a number is all that is left of it. */
function numberLink(link: string, first: boolean, last: boolean): string | null {
  const text = bareLink(link, first, last);
  return /^\d+(?:\.\d+)*$/.test(text) ? text : null;
}

/** A link that names an item by its title: a few words, no sentence. */
function titleLink(link: string, first: boolean, last: boolean): string | null {
  const text = bareLink(link, first, last)
    .replace(/\s*[(（][^)）]*[)）]\s*/gu, ' ')
    .trim();
  if (!/\p{L}/u.test(text) || text.split(/\s+/).length > 8 || /[.!?;:]$/.test(text)) return null;
  return text;
}

/**
 * A chain drawn one link per line: each line an ID after its tree branch, arrow, bullet or
 * number ("└─→ ⬜ PHASE1-003 (extend static_pages)"), lines of connectors between them; a line
 * without an ID ends it ("└─→ Phase 1 Complete"). A tree that branches (├) is no chain.
 */
function verticalChain(lines: readonly string[]): { chain: string[]; line: string } | null {
  if (lines.some((line) => line.includes('├'))) return null;
  const chain: string[] = [];
  let first = '';
  for (const line of lines) {
    if (!line.trim() || /^[\s│┃|↓⬇▼]*$/u.test(line)) continue;
    const rest = line.replace(LINK_LEAD, '');
    const id = idsInText(rest)[0];
    if (!id || !rest.startsWith(id)) {
      if (chain.length > 0) break;
      continue;
    }
    if (chain.length === 0) first = line;
    chain.push(id);
  }
  return chain.length >= 2 ? { chain, line: first } : null;
}

/** The figures with a work unit written anywhere in a line, in the model's units. */
function unitFiguresIn(line: string): Unit[] {
  const units: Unit[] = [];
  const text = foldWidth(line).replace(/[*_`]/g, '');
  for (const match of text.matchAll(/(?<![\d.,])\d/gu)) {
    const figure = readFigure(text.slice(match.index));
    if (!figure) continue;
    const meaning = meaningOf(figure);
    if (meaning.kind === 'unit') units.push(meaning.unit.unit);
  }
  return units;
}

const LIST_ENTRY = /^(\s*)(?:[-*+]|\d+[.)])\s+/;

/**
 * Whether the list entry on `line` totals the entries just above it, not the items: two or more
 * sibling entries before it, none of them an item, each state a figure in the same unit ("-
 * Week 1: 19 hours → **4 days**", …, "- **Total: 13 days**"). Such a total is the sum of its own
 * list, a timeline or a scenario, whatever the items add up to.
 */
export function totalsListAbove(lines: readonly string[], line: number, unit: Unit, isItemLine: (line: number) => boolean): boolean {
  const entry = LIST_ENTRY.exec(lines[line - 1] ?? '');
  if (!entry) return false;
  const indent = entry[1].length;
  let siblings = 0;
  for (let index = line - 2; index >= 0; index--) {
    const text = lines[index];
    const sibling = LIST_ENTRY.exec(text);
    const depth = sibling ? sibling[1].length : (/^\s*/.exec(text)?.[0].length ?? 0);
    if (!text.trim() || depth < indent || (!sibling && depth === indent)) break;
    if (depth > indent) continue;
    if (isItemLine(index + 1) || !unitFiguresIn(text).includes(unit)) return false;
    siblings++;
  }
  return siblings >= 2;
}

// ——— Tables ———

/**
 * The figure a table cell states in a column: "~17時間", "**~105 Person-Days**", "140-200" or
 * "6.2" in the column's unit (`column`, when its header names one). Null for a cell that states
 * no work ("—", "0 / 24", "12%").
 */
export function cellFigure(cell: string, column: StatedUnit | null): { value: number; unit: Unit | null; figure: ClaimFigure } | null {
  const figure = readFigure(cell);
  if (!figure) return null;
  const meaning = meaningOf(figure);
  if (meaning.kind === 'unit') {
    const written = claimFigure(figure, meaning.unit.factor, meaning.calendar);
    return { value: midpoint(written), unit: meaning.unit.unit, figure: written };
  }
  if (meaning.kind !== 'bare' || !NOTE_AFTER.test(figure.rest)) return null;
  const written = claimFigure(figure, column?.factor ?? 1);
  return { value: midpoint(written), unit: column?.unit ?? null, figure: written };
}

/** A count a cell states: "7", "**12**", "9 tasks". */
export function cellCount(cell: string): number | null {
  const figure = readFigure(cell);
  if (!figure || figure.low !== figure.high || figure.decimals > 0) return null;
  const meaning = meaningOf(figure);
  if (meaning.kind === 'count' || (meaning.kind === 'bare' && NOTE_AFTER.test(figure.rest))) return figure.low;
  return null;
}

/** "0 / 4", "3/7": so many done of so many. */
export function cellProgress(cell: string): { done: number; of: number } | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/u.exec(foldWidth(cell).replace(/[*_`]/g, ''));
  return match ? { done: Number(match[1]), of: Number(match[2]) } : null;
}

/** Whether a column header names work ("Total Time", "Hours", "Effort (d)") or counts items ("Count", "Sayı"). */
export function headerNamesWork(header: string): boolean {
  return namesWork(header);
}
