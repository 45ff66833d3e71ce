import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analyze/forecast.js';
import { bar, burnUpChart, histogramChart } from '../../src/report/forecast/charts.js';
import { forecastMarkdown } from '../../src/report/forecast/md.js';
import { item, makeBacklog } from '../helpers/make-backlog.js';

describe('bar', () => {
  it('draws eighths of a cell', () => {
    expect(bar(1, 4)).toBe('████');
    expect(bar(0.5, 4)).toBe('██');
    expect(bar(0.5 + 1 / 32, 4)).toBe('██▏');
    expect(bar(0.5 + 3 / 32, 4)).toBe('██▍');
    expect(bar(0, 4)).toBe('');
  });
});

describe('histogramChart', () => {
  it('shows each outcome with its share, the running share and the percentiles on it', () => {
    const lines = histogramChart(
      [
        { sprints: 6, trials: 25 },
        { sprints: 7, trials: 50 },
        { sprints: 8, trials: 25 },
      ],
      { p50: 7, p70: 7, p85: 8, p95: 8 },
      8,
    );
    expect(lines).toEqual(['6 │████        25%     25%', '7 │████████    50%     75%  P50 P70', '8 │████        25%    100%  P85 P95']);
  });

  it('merges outcomes into ranges when there are too many rows', () => {
    const histogram = Array.from({ length: 50 }, (_, index) => ({ sprints: 10 + index, trials: 1 }));
    const lines = histogramChart(histogram, { p50: 34, p70: 44, p85: 52, p95: 57 }, 10);
    // 50 outcomes in threes: 17 rows, the last holding two.
    expect(lines).toHaveLength(17);
    expect(lines[0]).toBe('10–12 │██████████     6%      6%');
    expect(lines[8]).toBe('34–36 │██████████     6%     54%  P50');
    expect(lines.at(-1)).toBe('58–59 │██████▋        4%    100%');
  });
});

describe('burnUpChart', () => {
  it('fills to the remaining work at the slowest velocity, banding up to the fastest', () => {
    expect(burnUpChart(10, { low: 4, high: 4 }, 10)).toEqual(['1 │████        4 / 10', '2 │████████    8 / 10', '3 │██████████ 10 / 10']);
    expect(burnUpChart(10, { low: 4, high: 5 }, 10)).toEqual([
      '1 │████░        4–5 / 10',
      '2 │████████░░  8–10 / 10',
      '3 │██████████    10 / 10',
    ]);
  });

  it('shows at most 24 rows, always the last sprint', () => {
    const lines = burnUpChart(1000, { low: 10, high: 10 }, 10);
    // 100 sprints, every fifth shown.
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('  5 │▌            50 / 1000');
    expect(lines.at(-1)).toBe('100 │██████████ 1000 / 1000');
  });
});

describe('forecast headline', () => {
  it('does not call unestimated work nothing', () => {
    const result = forecast(makeBacklog([item('A'), item('B')]), { velocity: { kind: 'fixed', value: 5 } });
    expect(forecastMarkdown(result)).toBe(
      '**No estimated work remaining, but 2 open items cannot be counted (see below)**\n\n- Left out: 2 open items without an estimate (A, B).\n',
    );
  });
});
