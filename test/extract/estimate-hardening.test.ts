import { describe, expect, it } from 'vitest';
import { estimateInTitle, readEstimate, readScaleStatement, unitOfWord } from '../../src/extract/values/estimates.js';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Unit } from '../../src/model/types.js';

const context = { unit: null, scale: {}, openEndedFactor: 1.5 };

/** [low, high, unit] of a reading, the problem it reports, or null for an empty value. */
function read(raw: string, unit: Unit | null = null): [number, number, Unit] | string | null {
  const reading = readEstimate(raw, { ...context, unit });
  if (!reading) return null;
  return 'estimate' in reading ? [reading.estimate.low, reading.estimate.high, reading.estimate.unit] : reading.problem;
}

const estimates = (markdown: string) =>
  backlogFromMarkdown(markdown).items.map((item) => [item.id, item.title, item.estimate && [item.estimate.expected, item.estimate.unit]]);

const rules = (markdown: string) => backlogFromMarkdown(markdown).diagnostics.map((diagnostic) => diagnostic.rule);

describe('an estimate in a wrapper', () => {
  it('reads a number in parentheses as that number, in the column unit', () => {
    expect(read('(3)')).toEqual([3, 3, 'points']);
    expect(read('(3)', 'days')).toEqual([3, 3, 'days']);
    expect(read('**(5 SP)**')).toEqual([5, 5, 'points']);
    expect(read('（3）')).toEqual([3, 3, 'points']);
  });

  it('reads brackets, "~" and a doubting "?" as the number they surround', () => {
    expect(read('[3]')).toEqual([3, 3, 'points']);
    expect(read('~3')).toEqual([3, 3, 'points']);
    expect(read('3?')).toEqual([3, 3, 'points']);
    expect(read('2d?')).toEqual([2, 2, 'days']);
    expect(read('TBD?')).toBeNull();
    expect(read('?')).toBeNull();
  });

  it('keeps parentheses after an estimate, or around words, as a note', () => {
    expect(read('3 (S)')).toEqual([3, 3, 'points']);
    expect(read('8 SP (was 5)')).toEqual([8, 8, 'points']);
    expect(read('(see US-4)')).toBeNull();
  });

  it('counts a parenthesised cell in the table and its total', () => {
    const markdown =
      '| ID | Story | Estimate |\n|---|---|---|\n| US-1 | a story | 5 SP |\n| US-2 | b story | (3) |\n| **Total** | | **8 SP** |\n';
    expect(estimates(markdown)).toEqual([
      ['US-1', 'a story', [5, 'points']],
      ['US-2', 'b story', [3, 'points']],
    ]);
    expect(rules(markdown)).toEqual([]);
  });
});

describe('fractions', () => {
  it('read vulgar fractions, slash fractions and decimal commas', () => {
    expect(read('½ day')).toEqual([0.5, 0.5, 'days']);
    expect(read('¼d')).toEqual([0.25, 0.25, 'days']);
    expect(read('1½ days')).toEqual([1.5, 1.5, 'days']);
    expect(read('1/2d')).toEqual([0.5, 0.5, 'days']);
    expect(read('1 1/2 days')).toEqual([1.5, 1.5, 'days']);
    expect(read('0,5 j')).toEqual([0.5, 0.5, 'days']);
    expect(read('½-1d')).toEqual([0.5, 1, 'days']);
  });

  it('leave dates and three-point estimates alone', () => {
    expect(read('24/10')).toEqual('"24/10" is not an estimate');
    expect(read('1/2/3d')).toEqual([1, 3, 'days']);
  });

  it('state a T-shirt scale in prose', () => {
    expect(readScaleStatement('Sizes: XS = ½ day, S = 1 day, M = 2-3 days, L = 1 week.', 1.5)).toEqual({
      XS: { low: 0.5, high: 0.5, unit: 'days' },
      S: { low: 1, high: 1, unit: 'days' },
      M: { low: 2, high: 3, unit: 'days' },
      L: { low: 5, high: 5, unit: 'days' },
    });
    expect(readScaleStatement('XS = 0,5 j, S = 1 j, M = 2,5 j', 1.5)).toEqual({
      XS: { low: 0.5, high: 0.5, unit: 'days' },
      S: { low: 1, high: 1, unit: 'days' },
      M: { low: 2.5, high: 2.5, unit: 'days' },
    });
  });

  it('size the items of a table by a legend with a fraction', () => {
    const markdown =
      'Sizes: XS = ½ day, S = 1 day, M = 2-3 days.\n\n| ID | Item | Size |\n|---|---|---|\n| INF-1 | Rotate secrets | XS |\n| INF-2 | Move runners | M |\n';
    expect(estimates(markdown)).toEqual([
      ['INF-1', 'Rotate secrets', [0.5, 'days']],
      ['INF-2', 'Move runners', [2.5, 'days']],
    ]);
    expect(rules(markdown)).toEqual([]);
  });
});

