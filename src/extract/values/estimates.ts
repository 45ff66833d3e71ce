import type { SizeRange } from '../../config/types.js';
import type { Estimate, Unit } from '../../model/types.js';
import { fold, LEXICON, perLexicon } from '../lexicon/lexicon.js';
import type { Concept } from '../lexicon/vocabulary.js';
import { foldWidth, fractionsAsDecimals, plainNumerals, WRITTEN_NUMBER } from './numerals.js';

export interface EstimateContext {
  /** The unit the surrounding text implies: a "Pts" column, a "5 Point Stories" heading. */
  unit: Unit | null;
  /** What a bare number counts in `unit`: 5 in an "Estimate (weeks)" column (weeks are 5 days). */
  factor?: number;
  /** T-shirt sizes: the document's stated scale first, then configuration. */
  scale: Record<string, SizeRange>;
  openEndedFactor: number;
}

export type EstimateReading = { estimate: Estimate } | { problem: string } | null;

/** Units by the lexicon's words, with what one of them counts in the model's unit. */
const UNIT_CONCEPTS: readonly [Concept, Unit, number][] = [
  ['unitPoints', 'points', 1],
  ['unitDays', 'days', 1],
  ['unitHours', 'hours', 1],
  ['unitMinutes', 'hours', 1 / 60],
  ['unitWeeks', 'days', 5],
  ['unitSprints', 'sprints', 1],
];

/** A value that holds no estimate: empty, a dash, "?", "TBD", "n/a", "none". */
function isEmptyValue(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text) || LEXICON.is('noEstimate', text);
}

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
/** Two ends of a range and what joins them: "3-5d", "3 to 5 days", "3 bis 5 Tage", "2〜3日". */
const RANGE = perLexicon(
  (lexicon) =>
    new RegExp(String.raw`^(${NUMBER})\s*([a-zA-Z\p{L}]*)\s*(?:-|–|—|~|〜|${lexicon.source('rangeTo')})\s*(${NUMBER})\s*(.*)$`, 'iu'),
);
const SINGLE = new RegExp(String.raw`^(${NUMBER})\s*(.*)$`, 'u');
const THREE_POINT = new RegExp(String.raw`^(${NUMBER})\s*\/\s*(${NUMBER})\s*\/\s*(${NUMBER})\s*(.*)$`, 'u');
/** "more than 10 days", "> 5", "8+": an amount open at the top. */
const OPEN = perLexicon(
  (lexicon) => new RegExp(String.raw`^(?:${lexicon.source('moreThan')}|>=?|≥)\s*(${NUMBER})\s*(.*)$|^(${NUMBER})\s*\+\s*(.*)$`, 'iu'),
);
const SIZE = /^(XXS|XS|S|M|L|XL|XXL|XXXL)$/i;
/** Sizes written as words, by the T-shirt size each stands for. */
const SIZE_WORDS: readonly [Concept, string][] = [
  ['sizeExtraSmall', 'XS'],
  ['sizeSmall', 'S'],
  ['sizeMedium', 'M'],
  ['sizeLarge', 'L'],
  ['sizeExtraLarge', 'XL'],
];
/** What joins two sizes into a range: "S-M", "XS–S", "M/L", "S to M", "小〜中". */
const SIZE_JOIN = perLexicon((lexicon) => new RegExp(String.raw`\s*[-–—/~〜]\s*|\s+(?:${lexicon.source('rangeTo')})\s+`, 'gu'));
const SUM = new RegExp(String.raw`^${NUMBER}[^\d+]*\+\s*${NUMBER}`, 'u');

/** Units of time by the hours one of them counts (8 to the day, 5 days to the week), to add up a compound amount. */
const TIME_UNITS: readonly [Concept, number][] = [
  ['unitWeeks', 40],
  ['unitDays', 8],
  ['unitHours', 1],
  ['unitMinutes', 1 / 60],
];
/** One term of a compound amount: the lexicon's patterns match folded text; "m" is minutes only after hours ("2h 30m"). */
const compoundTermOf = perLexicon(
  (lexicon) =>
    new RegExp(String.raw`(${NUMBER})\s*(${TIME_UNITS.map(([concept]) => lexicon.source(concept)).join('|')}|m)(?!\p{L})\s*`, 'uy'),
);

