import type { Claim, ClaimScope, SourcePosition, Unit } from '../model/types.js';
import { toNumber, unitOfWord, type StatedUnit } from './estimates.js';
import { idsInText } from './ids.js';

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;

/**
 * A key naming one of these words. `\b` only knows ASCII letters ("Итого", "Capacité" would never
 * match), so words are delimited by any letter; Chinese, Japanese and Korean keys run on without
 * spaces ("总容量"), so their words stand anywhere in the key.
 */
function keyWords(...words: string[]): RegExp {
  const runOn = (word: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word);
  const delimited = words.filter((word) => !runOn(word)).join('|');
  const anywhere = words.filter(runOn).join('|');
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${delimited})(?![\p{L}\p{N}])${anywhere ? `|${anywhere}` : ''}`, 'iu');
}

const TOTAL_KEY = keyWords(
  'total',
  'totale',
  'sum',
  'summe',
  'gesamt\\p{L}*',
  'somme',
  'soma',
  'suma',
  'итого',
  'всего',
  '合计',
  '总计',
  '合計',
  '합계',
);
const REMAINING = keyWords(
  'remaining',
  'left',
  'open',
  'restant\\p{L}*',
  'verbleibend\\p{L}*',
  'offen',
  'restante',
  'pendiente',
  'осталось',
  '剩余',
  '残り',
  '남은',
);
const CAPACITY_KEY = keyWords(
  'capacity',
  'kapazität',
  'capacité',
  'capacidade',
  'capacidad',
  'capacità',
  'kapasite',
  'capaciteit',
  'pojemność',
  'ёмкость',
  'емкость',
  '容量',
  'キャパシティ',
  '용량',
);
const VELOCITY_KEY = keyWords(
  'velocity',
  'velocidad',
  'velocidade',
  'vélocité',
  'velocità',
  'geschwindigkeit',
  'скорость',
  '速度',
  'ベロシティ',
  '속도',
);
const COUNT_WORD =
  /^(?:stories|story|items?|tickets?|tasks?|user stories|issues?|us|hu|histórias|historias|aufgaben|tâches|задач\p{L}*|историй)$/iu;
const COUNT_KEY = /^(?:stories|user stories|items|tickets|tasks|issues|stories remaining|remaining stories|anzahl\b.*|number of .*)$/iu;
const TEAM_KEY = /^(?:team|team size|teamgröße|équipe|equipe|equipo|команда|팀)$/iu;
const PEOPLE =
  /\b(\d+)\s*(?:people|persons?|engineers?|developers?|devs?|members?|personen|entwickler\p{L}*|personnes|pessoas|personas|человек|명|人)(?![\p{L}\p{N}])/iu;
/** A figure and the words after it: "21 story points", "~40 days of work". */
const CAPACITY_VALUE = new RegExp(String.raw`^~?\s*${NUMBER}\s*([\p{L} ]*)`, 'u');
const VELOCITY_VALUE = new RegExp(String.raw`^~?\s*${NUMBER}`);
/** One of the figures a total states: "35 stories | 200 story points". */
const FIGURE_PART = new RegExp(String.raw`^~?\s*${NUMBER}\s*([\p{L} ]*)$`, 'u');

/** Whether a `Key: value` pair states a figure (a capacity, velocity, team size, total or count). */
export function statesFigure(key: string, value: string): boolean {
  return claimsFromKeyValue(key, value, { file: '' }, { file: '', line: 1, column: 1 }, null).length > 0;
}

/** A stated figure in a `Key: value` pair, or none. Several claims can share one value ("35 stories | 200 story points"). */
export function claimsFromKeyValue(
  key: string,
  value: string,
  scope: ClaimScope,
  source: SourcePosition,
  contextUnit: Unit | null,
): Claim[] {
  const raw = `${key}: ${value}`;
  const which = REMAINING.test(key) ? 'remaining' : 'all';
  if (CAPACITY_KEY.test(key)) {
    const match = CAPACITY_VALUE.exec(value);
    if (!match) return [];
    const stated = unitOfWords(match[2]);
    return [{ kind: 'capacity', scope, value: toNumber(match[1]) * (stated?.factor ?? 1), unit: stated?.unit ?? contextUnit, raw, source }];
  }
  if (VELOCITY_KEY.test(key)) {
    const match = VELOCITY_VALUE.exec(value);
    return match ? [{ kind: 'velocity', scope, value: toNumber(match[1]), raw, source }] : [];
  }
  if (TEAM_KEY.test(key)) {
    const match = PEOPLE.exec(value);
    return match ? [{ kind: 'team-size', scope, value: Number(match[1]), raw, source }] : [];
  }
  const isTotal = TOTAL_KEY.test(key);
  const isCount = COUNT_KEY.test(key.trim());
  if (!isTotal && !isCount) return [];
  const claims: Claim[] = [];
  for (const part of value.split(/\s*[|,;]\s*/)) {
    const match = FIGURE_PART.exec(part.trim());
    if (!match) continue;
    const words = match[2].trim();
    const amount = toNumber(match[1]);
    if (COUNT_WORD.test(words) || (isCount && !words)) {
      claims.push({ kind: 'count', scope, which, value: amount, raw, source });
      continue;
    }
    const stated = words ? unitOfWords(words) : null;
    if (words && !stated) continue;
    const unit = stated ? stated.unit : (unitOfKey(key) ?? contextUnit);
    claims.push({ kind: 'total', scope, which, value: amount * (stated?.factor ?? 1), unit, raw, source });
  }
  return claims;
}

/** The unit the words after a figure name: "story points", "days of work", "weeks". */
function unitOfWords(words: string): StatedUnit | null {
  const split = words.trim().split(/\s+/);
  return unitOfWord(split.slice(0, 2).join(' ')) ?? unitOfWord(split[0] ?? '');
}

function unitOfKey(key: string): Unit | null {
  for (const word of key.split(/\s+/).reverse()) {
    const unit = unitOfWord(word);
    if (unit) return unit.unit;
  }
  return /story\s*points|sp\b/i.test(key) ? 'points' : null;
}

const ARROW = /\s*(?:→|->|=>|⟶|➜|➔|—>|-->)\s*/;
const LENGTH = new RegExp(String.raw`(?:=|\(|length:?|total:?)\s*~?\s*${NUMBER}\s*([\p{L}]+)`, 'iu');
/** "1.1", "2.3.1": outline numbers, IDs in WBS tables. */
const OUTLINE_ID = /^\d+(?:\.\d+)+$/;
/** "1", "12": IDs only in a chain that states its length, where they cannot be the figures themselves. */
const NUMBER_ID = /^\d+$/;

/**
 * A stated critical path: IDs joined by arrows, with its length when the same text states one
 * ("= 58 pts", "(42 pts)", "Length: 12 days").
 */
export function criticalPathClaim(text: string, scope: ClaimScope, source: SourcePosition): Claim | null {
  const length = LENGTH.exec(text);
  let chain: string[] = [];
  const chainLine = text.split('\n').find((line) => {
    chain = ARROW.test(line) ? chainOf(line, length !== null) : [];
    return chain.length >= 2;
  });
  if (!chainLine) return null;
  const stated = length ? unitOfWord(length[2]) : null;
  return {
    kind: 'critical-path',
    scope,
    chain,
    length: length ? toNumber(length[1]) * (stated?.factor ?? 1) : null,
    unit: stated?.unit ?? null,
    raw: chainLine.trim(),
    source,
  };
}

/**
 * The IDs a line chains with arrows: the first ID of each link, or a number when the whole link is
 * one ("Critical path: 1.1 → 1.2 (6 days)"). Number links make a chain only when every link is
 * one: "from 12 → 15 days" is not a path.
 */
function chainOf(line: string, statesLength: boolean): string[] {
  const links = line.split(ARROW);
  const ids = links.map((link) => idsInText(link)[0]).filter((id): id is string => Boolean(id));
  if (ids.length >= 2) return ids;
  const numbers = links.map((link, index) => numberLink(link, index === 0, index === links.length - 1));
  const isId = (number: string | null) => number !== null && (OUTLINE_ID.test(number) || (statesLength && NUMBER_ID.test(number)));
  return numbers.every(isId) ? (numbers as string[]) : [];
}

/** A link without its label ("Critical path:") or stated length ("(6 days)", "= 6 days"), when a number is all that is left. */
function numberLink(link: string, first: boolean, last: boolean): string | null {
  let text = link.replace(/[*_`]/g, '');
  if (first) text = text.replace(/^.*[:：]/u, '');
  if (last) text = text.replace(/\s*(?:\(.*\)|=.*)$/u, '');
  text = text.trim();
  return /^\d+(?:\.\d+)*$/.test(text) ? text : null;
}