describe('unit words', () => {
  it('read Russian days, hours and weeks, with or without an abbreviating dot', () => {
    expect(read('1 день')).toEqual([1, 1, 'days']);
    expect(read('1 д')).toEqual([1, 1, 'days']);
    expect(read('2 д.')).toEqual([2, 2, 'days']);
    expect(read('3 ч')).toEqual([3, 3, 'hours']);
    expect(read('2 нед.')).toEqual([10, 10, 'days']);
    expect(read('1 неделю')).toEqual([5, 5, 'days']);
    expect(unitOfWord('нед')).toEqual({ unit: 'days', factor: 5 });
  });

  it('read Chinese and Japanese days, person-days, hours and weeks', () => {
    expect(read('3周')).toEqual([15, 15, 'days']);
    expect(read('5人天')).toEqual([5, 5, 'days']);
    expect(read('2小时')).toEqual([2, 2, 'hours']);
    expect(read('2 小时')).toEqual([2, 2, 'hours']);
    expect(read('3日')).toEqual([3, 3, 'days']);
    expect(read('4人日')).toEqual([4, 4, 'days']);
    expect(read('2時間')).toEqual([2, 2, 'hours']);
    expect(read('1週間')).toEqual([5, 5, 'days']);
  });

  it('read German and English person-days, and keep "pt" as points', () => {
    expect(read('3 PT')).toEqual([3, 3, 'days']);
    expect(read('3 PT', 'days')).toEqual([3, 3, 'days']);
    expect(read('3 Personentage')).toEqual([3, 3, 'days']);
    expect(read('2 MT')).toEqual([2, 2, 'days']);
    expect(read('2 Manntage')).toEqual([2, 2, 'days']);
    expect(read('3 md')).toEqual([3, 3, 'days']);
    expect(read('2 man-days')).toEqual([2, 2, 'days']);
    expect(read('4 person-days')).toEqual([4, 4, 'days']);
    expect(read('2 pd')).toEqual([2, 2, 'days']);
    expect(read('5pt')).toEqual([5, 5, 'points']);
    expect(read('5 Pt')).toEqual([5, 5, 'points']);
  });

  it('read "PT" as points in a points column, where it abbreviates them', () => {
    expect(read('3 PT', 'points')).toEqual([3, 3, 'points']);
    expect(read('2 PT + 1 PT', 'points')).toEqual([3, 3, 'points']);
  });

  it('count short unit words only after a number', () => {
    expect(read('PT')).toEqual('"PT" is not an estimate');
    expect(read('д')).toEqual('"д" is not an estimate');
    expect(estimateInTitle('Plan (PT)')).toBeNull();
    expect(estimateInTitle('Review (MD)')).toBeNull();
  });

  it('read person-days in the cells of a German table', () => {
    const markdown =
      '| Nr. | Anforderung | Aufwand |\n|---|---|---|\n| A-1 | Artikelstamm anlegen | 3 PT |\n| A-2 | Lagerplätze verwalten | 2,5 PT |\n';
    expect(estimates(markdown)).toEqual([
      ['A-1', 'Artikelstamm anlegen', [3, 'days']],
      ['A-2', 'Lagerplätze verwalten', [2.5, 'days']],
    ]);
  });

  it('read a Russian table in days and hours without warnings', () => {
    const markdown =
      '| ID | Задача | Оценка |\n|---|---|---|\n| Z-1 | Авторизация | 3 ч |\n| Z-2 | Каталог | 1 день |\n| Z-3 | Корзина | 2 нед. |\n';
    expect(estimates(markdown)).toEqual([
      ['Z-1', 'Авторизация', [3, 'hours']],
      ['Z-2', 'Каталог', [1, 'days']],
      ['Z-3', 'Корзина', [10, 'days']],
    ]);
    expect(rules(markdown)).toEqual([]);
  });

  it('read "1 sprint" in sprints, a unit that converts to nothing else', () => {
    expect(read('1 sprint')).toEqual([1, 1, 'sprints']);
  });
});