/**
 * "1d 4h", "2h 30m", "2時間40分", "1天4小时", "2시간 30분", "1 час 30 мин": amounts of time, each
 * in a smaller unit than the one before, added up in the unit of the first (days or hours).
 */
function readCompound(text: string): { unit: Unit; value: number } | null {
  if (!/\d\D+\d/.test(text)) return null;
  const compoundTerm = compoundTermOf();
  const folded = fold(text);
  const perHour: number[] = [];
  let value = 0;
  compoundTerm.lastIndex = 0;
  while (compoundTerm.lastIndex < folded.length) {
    const at = compoundTerm.lastIndex;
    const term = compoundTerm.exec(folded);
    // "1h30", "2h 45": the minutes after hours go without their unit.
    const minutes = term ? null : /^\d{1,2}$/.exec(folded.slice(at));
    if (minutes && perHour.length === 1 && perHour[0] === 1 && Number(minutes[0]) < 60) {
      return { unit: 'hours', value: value + Number(minutes[0]) / 60 };
    }
    if (!term) return null;
    const hours =
      term[2] === 'm' ? (perHour.at(-1) === 1 ? 1 / 60 : undefined) : TIME_UNITS.find(([concept]) => LEXICON.is(concept, term[2]))?.[1];
    if (hours === undefined || (perHour.length > 0 && hours >= perHour[perHour.length - 1])) return null;
    perHour.push(hours);
    value += toNumber(term[1]) * hours;
  }
  if (perHour.length < 2) return null;
  return perHour[0] >= 8 ? { unit: 'days', value: value / 8 } : { unit: 'hours', value };
}

/** A number as documents write it, with a decimal point or a decimal comma ("0,5"). */
export function toNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

/** A unit as a word names it: weeks are days, 5 to the week; minutes are hours, 60 to the hour. */
export interface StatedUnit {
  unit: Unit;
  factor: number;
}

/** The unit a word names ("days", "Pts", "Stunden"), with the factor into that unit. */
export function unitOfWord(word: string): StatedUnit | null {
  const clean = word.trim().replace(/[.)\]]+$/, '');
  if (!clean) return null;
  for (const [concept, unit, factor] of UNIT_CONCEPTS) if (LEXICON.is(concept, clean)) return { unit, factor };
  return null;
}

/** "~3d", "≈ 2h", "ca. 4h", "about 3 days", "約2時間", "около 5 дней": the amount without its "about". */
function withoutApproximation(text: string): string {
  const rest = text.replace(/^(?:~=|=~|[~≈≃])\s*/u, '');
  const word = LEXICON.startsWith('approximately', rest);
  return word > 0 ? rest.slice(word).trimStart() : rest;
}

/**
 * Strips what surrounds an estimate without changing it: emphasis, brackets, "~", a doubting
 * "?", trailing notes. A whole value in parentheses is the estimate ("(3)"); parentheses after
 * one are a note ("3 (S)", "8 SP (was 5)", "0.5 人日（维护成本）").
 */
