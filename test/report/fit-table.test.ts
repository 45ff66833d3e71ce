import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawFittedTable, fitTable, type ColumnFit } from '../../src/report/fit-table.js';
import { drawTable, type TableOptions } from '../../src/report/terminal-table.js';
import { displayWidth } from '../../src/report/wrap-text.js';

const options: TableOptions = { head: ['ID', 'Title', 'Estimate', 'Depends on', 'Status'], style: { head: [], border: [], compact: true } };
const rows = [
  ['A-1', 'Import the customer records', '3pt', 'A-2, A-3', 'Done'],
  ['A-2', '顧客データの取り込み', '5pt', '', 'In progress'],
];
/** As a report asks: the title shrinks first, the dependencies shrink after it and leave first, then the status. */
const columns: ColumnFit[] = [{}, { shrink: { min: 8 } }, {}, { shrink: { min: 6, order: 2 }, drop: 1 }, { drop: 2 }];
const draw = (width: number | undefined) => drawFittedTable(options, rows, { width, columns });

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('fitTable', () => {
  it('draws the table whole without a width, and when it fits the width', () => {
    const whole = drawTable(options, rows);
    expect(draw(undefined)).toBe(whole);
    expect(draw(80)).toBe(whole);
    expect(draw(75)).toBe(whole);
    expect(widest(whole)).toBe(75);
    expect(fitTable(options, rows, { width: 75, columns }).kept).toEqual([0, 1, 2, 3, 4]);
  });

  it('shortens the titles with … first, by display width (a wide character takes two columns), then the dependencies', () => {
    expect(draw(60)).toBe(
      [
        '┌─────┬──────────────────┬──────────┬────────┬─────────────┐',
        '│ ID  │ Title            │ Estimate │ Depen… │ Status      │',
        '├─────┼──────────────────┼──────────┼────────┼─────────────┤',
        '│ A-1 │ Import the cust… │ 3pt      │ A-2, … │ Done        │',
        '│ A-2 │ 顧客データの取…  │ 5pt      │        │ In progress │',
        '└─────┴──────────────────┴──────────┴────────┴─────────────┘',
      ].join('\n'),
    );
  });

  it('then leaves out the optional columns, lowest drop first, the titles taking the room they leave', () => {
    expect(draw(50)).toBe(
      [
        '┌─────┬─────────────────┬──────────┬─────────────┐',
        '│ ID  │ Title           │ Estimate │ Status      │',
        '├─────┼─────────────────┼──────────┼─────────────┤',
        '│ A-1 │ Import the cus… │ 3pt      │ Done        │',
        '│ A-2 │ 顧客データの取… │ 5pt      │ In progress │',
        '└─────┴─────────────────┴──────────┴─────────────┘',
      ].join('\n'),
    );
    expect(fitTable(options, rows, { width: 50, columns }).kept).toEqual([0, 1, 2, 4]);
    expect(draw(30)).toBe(
      [
        '┌─────┬───────────┬──────────┐',
        '│ ID  │ Title     │ Estimate │',
        '├─────┼───────────┼──────────┤',
        '│ A-1 │ Import t… │ 3pt      │',
        '│ A-2 │ 顧客デー… │ 5pt      │',
        '└─────┴───────────┴──────────┘',
      ].join('\n'),
    );
  });

  it('when even that is too wide, cuts the widest columns, the ID last', () => {
    expect(draw(20)).toBe(
      [
        '┌─────┬──────┬─────┐',
        '│ ID  │ Tit… │ Es… │',
        '├─────┼──────┼─────┤',
        '│ A-1 │ Imp… │ 3pt │',
        '│ A-2 │ 顧…  │ 5pt │',
        '└─────┴──────┴─────┘',
      ].join('\n'),
    );
  });

  it('uses a shorter header only when the table does not fit, keeping its colour', () => {
    const chalk = new Chalk({ level: 1 });
    const head = ['ID', 'Duration'].map((title) => chalk.bold(title));
    const fit = { columns: [{}, { short: 'Dur.' }] };
    expect(drawFittedTable({ head, style: { head: [], border: [] } }, [['A-1', '2']], { ...fit, width: 18 })).toContain(
      chalk.bold('Duration'),
    );
    const narrow = drawFittedTable({ head, style: { head: [], border: [] } }, [['A-1', '2']], { ...fit, width: 14 });
    expect(narrow).toContain(chalk.bold('Dur.'));
    expect(widest(narrow)).toBe(14);
  });

  it('never draws a line wider than the width, colour codes and wide characters counted as the terminal shows them', () => {
    const chalk = new Chalk({ level: 1 });
    const cell = fc.oneof(
      fc.stringMatching(/^[ -~]{0,30}$/),
      fc.constantFrom('', '日本語のタイトル', 'Release 🚀 now', 'Ünïcödé and a long tail', 'x'.repeat(50)),
      fc.stringMatching(/^[a-z ]{0,20}$/).map((text) => chalk.red(text)),
    );
    const fitOf = fc.record(
      {
        shrink: fc.record({ min: fc.integer({ min: 1, max: 20 }), order: fc.integer({ min: 1, max: 3 }) }),
        drop: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((count) =>
          fc.tuple(
            fc.array(fc.stringMatching(/^[A-Za-z]{1,12}$/), { minLength: count, maxLength: count }),
            fc.array(fc.array(cell, { minLength: count, maxLength: count }), { maxLength: 6 }),
            fc.array(fitOf, { minLength: count, maxLength: count }),
            // At least a character and its padding per column, between the borders.
            fc.integer({ min: 4 * count + 1, max: 200 }),
          ),
        ),
        ([head, body, fits, width]) => {
          const table = drawFittedTable({ head, style: { head: [], border: [] } }, body, { width, columns: fits });
          expect(widest(table)).toBeLessThanOrEqual(width);
          // A column without a drop (the ID, the numbers) never leaves.
          const { kept } = fitTable({ head, style: { head: [], border: [] } }, body, { width, columns: fits });
          expect(kept).toEqual(expect.arrayContaining(fits.flatMap((fit, column) => (fit.drop === undefined ? [column] : []))));
        },
      ),
      { numRuns: 500 },
    );
  });
});