describe('an estimate in a title', () => {
  it('is found in full-width parentheses, with the span to remove as written', () => {
    expect(estimateInTitle('ログイン画面（5pt）')).toEqual({ raw: '5pt', text: '（5pt）', unit: 'points' });
    expect(estimateInTitle('多租户账户（１５d）')).toEqual({ raw: '１５d', text: '（１５d）', unit: 'days' });
    expect(estimateInTitle('画面デザイン（2h）')).toEqual({ raw: '2h', text: '（2h）', unit: 'hours' });
  });

  it('may be a fraction, in parentheses or after a dash', () => {
    expect(estimateInTitle('Fix typo (½ day)')).toEqual({ raw: '½ day', text: '(½ day)', unit: 'days' });
    expect(estimateInTitle('Fix typo — 1/2d')).toEqual({ raw: '1/2d', text: ' — 1/2d', unit: 'days' });
    expect(estimateInTitle('Support — 24/7 coverage')).toBeNull();
  });

  it('makes items of a roadmap list and of headings written with a CJK keyboard', () => {
    expect(estimates('# Roadmap\n\n- **RM-1** 多租户账户（3周）\n- **RM-2** 单点登录（５人天）\n')).toEqual([
      ['RM-1', '多租户账户', [15, 'days']],
      ['RM-2', '单点登录', [5, 'days']],
    ]);
    expect(estimates('# X\n\n## US-1: ログイン画面（5pt）\n')).toEqual([['US-1', 'ログイン画面', [5, 'points']]]);
  });
});

describe('a sum in one estimate', () => {
  it('adds amounts in one unit, a note after the last', () => {
    expect(read('3d + 1d buffer')).toEqual([4, 4, 'days']);
    expect(read('3d + 1d')).toEqual([4, 4, 'days']);
    expect(read('1w + 2d')).toEqual([7, 7, 'days']);
    expect(read('3 + 2', 'points')).toEqual([5, 5, 'points']);
    expect(read('2 + 1h')).toEqual([3, 3, 'hours']);
  });

  it('does not add amounts in different units, and leaves open ends open', () => {
    expect(read('1d + 4h')).toEqual('"1d + 4h" adds up amounts in different units');
    expect(read('3 days + 2 SP')).toEqual('"3 days + 2 SP" adds up amounts in different units');
    expect(read('3d + 1 sprint')).toEqual('"3d + 1 sprint" adds up amounts in different units');
    expect(read('13+ pts')).toEqual([13, 19.5, 'points']);
  });

  it('is read from an estimate line under a heading', () => {
    expect(estimates('## US-2: Login\n\n**Estimate:** 3d + 1d buffer\n')).toEqual([['US-2', 'Login', [4, 'days']]]);
  });
});
