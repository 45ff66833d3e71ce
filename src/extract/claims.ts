import type { Claim, ClaimScope, SourcePosition, Unit } from '../model/types.js';
import { toNumber, unitOfWord } from './estimates.js';
import { idsInText } from './ids.js';

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const TOTAL_KEY = /\b(?:total|sum|summe|gesamt\w*|somme|soma|suma|итого|всего|合计|总计|합계)\b|\btotale\b/iu;
const REMAINING = /\b(?:remaining|left|open|restant\w*|verbleibend\w*|offen|restante|pendiente|осталось|剩余|남은)\b/iu;
const CAPACITY_KEY = /\b(?:capacity|kapazität|capacité|capacidade|capacidad|ёмкость|емкость|容量|용량)\b/iu;
const VELOCITY_KEY = /\b(?:velocity|velocidad|velocidade|vélocité|geschwindigkeit|скорость|速度|속도)\b/iu;
const COUNT_WORD = /^(?:stories|story|items?|tickets?|tasks?|user stories|issues?|us|hu|histórias|historias|aufgaben|tâches|задач\w*|историй)$/iu;
const COUNT_KEY = /^(?:stories|user stories|items|tickets|tasks|issues|stories remaining|remaining stories|anzahl\b.*|number of .*)$/iu;
const TEAM_KEY = /^(?:team|team size|teamgröße|équipe|equipe|equipo|команда|팀)$/iu;
const PEOPLE = /\b(\d+)\s*(?:people|persons?|engineers?|developers?|devs?|members?|personen|entwickler\w*|personnes|pessoas|personas|человек|명|人)\b/iu;

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
    const match = new RegExp(String.raw`^~?\s*${NUMBER}\s*([\p{L} ]*)`, 'u').exec(value);
    if (!match) return [];
    const unit = unitOfWord(match[2].trim().split(/\s+/).slice(0, 2).join(' '))?.unit ?? unitOfWord(match[2].trim().split(/\s+/)[0] ?? '')?.unit ?? contextUnit;
    return [{ kind: 'capacity', scope, value: toNumber(match[1]), unit, raw, source }];
  }
  if (VELOCITY_KEY.test(key)) {
    const match = new RegExp(String.raw`^~?\s*${NUMBER}`).exec(value);
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
    const match = new RegExp(String.raw`^~?\s*${NUMBER}\s*([\p{L} ]*)$`, 'u').exec(part.trim());
    if (!match) continue;
    const words = match[2].trim();
    const amount = toNumber(match[1]);
    if (COUNT_WORD.test(words) || (isCount && !words)) {
      claims.push({ kind: 'count', scope, which, value: amount, raw, source });
      continue;
    }
    const unit = words ? (unitOfWord(words.split(/\s+/).slice(0, 2).join(' '))?.unit ?? unitOfWord(words.split(/\s+/)[0])?.unit) : unitOfKey(key) ?? contextUnit;
    if (words && !unit) continue;
    claims.push({ kind: 'total', scope, which, value: amount, unit: unit ?? null, raw, source });
  }
  return claims;
}

function unitOfKey(key: string): Unit | null {
  for (const word of key.split(/\s+/).reverse()) {
    const unit = unitOfWord(word);
    if (unit) return unit.unit;
  }
  return /story\s*points|sp\b/i.test(key) ? 'points' : null;
}

const ARROW = /\s*(?:→|->|=>|⟶|➜|➔|—>|-->)\s*/;

/**
 * A stated critical path: IDs joined by arrows, with its length when the same text states one
 * ("= 58 pts", "(42 pts)", "Length: 12 days").
 */
export function criticalPathClaim(text: string, scope: ClaimScope, source: SourcePosition): Claim | null {
  const chainLine = text.split('\n').find((line) => ARROW.test(line) && idsInText(line).length >= 2);
  if (!chainLine) return null;
  const chain = chainLine
    .split(ARROW)
    .map((part) => idsInText(part)[0])
    .filter((id): id is string => Boolean(id));
  if (chain.length < 2) return null;
  const length = new RegExp(String.raw`(?:=|\(|length:?|total:?)\s*~?\s*${NUMBER}\s*([\p{L}]+)`, 'iu').exec(text);
  const unit = length ? (unitOfWord(length[2])?.unit ?? null) : null;
  return {
    kind: 'critical-path',
    scope,
    chain,
    length: length ? toNumber(length[1]) : null,
    unit,
    raw: chainLine.trim(),
    source,
  };
}