function clean(raw: string): string {
  const text = plainNumerals(raw).replace(/[*_`]/g, '').trim();
  const wrapped = /^\(([~≈≃]?\s*\d[^()]*)\)$/.exec(text);
  return withoutApproximation(
    (wrapped ? wrapped[1] : text)
      .replace(/[[\]]/g, '')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .replace(/(?<=[\d\p{L}.])\s*\?+$/u, '')
    .trim();
}

function make(unit: Unit, low: number, high: number, expected: number, raw: string, kind: Estimate['kind'], size?: string): Estimate {
  const estimate: Estimate = { unit, low, high, expected, raw, kind, variance: ((high - low) / 6) ** 2 };
  if (size) estimate.size = size;
  return estimate;
}

/**
 * The unit a word right after a number names. "PT" is Personentage in German documents but
 * abbreviates points in others, so a points column or heading keeps it points.
 */
function unitAfterNumber(word: string, context: EstimateContext): { unit: Unit; factor: number } | null {
  if (/^PT\.?$/.test(word)) return { unit: context.unit === 'points' ? 'points' : 'days', factor: 1 };
  return unitOfWord(word);
}

function resolveUnit(suffix: string, context: EstimateContext): { unit: Unit; factor: number } | 'bad' {
  const text = suffix.trim();
  if (!text) return context.unit ? { unit: context.unit, factor: context.factor ?? 1 } : { unit: 'points', factor: 1 };
  // Only the first word names the unit: "5 days of work", "3 Story Points".
  const words = text.split(/\s+/);
  return unitAfterNumber(words.slice(0, 2).join(' '), context) ?? unitAfterNumber(words[0], context) ?? 'bad';
}

/**
 * "3d + 1d buffer": simple amounts added up, the last one followed by a note at most. Unitless
 * terms take the unit the others state; terms in different units do not add up.
 */
function readSum(text: string, original: string, context: EstimateContext): EstimateReading {
  const terms: { value: number; unit: Unit | null }[] = [];
  const parts = text.split(/\s*\+\s*/);
  for (const [index, term] of parts.entries()) {
    const amount = SINGLE.exec(term);
    const unit = !amount?.[2]
      ? null
      : index === parts.length - 1
        ? resolveUnit(amount[2], context)
        : (unitAfterNumber(amount[2], context) ?? 'bad');
    if (!amount || unit === 'bad') return { problem: `"${original}" is not an estimate` };
    terms.push({ value: toNumber(amount[1]) * (unit?.factor ?? 1), unit: unit?.unit ?? null });
  }
  const stated = new Set(terms.flatMap((term) => (term.unit ? [term.unit] : [])));
  if (stated.size > 1) return { problem: `"${original}" adds up amounts in different units` };
  const sum = terms.reduce((total, term) => total + term.value, 0);
  // Bare numbers throughout count in the context's unit, at its factor.
  const value = stated.size === 0 && context.unit ? sum * (context.factor ?? 1) : sum;
  return { estimate: make([...stated][0] ?? context.unit ?? 'points', value, value, value, original, 'single') };
}

/**
 * Reads one estimate as written in a cell, a heading or a metadata line. Answers null for an
 * empty value ("", "-", "TBD"), a problem when the text is not an estimate or names a T-shirt
 * size that no scale defines.
 */
export function readEstimate(raw: string, context: EstimateContext): EstimateReading {
  const original = raw.trim();
  const stated = amountInParentheses(original, context);
  if (stated) return stated;
  const text = clean(original);
  if (isEmptyValue(text)) return null;

  const sized = readSize(text, original, context);
  if (sized) return sized;

  const compound = readCompound(text);
  if (compound) return { estimate: make(compound.unit, compound.value, compound.value, compound.value, original, 'single') };

  const three = THREE_POINT.exec(text);
  if (three) {
    const unit = resolveUnit(three[4], context);
    if (unit === 'bad') return { problem: `"${original}" is not an estimate` };
    const [o, m, p] = [three[1], three[2], three[3]].map((value) => toNumber(value) * unit.factor);
    if (!(o <= m && m <= p)) return { problem: `three-point estimate "${original}" must read optimistic ≤ most likely ≤ pessimistic` };
    return { estimate: { ...make(unit.unit, o, p, (o + 4 * m + p) / 6, original, 'three-point') } };
  }

  if (SUM.test(text)) return readSum(text, original, context);

  const open = OPEN().exec(text);
  if (open) {
    const value = open[1] ?? open[3];
    const unit = resolveUnit(open[2] ?? open[4] ?? '', context);
    if (unit === 'bad') return { problem: `"${original}" is not an estimate` };
    const low = toNumber(value) * unit.factor;
    const high = low * context.openEndedFactor;
    return { estimate: make(unit.unit, low, high, (low + high) / 2, original, 'open') };
  }

  const range = RANGE().exec(text);
  if (range) {
    const unit = resolveUnit(range[4] || range[2], context);
    if (unit === 'bad' || (range[2] && range[4] && resolveUnit(range[2], context) === 'bad')) {
      return { problem: `"${original}" is not an estimate` };
    }
    const low = toNumber(range[1]) * unit.factor;
    const high = toNumber(range[3]) * unit.factor;
    if (high < low) return { problem: `range "${original}" ends below its start` };
    return { estimate: make(unit.unit, low, high, (low + high) / 2, original, 'range') };
  }

  const single = SINGLE.exec(text);
  if (single) {
    const unit = resolveUnit(single[2], context);
    if (unit === 'bad') return { problem: `"${original}" is not an estimate` };
    const value = toNumber(single[1]) * unit.factor;
    return { estimate: make(unit.unit, value, value, value, original, 'single') };
  }
  return { problem: `"${original}" is not an estimate` };
}

/** The T-shirt size a token names: "M", "xl", "Medium", "klein", "中". */
export function sizeKey(token: string): string | null {
  const text = token.trim();
  if (SIZE.test(text)) return text.toUpperCase();
  // "2XL", "3XS": the count of X's written as a figure.
  const counted = /^([23])X([SL])$/i.exec(text);
  if (counted) return `${'X'.repeat(Number(counted[1]))}${counted[2].toUpperCase()}`;
  return SIZE_WORDS.find(([concept]) => LEXICON.is(concept, text))?.[1] ?? null;
}

/** A size, or a range of two ("S-M", "M/L"): the first size and the last. */
function sizesOf(text: string): [string, string] | null {
  const one = sizeKey(text);
  if (one) return [one, one];
  for (const join of text.matchAll(SIZE_JOIN())) {
    const first = sizeKey(text.slice(0, join.index));
    const last = first && sizeKey(text.slice(join.index + join[0].length));
    if (first && last) return [first, last];
  }
  return null;
}

/** A count times what follows or precedes it: "2×M", "2 x M", "S-M ×2", "M x2". A letter x stands apart from the size. */
function multiplied(text: string): { times: number; body: string } | null {
  const before = /^(\d+)\s*(?:[×*]|[xX](?=\s))\s*(.+)$/u.exec(text);
  if (before) return { times: Number(before[1]), body: before[2] };
  const after = /^(.+?)(?:\s*[×*]|\s+[xX])\s*(\d+)$/u.exec(text);
  return after ? { times: Number(after[2]), body: after[1] } : null;
}

const NO_SCALE = (original: string) =>
  `T-shirt size "${original}" has no scale (state one, e.g. "S= 1 to 2 days", or set scales in the config)`;

/**
 * T-shirt sizes: "M", "Medium", a range of two ("S-M", "XS–S", "M/L": from the first size's low
 * to the last one's high) and either times a count ("S-M ×2", "2×M"). Without a scale for
 * every size named it is a problem, never a guess. Undefined when the text names no size.
 */
function readSize(text: string, original: string, context: EstimateContext): EstimateReading | undefined {
  // Most estimates are amounts ("3", "5 SP", "2-4h"): a size is named by letters before any figure, or after a count.
  if (/^\d/.test(text) && !/[×*]|[xX]\s|^[23]X[SL]$/i.test(text)) return undefined;
  const times = multiplied(text);
  const sizes = sizesOf(times?.body ?? text);
  if (!sizes) {
    // "2 × 3h": a count of amounts that state their unit.
    if (!times || times.times === 0 || !/\p{L}/u.test(times.body)) return undefined;
    const reading = readEstimate(times.body, context);
    if (!reading || !('estimate' in reading) || reading.estimate.kind === 'size') return undefined;
    const { unit, low, high, expected, kind } = reading.estimate;
    return { estimate: make(unit, low * times.times, high * times.times, expected * times.times, original, kind) };
  }
  const [first, last] = sizes.map((key) => context.scale[key]);
  if (!first || !last) return { problem: NO_SCALE(original) };
  const inUnit = (range: SizeRange, unit: Unit) => (range.unit === unit ? range : { ...range, low: range.low / 8, high: range.high / 8 });
  const unit: Unit = first.unit === last.unit ? first.unit : 'days';
  if (first.unit !== last.unit && (first.unit === 'points' || last.unit === 'points')) {
    return { problem: `"${original}" spans sizes in different units` };
  }
  const count = times?.times ?? 1;
  const low = inUnit(first, unit).low * count;
  const high = inUnit(last, unit).high * count;
  if (high < low) return { problem: `range "${original}" ends below its start` };
  const name = sizes[0] === sizes[1] ? sizes[0] : `${sizes[0]}-${sizes[1]}`;
  return { estimate: make(unit, low, high, (low + high) / 2, original, 'size', times ? `${name} ×${count}` : name) };
}

/** A size, or a word that qualifies the estimate, before parentheses: "M (3–4h)", "TBD (1–2 days)". */
const LEAD_AND_PARENTHESES = /^([^\d()]{1,40}?)\s*\(([^()]*)\)[\s.,;:]*$/u;
/** A qualifier is a few words, no figures: "Variabel", "TBD", "Medium", "?". */
const QUALIFIER = /^[\p{L}?][\p{L}.'’?-]*(?:\s+[\p{L}][\p{L}.'’-]*){0,2}$/u;

/**
 * "M (3–4h)", "XL (8 SP)", "Small (2h)", "TBD (1–2 days)", "Variabel (1–3 Tage, hängt von
 * Fehleranzahl ab)": a size or a qualifier that states its amount in parentheses. The amount,
 * which must state a unit or be a range (or a bare number where the context gives the unit), is
 * the estimate; a clause after a comma is a note. An amount first keeps parentheses after it as
 * a note ("3 (S)"). Null when the value is not written so.
 */
function amountInParentheses(original: string, context: EstimateContext): EstimateReading {
  if (!/[(（]/.test(original)) return null;
  const match = LEAD_AND_PARENTHESES.exec(plainNumerals(original).replace(/[*_`]/g, '').trim());
  if (!match) return null;
  const lead = match[1].trim();
  const size = sizeKey(lead);
  if (!size && !QUALIFIER.test(lead) && !LEXICON.is('noEstimate', lead)) return null;
  const clause = match[2].split(/[,;、](?!\d)/u)[0].trim();
  if (!/^\d/.test(clean(clause))) return null;
  // "Days (3-5)": a unit word before the amount is its unit.
  const unitWord = !size && unitOfWord(lead) ? ` ${lead}` : '';
  const reading = readEstimate(clause + unitWord, context);
  if (!reading || !('estimate' in reading)) return null;
  const stated = /\p{L}/u.test(clean(clause + unitWord)) || reading.estimate.kind !== 'single' || context.unit !== null;
  if (!stated) return null;
  const estimate: Estimate = { ...reading.estimate, raw: original };
  if (size) estimate.size = size;
  return { estimate };
}

