import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analyze/forecast.js';
import type { BurnUp } from '../../src/analyze/forecast.js';
import { bar, burnUpChart, burnUpMermaid, histogramChart, PAST_ROWS } from '../../src/report/forecast/charts.js';
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
  const exact: BurnUp = {
    source: null,
    past: [],
    now: { done: 2, scope: 10 },
    future: [
      { sprint: 1, p50: 6, p85: 6, scope: 10 },
      { sprint: 2, p50: 10, p85: 10, scope: 10 },
    ],
  };

  it('draws done work against the scope, now and sprint by sprint', () => {
    expect(burnUpChart(exact, 10)).toEqual(['now │██░░░░░░░░  2 / 10', ' +1 │██████░░░░  6 / 10', ' +2 │██████████ 10 / 10']);
  });

  it('fans out from what 85% of the trials get done to what half of them do', () => {
    const fan: BurnUp = { ...exact, future: [{ sprint: 1, p50: 8, p85: 5, scope: 10 }, exact.future[1]] };
    expect(burnUpChart(fan, 10)[1]).toBe(' +1 │█████▒▒▒░░ 5–8 / 10');
  });

  it('shows the past with its dates and a scope that grew: each row as long as its scope', () => {
    const history: BurnUp = {
      source: 'git',
      past: [
        { label: '−2', end: '2026-01-05', done: 0, scope: 5 },
        { label: '−1', end: '2026-01-19', done: 3, scope: 5 },
      ],
      now: { end: '2026-02-02', done: 6, scope: 10 },
      future: [{ sprint: 1, end: '2026-02-16', p50: 10, p85: 10, scope: 10 }],
    };
    expect(burnUpChart(history, 10)).toEqual([
      ' −2 2026-01-05 │░░░░░        0 / 5',
      ' −1 2026-01-19 │███░░        3 / 5',
      'now 2026-02-02 │██████░░░░  6 / 10',
      ' +1 2026-02-16 │██████████ 10 / 10',
    ]);
  });

  it('shows the last dozen past sprints', () => {
    const long: BurnUp = {
      ...exact,
      past: Array.from({ length: 20 }, (_, index) => ({ label: `−${20 - index}`, done: index * 0.1, scope: 10 })),
    };
    const lines = burnUpChart(long, 10);
    expect(lines).toHaveLength(PAST_ROWS + 3);
    expect(lines[0].startsWith('−12 │')).toBe(true);
  });
});

describe('burnUpMermaid', () => {
  it('draws the scope, then done work continuing as P50 and P85 ahead, with a caption naming the lines', () => {
    const chart: BurnUp = {
      source: 'sprints',
      past: [{ label: 'Sprint 1', done: 4, scope: 12 }],
      now: { done: 4, scope: 12 },
      future: [
        { sprint: 1, p50: 9, p85: 7.5, scope: 12 },
        { sprint: 2, p50: 12, p85: 12, scope: 12 },
      ],
    };
    expect(burnUpMermaid(chart, 'points')).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "Burn-up: points done by the end of each sprint"',
      '  x-axis ["Sprint 1", "now", "+1", "+2"]',
      '  y-axis "points" 0 --> 12',
      '  line [12, 12, 12, 12]',
      '  line [4, 4, 9, 12]',
      '  line [4, 4, 7.5, 12]',
      '```',
      '',
      'Lines from the top: the scope; points done, then what half of the trials get done (P50); points done, then what 85% of them get done (P85).',
    ]);
  });

  it('draws one forecast line when nothing is drawn, and dates on the axis when there are dates', () => {
    const chart: BurnUp = {
      source: null,
      past: [],
      now: { end: '2026-02-27', done: 0, scope: 19 },
      future: [{ sprint: 1, end: '2026-03-06', p50: 19, p85: 19, scope: 19 }],
    };
    const lines = burnUpMermaid(chart, 'days');
    expect(lines).toContain('  x-axis ["2026-02-27", "2026-03-06"]');
    expect(lines.filter((line) => line.startsWith('  line'))).toEqual(['  line [19, 19]', '  line [0, 19]']);
    expect(lines.at(-1)).toBe('Lines: the scope; days done, then the forecast.');
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
