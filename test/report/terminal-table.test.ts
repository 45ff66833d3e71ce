import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTable, type TableOptions } from '../../src/report/terminal-table.js';

const chalk = new Chalk({ level: 1 });

/** Cell text as the reports make it: plain, coloured, wide (CJK), an emoji, empty, long, two lines. */
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[ -~]{0,16}$/),
  fc.constantFrom(
    '',
    'Docs',
    'Ünïcödé',
    'Ünïcödé and a long tail',
    'e\u0301',
    '日本語のタイトル',
    'Release 🚀 now',
    '©',
    'x'.repeat(40),
    'two\nlines',
    '●',
    '→',
    '12.5',
    'tab\there',
  ),
  // As many columns as characters, though not one each: a wide character and a combining one, or an open colour code.
  fc.constantFrom('e\u0301e\u0301日日', 'a日\u0301b日\u0301c日\u0301d', '\u001b[1m日日日日'),
  fc.string({ maxLength: 8 }).map((text) => chalk.red.bold(text)),
  fc.constantFrom('A very long title that a narrow column cuts', '長いタイトルが切られる').map((text) => chalk.dim(text)),
);

const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.record({
    head: fc.array(fc.constantFrom('ID', 'Title', 'Sprint', '見出し', chalk.bold('Float')), { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 40 }),
    widths: fc.option(fc.array(fc.option(fc.integer({ min: 1, max: 14 }), { nil: null }), { minLength: columns, maxLength: columns }), {
      nil: undefined,
    }),
    aligns: fc.array(fc.constantFrom('left' as const, 'right' as const, 'center' as const), { minLength: columns, maxLength: columns }),
    // The two ways the reports leave out row separators: compact style, or empty middle characters.
    compact: fc.boolean(),
    slice: fc.integer({ min: 1, max: 7 }),
  }),
);

function wholeTable(options: TableOptions, rows: string[][]): string {
  const whole = new Table(options);
  whole.push(...rows);
  return whole.toString();
}

describe('drawTable', () => {
  it('draws, slice by slice, exactly the table cli-table3 draws whole', () => {
    fc.assert(
      fc.property(table, ({ head, rows, widths, aligns, compact, slice }) => {
        const options: TableOptions = {
          head,
          style: { head: [], border: [], compact },
          colAligns: aligns,
          ...(compact ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
          ...(widths ? { colWidths: widths } : {}),
        };
        expect(drawTable(options, rows, slice)).toBe(wholeTable(options, rows));
      }),
      { numRuns: 500 },
    );
  });

  it('draws 20,000 rows (cli-table3 alone takes minutes)', () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => [`T-${index}`, `Title ${index}`, String(index % 13)]);
    const lines = drawTable({ head: ['ID', 'Title', 'Points'], style: { head: [], border: [], compact: true } }, rows).split('\n');
    expect(lines).toHaveLength(20_000 + 4);
    expect(lines[3]).toBe('│ T-0     │ Title 0     │ 0      │');
    expect(lines.at(-2)).toBe('│ T-19999 │ Title 19999 │ 5      │');
  });
});