/**
 * One size's entry in a stated scale: "M= 3 to 5 days", "M ≈ 1 day", "S ~ 2h", "M → 1d", "S is
 * about ½ day", "Medium: 3 days", "4 × M ≈ 1 day each". Groups: the count before the size, the
 * size, its value (up to a comma, a semicolon, a bar, a line end, a closing parenthesis or the
 * next size's entry; a comma before a digit is a decimal comma, "XS = 0,5 j").
 */
const scaleEntry = perLexicon((lexicon) => {
  const size = String.raw`(?<![\p{L}\p{N}])(?:XXXL|XXL|XL|XXS|XS|S|M|L|${SIZE_WORDS.map(([concept]) => lexicon.source(concept)).join('|')})(?![\p{L}\p{N}])`;
  const sign = String.raw`\s*(?:~=|=~|->|=>|[=:≈~≃→])`;
  const relation = String.raw`(?:${sign}|\s+(?:${lexicon.source('equals')})(?![\p{L}\p{N}]))\s*`;
  const value = String.raw`(?:[^,;|\n()]|,(?=\d)|\([^()\n]*\))+?`;
  const end = String.raw`(?=\s*(?:,(?!\d)|[;|\n)]|-\s|${size}${sign}|$))`;
  return new RegExp(String.raw`(?:(\d+)\s*(?:[×*]|[xX](?=\s))\s*)?(${size})${relation}(${value})${end}`, 'giu');
});

