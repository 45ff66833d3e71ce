import { describe, expect, it } from 'vitest';
import type { SizeRange } from '../../src/config/types.js';
import { readEstimate, readScaleStatement } from '../../src/extract/values/estimates.js';
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

describe('a column named by its unit alone', () => {
  it('reads "時間", "Stunden" or "Часы" as the estimate, in that unit', () => {
    const table = (header: string, a: string, b: string) =>
      `| ID | Task | ${header} |\n|---|---|---|\n| T-1 | One | ${a} |\n| T-2 | Two | ${b} |\n`;
    expect(estimates(table('時間', '30分', '1.5時間'))).toEqual([
      ['T-1', [0.5, 0.5, 'hours']],
      ['T-2', [1.5, 1.5, 'hours']],
    ]);
    expect(estimates(table('Stunden', '3', '4'))).toEqual([
      ['T-1', [3, 3, 'hours']],
      ['T-2', [4, 4, 'hours']],
    ]);
    expect(estimates(table('Tage', '1', '0,5'))).toEqual([
      ['T-1', [1, 1, 'days']],
      ['T-2', [0.5, 0.5, 'days']],
    ]);
    expect(estimates(table('Часы', '24-32', '8'))).toEqual([
      ['T-1', [24, 32, 'hours']],
      ['T-2', [8, 8, 'hours']],
    ]);
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

const SCALE: Record<string, SizeRange> = {
  XS: { low: 0.25, high: 0.25, unit: 'days' },
  S: { low: 0.5, high: 1, unit: 'days' },
  M: { low: 2, high: 3, unit: 'days' },
  L: { low: 4, high: 6, unit: 'days' },
};

describe('a size or a qualifier with its amount in parentheses', () => {
  it('reads the amount in parentheses after a T-shirt size, a size word or a qualifier', () => {
    expect(read('M (3–4h)')).toEqual([3, 4, 'hours']);
    expect(read('S (2h)')).toEqual([2, 2, 'hours']);
    expect(read('L (1 Tag)')).toEqual([1, 1, 'days']);
    expect(read('L (1–1.5 Tage)')).toEqual([1, 1.5, 'days']);
    expect(read('XL (8 SP)')).toEqual([8, 8, 'points']);
    expect(read('Small (2h)')).toEqual([2, 2, 'hours']);
    expect(read('TBD (1–2 days)')).toEqual([1, 2, 'days']);
    expect(read('**M** (3-5 days)')).toEqual([3, 5, 'days']);
    expect(read('S（2h）')).toEqual([2, 2, 'hours']);
  });

  it('keeps a clause after the amount, and the size, as notes', () => {
    expect(read('Variabel (1–3 Tage, hängt von Fehleranzahl ab)')).toEqual([1, 3, 'days']);
    expect(read('M (1,5 Tage, inkl. Review)')).toEqual([1.5, 1.5, 'days']);
    const reading = readEstimate('M (3–4h)', { unit: null, scale: {}, openEndedFactor: 1.5 });
    expect(reading && 'estimate' in reading && reading.estimate).toMatchObject({
      raw: 'M (3–4h)',
      size: 'M',
      kind: 'range',
      expected: 3.5,
    });
  });

  it('prefers the stated amount to the scale', () => {
    expect(read('M (3–4h)', null, SCALE)).toEqual([3, 4, 'hours']);
  });

  it('reads a bare amount in parentheses only where the context gives the unit, or as a range', () => {
    expect(read('M (5)', 'points')).toEqual([5, 5, 'points']);
    expect(read('M (3-5)', 'days')).toEqual([3, 5, 'days']);
    expect(read('M (5)')).toEqual('T-shirt size "M (5)" has no scale (state one, e.g. "S= 1 to 2 days", or set scales in the config)');
    expect(read('M (5)', null, SCALE)).toEqual([2, 3, 'days']);
    expect(read('Days (3-5)')).toEqual([3, 5, 'days']);
  });

  it('keeps parentheses after an amount, or without one, as a note', () => {
    expect(read('3 (S)')).toEqual([3, 3, 'points']);
    expect(read('8 SP (was 5)')).toEqual([8, 8, 'points']);
    expect(read('M (see notes)', null, SCALE)).toEqual([2, 3, 'days']);
    expect(read('(see US-4)')).toBeNull();
    expect(read('Backend (3d), Frontend (2d)')).toEqual('"Backend (3d), Frontend (2d)" is not an estimate');
  });

  it('reads the effort lines of work-package headings end to end, without warnings', () => {
    const markdown = [
      '# Plan',
      '',
      '### WP-01: Scaffold',
      '',
      '**Aufwand:** S (2–3h)',
      '',
      '### WP-02: Parser',
      '',
      '**Aufwand:** L (1–1.5 Tage)',
      '**Dependencies:** WP-01',
      '',
      '### WP-03: Fixes',
      '',
      '**Aufwand:** Variabel (1–3 Tage, hängt von Fehleranzahl ab)',
      '**Dependencies:** WP-02',
      '',
    ].join('\n');
    expect(estimates(markdown)).toEqual([
      ['WP-01', [2, 3, 'hours']],
      ['WP-02', [1, 1.5, 'days']],
      ['WP-03', [1, 3, 'days']],
    ]);
    expect(rules(markdown)).toEqual([]);
  });
});

describe('T-shirt sizes as words, ranges and multiples', () => {
  it('reads a size word as its size, in several languages', () => {
    expect(read('Medium', null, SCALE)).toEqual([2, 3, 'days']);
    expect(read('klein', null, SCALE)).toEqual([0.5, 1, 'days']);
    expect(read('大', null, SCALE)).toEqual([4, 6, 'days']);
    expect(read('Extra Small', null, SCALE)).toEqual([0.25, 0.25, 'days']);
  });

  it('reads a range of two sizes from the first one low to the last one high', () => {
    expect(read('S-M', null, SCALE)).toEqual([0.5, 3, 'days']);
    expect(read('XS–S', null, SCALE)).toEqual([0.25, 1, 'days']);
    expect(read('M/L', null, SCALE)).toEqual([2, 6, 'days']);
    expect(read('Small to Medium', null, SCALE)).toEqual([0.5, 3, 'days']);
    expect(read('L-S', null, SCALE)).toEqual('range "L-S" ends below its start');
  });

  it('multiplies a size or a range of sizes by a count', () => {
    expect(read('S-M ×2', null, SCALE)).toEqual([1, 6, 'days']);
    expect(read('2×M', null, SCALE)).toEqual([4, 6, 'days']);
    expect(read('M x2', null, SCALE)).toEqual([4, 6, 'days']);
    expect(read('2 x M', null, SCALE)).toEqual([4, 6, 'days']);
    expect(read('2 × 3h')).toEqual([6, 6, 'hours']);
    expect(read('1920 x 1080')).toEqual('"1920 x 1080" is not an estimate');
  });

  it('converts hours to days across a range of sizes in both', () => {
    expect(read('S-M', null, { S: { low: 2, high: 4, unit: 'hours' }, M: { low: 1, high: 2, unit: 'days' } })).toEqual([0.25, 2, 'days']);
  });

  it('names the size in the estimate', () => {
    const size = (raw: string) => {
      const reading = readEstimate(raw, { unit: null, scale: SCALE, openEndedFactor: 1.5 });
      return reading && 'estimate' in reading ? [reading.estimate.kind, reading.estimate.size] : reading;
    };
    expect(size('Medium')).toEqual(['size', 'M']);
    expect(size('S-M ×2')).toEqual(['size', 'S-M ×2']);
    expect(size('2XL')).toEqual({
      problem: 'T-shirt size "2XL" has no scale (state one, e.g. "S= 1 to 2 days", or set scales in the config)',
    });
  });

  it('stays unresolved without a scale, and says so', () => {
    const problem = (raw: string) => `T-shirt size "${raw}" has no scale (state one, e.g. "S= 1 to 2 days", or set scales in the config)`;
    for (const raw of ['S-M', 'XS–S', 'M/L', 'S-M ×2', '2×M', 'Medium']) expect(read(raw)).toEqual(problem(raw));
  });

  it('sizes the rows of a table by a stated scale end to end', () => {
    const markdown =
      'Sizes: S = 1 day, M = 2-3 days, L = 1 week.\n\n| WP | Task | 工数 |\n|---|---|---|\n| WP-01 | Spike | S-M |\n| WP-02 | Build | M/L |\n| WP-03 | Port | S-M ×2 |\n| WP-04 | Docs | Small |\n';
    expect(estimates(markdown)).toEqual([
      ['WP-01', [1, 3, 'days']],
      ['WP-02', [2, 5, 'days']],
      ['WP-03', [2, 6, 'days']],
      ['WP-04', [1, 1, 'days']],
    ]);
    expect(rules(markdown)).toEqual([]);
  });
});

describe('scales stated in other ways', () => {
  const scale = (text: string) => readScaleStatement(text, 1.5);

  it('reads a scale with ≈, ~, → or a word for equals', () => {
    expect(scale('S ~ 2h, M ~ 1d')).toEqual({ S: { low: 2, high: 2, unit: 'hours' }, M: { low: 1, high: 1, unit: 'days' } });
    expect(scale('S ≈ ½ day; M ≈ 1–2 days')).toEqual({ S: { low: 0.5, high: 0.5, unit: 'days' }, M: { low: 1, high: 2, unit: 'days' } });
    expect(scale('S → 2h, M → 1d')).toEqual({ S: { low: 2, high: 2, unit: 'hours' }, M: { low: 1, high: 1, unit: 'days' } });
    expect(scale('S is about 1 day, M is 2–3 days')).toEqual({
      S: { low: 1, high: 1, unit: 'days' },
      M: { low: 2, high: 3, unit: 'days' },
    });
    expect(scale('S entspricht 1 Tag, M entspricht 3 Tagen')).toEqual({
      S: { low: 1, high: 1, unit: 'days' },
      M: { low: 3, high: 3, unit: 'days' },
    });
  });

  it('reads sizes in parentheses, and sizes written as words', () => {
    expect(scale('Small tasks (S ≈ ½ day) and medium ones (M ≈ 1 day).')).toEqual({
      S: { low: 0.5, high: 0.5, unit: 'days' },
      M: { low: 1, high: 1, unit: 'days' },
    });
    expect(scale('Small: 1 day; Medium: 3 days; Large: 1 week')).toEqual({
      S: { low: 1, high: 1, unit: 'days' },
      M: { low: 3, high: 3, unit: 'days' },
      L: { low: 5, high: 5, unit: 'days' },
    });
  });

  it('reads a count before a size: the amount of each, or of all of them', () => {
    expect(scale('~6 person-days (4 × M ≈ 1 day each, 5 × S ≈ 0.5 day each).')).toEqual({
      M: { low: 1, high: 1, unit: 'days' },
      S: { low: 0.5, high: 0.5, unit: 'days' },
    });
    expect(scale('3 x L ≈ 2 days apiece, 2 × XL ≈ 4 days apiece')).toEqual({
      L: { low: 2, high: 2, unit: 'days' },
      XL: { low: 4, high: 4, unit: 'days' },
    });
    expect(scale('4 × M = 4 days, 5 × S = 2.5 days')).toEqual({
      M: { low: 1, high: 1, unit: 'days' },
      S: { low: 0.5, high: 0.5, unit: 'days' },
    });
  });

  it('needs two sizes, capital letters, and units or points that say so', () => {
    expect(scale('S ≈ ½ day')).toEqual({});
    expect(scale('s = 1 day, m = 2 days')).toEqual({});
    expect(scale('S = 2, M = 5')).toEqual({});
    expect(scale('S ~ 2 SP, M ~ 5 SP')).toEqual({ S: { low: 2, high: 2, unit: 'points' }, M: { low: 5, high: 5, unit: 'points' } });
    expect(scale('Status: 3 days, PM: 2 days')).toEqual({});
  });

  it('sizes a tracker table by the scale its total line states, end to end', () => {
    const markdown = [
      '| # | Task | Estimate | Blocked by | Status |',
      '|---|---|---|---|---|',
      '| T1 | Seed | S | — | done |',
      '| T2 | Detector | M | T1 | done |',
      '| T3 | Wire up | M | T2 | done |',
      '',
      '**Total:** 3 tasks, ~2.5 person-days (2 × M ≈ 1 day each, 1 × S ≈ 0.5 day each).',
      '',
    ].join('\n');
    expect(estimates(markdown)).toEqual([
      ['T1', [0.5, 0.5, 'days']],
      ['T2', [1, 1, 'days']],
      ['T3', [1, 1, 'days']],
    ]);
    expect(rules(markdown)).not.toContain('unparsable-estimate');
  });
});
