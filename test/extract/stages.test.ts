import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEstimate, readScaleStatement } from '../../src/extract/values/estimates.js';
import { parseReferences, ALL_ABOVE } from '../../src/extract/values/references.js';
import { readSprintName } from '../../src/extract/values/sprints.js';
import { lint } from '../../src/lint/index.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { backlogFromMarkdown, backlogFromSources, sourceFromText } from '../../src/load.js';
import { decodeBytes, repairDoubleEncoding } from '../../src/read/decode.js';
import { prepareText } from '../../src/parse/prepare-text.js';
import { parseMarkdownWithMicromark, readMarkdown } from '../../src/parse/parse-markdown.js';
import { ROWS_PER_PIECE } from '../../src/parse/table-node.js';
import { toBlocks } from '../../src/extract/evidence/blocks.js';

const context = { unit: null, scale: {}, openEndedFactor: 1.5 };
const value = (raw: string, unit: 'points' | 'days' | 'hours' | null = null) => {
  const reading = readEstimate(raw, { ...context, unit });
  return reading && 'estimate' in reading
    ? [reading.estimate.low, reading.estimate.high, reading.estimate.expected, reading.estimate.unit]
    : reading;
};

describe('estimates', () => {
  it('reads days, hours, points, ranges, minutes and open ends', () => {
    expect(value('3d')).toEqual([3, 3, 3, 'days']);
    expect(value('0,5 Jh')).toEqual([0.5, 0.5, 0.5, 'days']);
    expect(value('4 hours')).toEqual([4, 4, 4, 'hours']);
    expect(value('[120 Minuten ]')).toEqual([2, 2, 2, 'hours']);
    expect(value('3 to 5 days')).toEqual([3, 5, 4, 'days']);
    expect(value('[2-4h]')).toEqual([2, 4, 3, 'hours']);
    expect(value('5 SP')).toEqual([5, 5, 5, 'points']);
    expect(value('8', 'points')).toEqual([8, 8, 8, 'points']);
    expect(value('more than 10 days')).toEqual([10, 15, 12.5, 'days']);
    expect(value('2h 30m')).toEqual([2.5, 2.5, 2.5, 'hours']);
    expect(value('1d 4h')).toEqual([1.5, 1.5, 1.5, 'days']);
  });

  it('reads three-point estimates as PERT', () => {
    const reading = readEstimate('2/4/12d', context);
    expect(reading && 'estimate' in reading && reading.estimate).toMatchObject({
      low: 2,
      high: 12,
      expected: 5,
      kind: 'three-point',
      variance: (10 / 6) ** 2,
    });
  });

  it('answers null for empty values and a problem for what it cannot read', () => {
    expect(readEstimate('—', context)).toBeNull();
    expect(readEstimate('TBD', context)).toBeNull();
    expect(readEstimate('soon', context)).toEqual({ problem: '"soon" is not an estimate' });
    expect(readEstimate('M', context)).toEqual({
      problem: 'T-shirt size "M" has no scale (state one, e.g. "S= 1 to 2 days", or set scales in the config)',
    });
  });

  it('never throws, and every estimate it reads is finite with low ≤ expected ≤ high', () => {
    const token = fc.oneof(
      fc.constantFrom(
        '1',
        '2.5',
        '0,5',
        '3',
        '-',
        '–',
        'to',
        '/',
        '+',
        '~',
        'd',
        'h',
        'm',
        'min',
        'days',
        'SP',
        'pts',
        'weeks',
        'more than',
        'XL',
        'M',
        '(',
        ')',
        '[',
        ']',
        ' ',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (tokens) => {
        const reading = readEstimate(tokens.join(''), { ...context, scale: { M: { low: 3, high: 5, unit: 'days' } } });
        if (reading && 'estimate' in reading) {
          const { low, expected, high } = reading.estimate;
          expect([low, expected, high].every(Number.isFinite)).toBe(true);
          expect(low <= expected && expected <= high).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a T-shirt scale stated in prose', () => {
    expect(readScaleStatement('S= 1 to 2 days,M= 3 to 5 days,XL= more than 10 days - team', 1.5)).toEqual({
      S: { low: 1, high: 2, unit: 'days' },
      M: { low: 3, high: 5, unit: 'days' },
      XL: { low: 10, high: 15, unit: 'days' },
    });
  });
});

describe('T-shirt sizes', () => {
  it('take their range from a size legend table, even one below the items', () => {
    const backlog = backlogFromMarkdown(
      '| ID | Task | Size |\n|---|---|---|\n| K-1 | Pump | M |\n| K-2 | Valve | XL |\n\n| Size | Effort |\n|---|---|\n| **S** | ~1–2 days |\n| **M** | ~3–5 days |\n| **XL** | 2+ weeks |\n',
    );
    expect(
      backlog.items.map((item) => [item.id, item.estimate?.low, item.estimate?.high, item.estimate?.unit, item.estimate?.size]),
    ).toEqual([
      ['K-1', 3, 5, 'days', 'M'],
      ['K-2', 10, 15, 'days', 'XL'],
    ]);
  });

  it('stay unresolved, and say so, without a scale', () => {
    const backlog = backlogFromMarkdown('| ID | Task | Size |\n|---|---|---|\n| K-1 | Pump | M |\n');
    expect(backlog.items[0].estimate).toBeNull();
    expect(backlog.diagnostics.map((d) => [d.rule, d.line])).toEqual([['unparsable-estimate', 3]]);
  });
});

describe('references', () => {
  it('drops notes and "none", expands ranges and keeps names for the model', () => {
    expect(parseReferences('None (start first)')).toEqual([]);
    expect(parseReferences('—')).toEqual([]);
    expect(parseReferences('E12-03 (S4)')).toEqual(['E12-03']);
    expect(parseReferences('E12-01, E12-02')).toEqual(['E12-01', 'E12-02']);
    expect(parseReferences('E1-E3')).toEqual(['E1', 'E2', 'E3']);
    expect(parseReferences('#133 (done), #157, PR #391')).toEqual(['#133', '#157']);
    expect(parseReferences('All above')).toEqual([ALL_ABOVE]);
    expect(parseReferences('Release 2')).toEqual(['Release 2']);
    expect(parseReferences('US‑01, US‑02')).toEqual(['US‑01', 'US‑02']);
  });
});

describe('sprint names', () => {
  it('gives one key to every form of a sprint name', () => {
    expect(
      ['S4', 'Sprint 4', 'Sprint #4', 'Sprint 4: Config, Skills', '🎯 Sprint 4 (Weeks 7-8)'].map((text) => readSprintName(text)?.key),
    ).toEqual(['4', '4', '4', '4', '4']);
    expect(readSprintName('Sprint 4: Config, Skills')?.name).toBe('Sprint 4: Config, Skills');
    expect(readSprintName('Sprint 1.1 Backlog - Infrastructure Setup')?.name).toBe('Sprint 1.1: Infrastructure Setup');
    expect(readSprintName('Sprint Plans')).toBeNull();
    expect(readSprintName('Sprint 4 Exit Criteria')).toBeNull();
  });
});

describe('read stage', () => {
  it('decodes UTF-16 by its BOM and strips a UTF-8 BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('| ID |', 'utf16le')]);
    expect(decodeBytes(utf16, 'a.md')).toMatchObject({ text: '| ID |', encoding: 'utf-16le', bom: true });
    expect(decodeBytes(Buffer.from('\uFEFF# T', 'utf8'), 'a.md')).toMatchObject({ text: '# T', bom: true });
  });

  it('reports invalid UTF-8 without throwing', () => {
    const decoded = decodeBytes(Buffer.from([0x61, 0xff, 0x62]), 'bad.md');
    expect(decoded.text).toBe('a\uFFFDb');
    expect(decoded.diagnostics.map((d) => d.rule)).toEqual(['encoding']);
  });

  it('repairs double-encoded UTF-8 and leaves clean text alone', () => {
    expect(repairDoubleEncoding('fÃ¼r â€žMitarbeiterâ€œ')).toBe('für „Mitarbeiter“');
    expect(repairDoubleEncoding('für Ärger')).toBeNull();
  });
});

describe('prepare stage', () => {
  it('separates a table from the text above and below it, keeping original line numbers', () => {
    const prepared = prepareText('Tickets:\n| ID | T |\n|---|---|\n| A-1 | x |\nAfter\n', 'a.md');
    expect(prepared.text).toBe('Tickets:\n\n| ID | T |\n|---|---|\n| A-1 | x |\n\nAfter\n');
    expect(prepared.originalLine).toEqual([1, 2, 2, 3, 4, 4, 5, 6]);
  });

  it('never reads generated sections as input', () => {
    const backlog = backlogFromMarkdown(
      '| ID | Pts |\n|---|---|\n| A-1 | 3 |\n\n<!-- backlog:show -->\n| ID | Pts |\n|---|---|\n| A-2 | 5 |\n<!-- /backlog:show -->\n',
    );
    expect(backlog.items.map((item) => item.id)).toEqual(['A-1']);
  });
});

describe('blocks', () => {
  it('of a table read in pieces are those of the table read whole', () => {
    const rows = Array.from({ length: ROWS_PER_PIECE + 3 }, (_, index) => `| T-${index} | **Task** ${index} | ${index % 5} |`);
    const text = ['| ID | Title | Points |', '|---|---|---|', ...rows, '', '- [ ] T-1 again'].join('\n');
    const lines = text.split('\n');
    const blocks = readMarkdown(text, (pieces) => toBlocks(pieces, lines));
    expect(blocks).toEqual(toBlocks(parseMarkdownWithMicromark(text).children, lines));
    expect(blocks.map((block) => block.kind)).toEqual(['table', 'entry']);
    const table = blocks[0].kind === 'table' ? blocks[0] : null;
    expect(table?.rows).toHaveLength(ROWS_PER_PIECE + 3);
    expect(table?.rows[ROWS_PER_PIECE + 2].map((cell) => cell.text)).toEqual([
      `T-${ROWS_PER_PIECE + 2}`,
      `Task ${ROWS_PER_PIECE + 2}`,
      '2',
    ]);
    expect(table?.rowLines.slice(-2)).toEqual([ROWS_PER_PIECE + 4, ROWS_PER_PIECE + 5]);
  });
});

describe('the whole pipeline', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '# Sprint 1',
      '## Story 2: x',
      '| ID | Pts | Depends on |',
      '|---|---|---|',
      '| A-1 | 3 | A-2 |',
      '- [x] T-1: a (2h)',
      'Commitment:',
      '- A-1 partly',
      'S= 1 to 2 days',
      '```',
      '<table><tr><td>ID</td><td>Est</td></tr>',
      '**Points**: 5',
      '',
    ),
    fc.string(),
  );
  it('never throws, whatever the markdown', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (lines) => {
        const backlog = backlogFromMarkdown(lines.join('\n'));
        expect(Array.isArray(backlog.items)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('references in other wordings', () => {
  it('drops connecting words and status marks, and reads "all above" in other languages', () => {
    expect(parseReferences('after US-054')).toEqual(['US-054']);
    expect(parseReferences('T-001 ✅, T-002 🔵')).toEqual(['T-001', 'T-002']);
    expect(parseReferences('すべての前Issueが完了')).toEqual([ALL_ABOVE]);
  });
});

describe('headers in Japanese and Italian', () => {
  it('read IDs, estimates and dependencies', () => {
    const ja = backlogFromMarkdown(
      '| ID | タイトル | 見積もり | 依存 |\n|---|---|---|---|\n| J-1 | 設計 | 3 | - |\n| J-2 | 実装 | 5 | J-1 |\n',
    );
    expect(ja.items.map((item) => [item.id, item.title, item.estimate?.expected, item.dependsOn])).toEqual([
      ['J-1', '設計', 3, []],
      ['J-2', '実装', 5, ['J-1']],
    ]);
    const it = backlogFromMarkdown(
      '| ID | Titolo | Stima | Dipendenze | Stato |\n|---|---|---|---|---|\n| I-1 | Login | 2d | — | Completato |\n',
    );
    expect(it.items.map((item) => [item.title, item.estimate?.unit, item.status])).toEqual([['Login', 'days', 'Completato']]);
  });
});

describe('bare numbers across files', () => {
  it('stay apart, qualified by their file, while each file resolves its own references', () => {
    const sources = [
      sourceFromText(
        '| ID | Story | Pts | Depends on |\n|---|---|---|---|\n| 1 | Login | 3 | - |\n| 2 | Logout | 1 | 1 |\n',
        'docs/sprint-1.md',
      ),
      sourceFromText(
        '| ID | Story | Pts | Depends on |\n|---|---|---|---|\n| 1 | Search | 5 | - |\n| 3 | Filters | 2 | 1 |\n',
        'docs/sprint-2.md',
      ),
    ];
    const backlog = backlogFromSources(sources);
    expect(backlog.items.map((item) => [item.id, item.title, item.dependsOn])).toEqual([
      ['sprint-1:1', 'Login', []],
      ['2', 'Logout', ['sprint-1:1']],
      ['sprint-2:1', 'Search', []],
      ['3', 'Filters', ['sprint-2:1']],
    ]);
    expect(backlog.conflicts).toEqual([]);
  });
});

describe('a Total row at the foot of a table', () => {
  it('states the sum of that table alone', () => {
    const backlog = backlogFromMarkdown(
      '| ID | Story | Points |\n|---|---|---|\n| A-1 | One | 3 |\n| A-2 | Two | 5 |\n| **Total** | | **9** |\n\n| ID | Story | Points |\n|---|---|---|\n| B-1 | One | 2 |\n| Total | | 2 |\n',
    );
    expect(backlog.items.map((item) => item.id)).toEqual(['A-1', 'A-2', 'B-1']);
    expect(backlog.claims.map((claim) => claim.kind === 'total' && [claim.value, claim.scope.items, claim.source.line])).toEqual([
      [9, ['A-1', 'A-2'], 5],
      [2, ['B-1'], 10],
    ]);
    expect(lint(backlog).problems.map((problem) => [problem.rule, problem.line, problem.message])).toEqual([
      ['stated-total-mismatch', 5, 'The table states "Total | 9" but its 2 items add up to 8 points'],
    ]);
  });
});

describe('a row wrapped over several lines', () => {
  it('is read as one row, and its fix joins exactly those lines', () => {
    const text =
      '| ID | Title | Notes | Size | Deps |\n|---|---|---|---|---|\n| W-1 | Pump | long notes that\ncontinue here and\nend here | M | none |\n| W-2 | Valve | short | S | W-1 |\n';
    const backlog = backlogFromMarkdown(text, 'w.md', {
      ...DEFAULT_CONFIG,
      scales: { S: { low: 1, high: 1, unit: 'days' }, M: { low: 2, high: 2, unit: 'days' } },
    });
    expect(backlog.items.map((item) => [item.id, item.fields.Notes, item.estimate?.expected, item.source.line])).toEqual([
      ['W-1', 'long notes that continue here and end here', 2, 3],
      ['W-2', 'short', 1, 6],
    ]);
    const [diagnostic] = backlog.diagnostics;
    expect([diagnostic.rule, diagnostic.line, diagnostic.message]).toEqual([
      'table-row-wrapped',
      3,
      'table row is wrapped onto lines 4–5; it was read as one row (run with --fix to join the lines)',
    ]);
    const fixed = text.slice(0, diagnostic.fix!.start) + diagnostic.fix!.text + text.slice(diagnostic.fix!.end);
    expect(fixed.split('\n')[2]).toBe('| W-1 | Pump | long notes that continue here and end here | M | none |');
  });
});