/**
 * A T-shirt scale stated in prose or a legend: "S= 1 to 2 days, M= 3 to 5 days, XL= more than
 * 10 days", "S ~ 2h, M ~ 1d", "(4 × M ≈ 1 day each, 5 × S ≈ 0.5 day each)". Each size reads its
 * own estimate expression; a count before the size divides the amount among its sizes unless the
 * amount is for each. At least two sizes make a scale.
 */
export function readScaleStatement(text: string, openEndedFactor: number): Record<string, SizeRange> {
  const scale: Record<string, SizeRange> = {};
  for (const [, count, token, value] of foldWidth(text).matchAll(scaleEntry())) {
    const key = sizeKey(token);
    // A T-shirt letter is a capital: "m = 5" is no size.
    if (!key || (/^[XSML]+$/i.test(token) && token !== token.toUpperCase())) continue;
    const reading = readEstimate(value, { unit: null, scale: {}, openEndedFactor });
    if (!reading || !('estimate' in reading) || reading.estimate.kind === 'size') continue;
    // A bare number is no scale: points must say so ("S ~ 2 SP").
    const unit = reading.estimate.unit !== 'points' || LEXICON.contains('unitPoints', value) ? reading.estimate.unit : null;
    if (!unit) continue;
    const per = count && !LEXICON.contains('each', value) ? Number(count) : 1;
    if (per === 0) continue;
    scale[key] = { low: reading.estimate.low / per, high: reading.estimate.high / per, unit };
  }
  return Object.keys(scale).length >= 2 ? scale : {};
}

