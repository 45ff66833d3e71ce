import { describe, expect, it } from 'vitest';
import type { SizeRange } from '../../src/config/types.js';
import { readEstimate } from '../../src/extract/estimates.js';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Unit } from '../../src/model/types.js';

/** [low, high, unit] of a reading, the problem it reports, or null for an empty value. */
function read(raw: string, unit: Unit | null = null, scale: Record<string, SizeRange> = {}): [number, number, Unit] | string | null {
  const reading = readEstimate(raw, { unit, scale, openEndedFactor: 1.5 });
  if (!reading) return null;
  return 'estimate' in reading ? [reading.estimate.low, reading.estimate.high, reading.estimate.unit] : reading.problem;
}

const estimates = (markdown: string) =>
  backlogFromMarkdown(markdown).items.map((item) => [
    item.id,
    item.estimate && [item.estimate.low, item.estimate.high, item.estimate.unit],
  ]);

const rules = (markdown: string) => backlogFromMarkdown(markdown).diagnostics.map((diagnostic) => diagnostic.rule);

describe('units and compounds in more languages', () => {
  it('adds up a compound amount written without spaces in Japanese, Chinese and Korean', () => {
    expect(read('2時間40分')).toEqual([2 + 40 / 60, 2 + 40 / 60, 'hours']);
    expect(read('1時間30分')).toEqual([1.5, 1.5, 'hours']);
    expect(read('1天4小时')).toEqual([1.5, 1.5, 'days']);
    expect(read('2시간 30분')).toEqual([2.5, 2.5, 'hours']);
    expect(read('2시간30분')).toEqual([2.5, 2.5, 'hours']);
  });

  it('adds up compound amounts in words, larger unit first, in the unit of the first', () => {
    expect(read('1 час 30 мин')).toEqual([1.5, 1.5, 'hours']);
    expect(read('2 hours 30 minutes')).toEqual([2.5, 2.5, 'hours']);
    expect(read('1 day 4 hours')).toEqual([1.5, 1.5, 'days']);
    expect(read('1w 2d')).toEqual([7, 7, 'days']);
    expect(read('1h30')).toEqual([1.5, 1.5, 'hours']);
    expect(read('2h 45')).toEqual([2.75, 2.75, 'hours']);
  });

  it('does not add up amounts that are not a compound', () => {
    expect(read('3d 2d')).toEqual([3, 3, 'days']);
    expect(read('5 days of work')).toEqual([5, 5, 'days']);
    expect(read('2h 30m')).toEqual([2.5, 2.5, 'hours']);
    expect(read('30m 2h')).toEqual('"30m 2h" is not an estimate');
  });

  it('reads minutes, Russian and German hours, and ranges with or without spaces', () => {
    expect(read('30分')).toEqual([0.5, 0.5, 'hours']);
    expect(read('30 min')).toEqual([0.5, 0.5, 'hours']);
    expect(read('24-32 часа')).toEqual([24, 32, 'hours']);
    expect(read('0.5 часа')).toEqual([0.5, 0.5, 'hours']);
    expect(read('1 час')).toEqual([1, 1, 'hours']);
    expect(read('3 Std.')).toEqual([3, 3, 'hours']);
    expect(read('2–3h')).toEqual([2, 3, 'hours']);
    expect(read('2-3h')).toEqual([2, 3, 'hours']);
    expect(read('2 - 3 h')).toEqual([2, 3, 'hours']);
    expect(read('2〜3日')).toEqual([2, 3, 'days']);
    expect(read('2～3時間')).toEqual([2, 3, 'hours']);
  });
});

describe('amount forms', () => {
  it('reads an amount given as about so much, in any language', () => {
    expect(read('~2h')).toEqual([2, 2, 'hours']);
    expect(read('≈3d')).toEqual([3, 3, 'days']);
    expect(read('ca. 4h')).toEqual([4, 4, 'hours']);
    expect(read('約2時間')).toEqual([2, 2, 'hours']);
    expect(read('约2天')).toEqual([2, 2, 'days']);
    expect(read('약 2시간')).toEqual([2, 2, 'hours']);
    expect(read('около 3 дней')).toEqual([3, 3, 'days']);
    expect(read('rund 3 Tage')).toEqual([3, 3, 'days']);
    expect(read('around 4h')).toEqual([4, 4, 'hours']);
  });

  it('reads a doubted amount and one followed by a note, in ASCII or full-width parentheses', () => {
    expect(read('2h?')).toEqual([2, 2, 'hours']);
    expect(read('1 час (документирование)')).toEqual([1, 1, 'hours']);
    expect(read('0.5 人日（维护成本，本轮已付）')).toEqual([0.5, 0.5, 'days']);
  });

  it('reads a Japanese table in hours and minutes end to end', () => {
    const markdown =
      '| タスクID | タスク名 | 見積 | 依存 |\n|---|---|---|---|\n| UF-001 | 構成分析 | 30分 | なし |\n| UF-101 | 実装 | 2時間40分 | UF-001 |\n| UF-102 | テスト | 約1.5時間 | UF-101 |\n';
    expect(estimates(markdown)).toEqual([
      ['UF-001', [0.5, 0.5, 'hours']],
      ['UF-101', [2 + 40 / 60, 2 + 40 / 60, 'hours']],
      ['UF-102', [1.5, 1.5, 'hours']],
    ]);
    expect(rules(markdown)).toEqual([]);
  });
});
