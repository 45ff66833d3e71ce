import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/types.js';
import { applyFixes, encodeText, fileText, fixSources } from '../../src/lint/fix.js';
import { runRules } from '../../src/lint/run-rules.js';
import { backlogFromSources } from '../../src/load.js';
import { decodeBytes } from '../../src/read/decode.js';
import type { SourceText } from '../../src/read/source.js';

const source = (bytes: Uint8Array, file = 'plan.md'): SourceText => ({ file, path: file, ...decodeBytes(bytes, file) });
const utf8 = (text: string) => new TextEncoder().encode(text);
/** What double encoding does: UTF-8 bytes read as Latin-1, then saved as UTF-8 again. */
const doubleEncode = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const WRAPPED = [
  '# Plan',
  '',
  '| ID | Title | Estimate | Depends on |',
  '|----|-------|----------|------------|',
  '| P-1 | Prüfen der Umgebung | 3 |',
  'none |',
  '| P-2 | Größe messen | 5 | P-1 |',
  '| P-3 | Bericht schreiben |',
  '  2 | P-2 |',
  '',
].join('\n');
const JOINED = WRAPPED.replace('| 3 |\nnone |', '| 3 | none |').replace('schreiben |\n  2 |', 'schreiben | 2 |');

const fix = (sources: SourceText[], config: Config = DEFAULT_CONFIG) => fixSources(sources, config, backlogFromSources);

describe('fixSources', () => {
  it('joins wrapped rows, changing only the line breaks, and leaves nothing more to fix', () => {
    const outcome = fix([source(utf8(WRAPPED))]);
    expect(outcome.fixed.map((file) => file.text)).toEqual([JOINED]);
    expect(outcome.result.problems.filter((problem) => problem.rule === 'table-row-wrapped')).toEqual([]);
    expect(fix(outcome.sources).fixed).toEqual([]);
  });

  it('repairs double encoding first, then the rows it could only find in the repaired text', () => {
    const outcome = fix([source(utf8(doubleEncode(WRAPPED)))]);
    expect(outcome.fixed.map((file) => file.text)).toEqual([JOINED]);
    expect(outcome.result.problems.map((problem) => problem.rule)).not.toContain('encoding');
  });

  it('fixes nothing in a double-encoded file when the encoding rule is off: the row fixes are offsets into the repaired text', () => {
    const config = { ...DEFAULT_CONFIG, rules: { encoding: 'off' as const } };
    const outcome = fix([source(utf8(doubleEncode(WRAPPED)))], config);
    expect(outcome.fixed).toEqual([]);
    expect(outcome.result.problems.map((problem) => problem.rule)).toEqual(['table-row-wrapped', 'table-row-wrapped']);
  });

  it('fixes only the rules that are on and not disabled inline', () => {
    const disabled = WRAPPED.replace('| P-3 |', '<!-- backlog-disable-next-line table-row-wrapped -->\n| P-3 |');
    const outcome = fix([source(utf8(disabled))]);
    expect(outcome.fixed.map((file) => file.text)).toEqual([disabled.replace('| 3 |\nnone |', '| 3 | none |')]);
  });

  it('touches no file that holds bytes that are not UTF-8, since writing it back would replace them', () => {
    const bytes = Buffer.concat([Buffer.from(WRAPPED.replace('Größe', 'Gr'), 'utf8'), Buffer.from([0xff, 0x0a])]);
    const outcome = fix([source(bytes)]);
    expect(outcome.fixed).toEqual([]);
    expect(outcome.result.problems.map((problem) => problem.rule)).toContain('encoding');
  });

  it('keeps CRLF line ends, the BOM and UTF-16', () => {
    const crlf = WRAPPED.replace(/\n/g, '\r\n');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]);
    const [fixed] = fix([source(withBom)]).fixed;
    expect(fixed.text).toBe(JOINED.replace(/\n/g, '\r\n'));
    expect(Buffer.from(encodeText(fixed.text, fixed.source.encoding, fixed.source.bom))).toEqual(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JOINED.replace(/\n/g, '\r\n'), 'utf8')]),
    );
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bytes = encodeText(WRAPPED, encoding, true);
      const [wide] = fix([source(bytes)]).fixed;
      expect(wide.source.encoding).toBe(encoding);
      expect(wide.text).toBe(JOINED);
      expect(source(encodeText(wide.text, encoding, true)).text).toBe(JOINED);
    }
  });
});

/** Generated tables whose rows are sometimes wrapped after one of their cells. */
const cellText = fc.stringMatching(/^[A-Za-z0-9äöüß .,()-]{0,12}$/).map((text) => text.trim() || 'x');
const row = fc.record({
  cells: fc.array(cellText, { minLength: 3, maxLength: 3 }),
  wrapAfter: fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
  indent: fc.constantFrom('', ' ', '  '),
});
const table: fc.Arbitrary<GeneratedTable> = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 8 }),
  lineEnd: fc.constantFrom('\n', '\r\n'),
  before: fc.constantFrom('', '# Backlog\n\n', 'Tickets:\n'),
});

interface GeneratedTable {
  rows: { cells: string[]; wrapAfter: number | null; indent: string }[];
  lineEnd: string;
  before: string;
}

function render({ rows, lineEnd, before }: GeneratedTable): string {
  const lines = ['| ID | Title | Effort | Notes |', '|---|---|---|---|'];
  rows.forEach(({ cells, wrapAfter, indent }, index) => {
    const values = [`T-${index + 1}`, ...cells];
    if (wrapAfter === null) lines.push(`| ${values.join(' | ')} |`);
    else {
      lines.push(`| ${values.slice(0, wrapAfter + 1).join(' | ')} |`);
      lines.push(`${indent}${values.slice(wrapAfter + 1).join(' | ')} |`);
    }
  });
  return `${before}${lines.join(lineEnd)}${lineEnd}`;
}

describe('--fix round trip (property)', () => {
  it('is idempotent and changes no byte outside the fixed line breaks', () => {
    fc.assert(
      fc.property(table, (generated) => {
        const text = render(generated);
        const first = source(utf8(text));
        const fixes = runRules({ backlog: backlogFromSources([first]), sources: [first], config: DEFAULT_CONFIG })
          .problems.filter((problem) => problem.rule === 'table-row-wrapped')
          .map((problem) => problem.fix!);
        expect(fixes).toHaveLength(generated.rows.filter((entry) => entry.wrapAfter !== null).length);
        for (const { start, end } of fixes) expect(text.slice(start, end)).toMatch(/^ *\r?\n *$/);

        const once = fix([first]);
        const fixedText = once.fixed[0]?.text ?? text;
        // Everything between the fixed ranges is the original text, byte for byte.
        expect(fixedText).toBe(applyFixes(text, fixes));
        expect(fixedText.split(generated.lineEnd).filter((line) => line.startsWith('| T-')).length).toBe(generated.rows.length);

        const twice = fix(once.sources);
        expect(twice.fixed).toEqual([]);
        expect(fileText(twice.sources[0])).toBe(fixedText);
      }),
      { numRuns: 200 },
    );
  });
});