/** An amount and what follows it, as a title's parentheses hold it: "2 points", "3-5 days". */
const TITLE_AMOUNT = perLexicon(
  (lexicon) => new RegExp(String.raw`^~?\s*(${NUMBER}(?:\s*(?:-|–|${lexicon.source('rangeTo')})\s*${NUMBER})?)\s*(\S.*)$`, 'u'),
);
/** An amount after a dash at the end of a title: "Sign in — 3 SP". */
const TITLE_TRAILING = perLexicon(
  (lexicon) =>
    new RegExp(
      String.raw`\s+[-–—|·]\s*(~?\s*${WRITTEN_NUMBER}(?:\s*(?:-|–|${lexicon.source('rangeTo')})\s*${WRITTEN_NUMBER})?\s*\p{L}+)\s*$`,
      'u',
    ),
);

/**
 * The estimate a heading or title carries: in parentheses or brackets ("Task 1.1: Setup (2
 * points)", "[5 pts]", "ログイン画面（5pt）") or after a dash at its end ("Sign in — 3 SP"). `text`
 * is what to remove from the title.
 */
export function estimateInTitle(text: string): { raw: string; text: string; unit: Unit } | null {
  // Folding keeps positions, so a span of the folded title is the same span of the original.
  const folded = foldWidth(text);
  const amount = TITLE_AMOUNT();
  const unitOf = (written: string) => {
    const parts = amount.exec(fractionsAsDecimals(written));
    return parts ? unitOfWord(parts[2]) : null;
  };
  for (const match of folded.matchAll(/\(([^()]*)\)|\[([^[\]]*)\]/g)) {
    const unit = unitOf((match[1] ?? match[2]).trim());
    const span = text.slice(match.index, match.index + match[0].length);
    if (unit) return { raw: span.slice(1, -1).trim(), text: span, unit: unit.unit };
  }
  const trailing = TITLE_TRAILING().exec(folded);
  const unit = trailing ? unitOf(trailing[1]) : null;
  if (!trailing || !unit) return null;
  const start = trailing.index + trailing[0].indexOf(trailing[1]);
  return { raw: text.slice(start, start + trailing[1].length).trim(), text: text.slice(trailing.index), unit: unit.unit };
}
