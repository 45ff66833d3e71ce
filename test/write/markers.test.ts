import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSection, isStale, lineEnding, MarkerError, replaceSection } from '../../src/write/markers.js';

const OPEN = '<!-- backlog:forecast -->';
const CLOSE = '<!-- /backlog:forecast -->';

function problemOf(document: string): { problem: string; message: string } {
  try {
    findSection(document, 'forecast');
  } catch (error) {
    if (error instanceof MarkerError) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('expected a MarkerError');
}

describe('replaceSection', () => {
  it('replaces only the text between the markers, framed by one line break each side', () => {
    const document = `# Plan\n\nIntro.\n\n${OPEN}\nold\nstuff\n${CLOSE}\n\nOutro.\n`;
    expect(replaceSection(document, 'forecast', 'new line 1\nnew line 2\n')).toBe(
      `# Plan\n\nIntro.\n\n${OPEN}\nnew line 1\nnew line 2\n${CLOSE}\n\nOutro.\n`,
    );
  });

  it('fills an empty pair of adjacent markers', () => {
    expect(replaceSection(`${OPEN}\n${CLOSE}`, 'forecast', '5 sprints')).toBe(`${OPEN}\n5 sprints\n${CLOSE}`);
  });

  it('writes empty content as the two markers on consecutive lines', () => {
    expect(replaceSection(`${OPEN}\nold\n${CLOSE}\n`, 'forecast', '\n\n')).toBe(`${OPEN}\n${CLOSE}\n`);
  });

  it('uses CRLF inside the section when the document uses CRLF', () => {
    const document = `a\r\n${OPEN}\r\nold\r\n${CLOSE}\r\nb\r\n`;
    expect(replaceSection(document, 'forecast', 'x\ny\n')).toBe(`a\r\n${OPEN}\r\nx\r\ny\r\n${CLOSE}\r\nb\r\n`);
  });

  it('keeps the indentation and trailing spaces of the marker lines', () => {
    const document = `  ${OPEN}  \nold\n   ${CLOSE}\n`;
    expect(replaceSection(document, 'forecast', 'new')).toBe(`  ${OPEN}  \nnew\n   ${CLOSE}\n`);
  });

  it('accepts markers written without the inner spaces', () => {
    expect(replaceSection('<!--backlog:forecast-->\n<!--/backlog:forecast-->\n', 'forecast', 'n')).toBe(
      '<!--backlog:forecast-->\nn\n<!--/backlog:forecast-->\n',
    );
  });

  it('leaves the sections of other names alone', () => {
    const document = `<!-- backlog:lint -->\nlint\n<!-- /backlog:lint -->\n${OPEN}\n${CLOSE}\n`;
    expect(replaceSection(document, 'forecast', 'f')).toBe(`<!-- backlog:lint -->\nlint\n<!-- /backlog:lint -->\n${OPEN}\nf\n${CLOSE}\n`);
  });

  it('ignores markers shown inside a fenced code block', () => {
    const document = `\`\`\`markdown\n${OPEN}\n${CLOSE}\n\`\`\`\n\n${OPEN}\nold\n${CLOSE}\n`;
    expect(replaceSection(document, 'forecast', 'new')).toBe(`\`\`\`markdown\n${OPEN}\n${CLOSE}\n\`\`\`\n\n${OPEN}\nnew\n${CLOSE}\n`);
  });

  it('finds the closing marker after a section whose old content left a fence open', () => {
    const document = `${OPEN}\n\`\`\`mermaid\ngantt\n${CLOSE}\nafter\n`;
    expect(replaceSection(document, 'forecast', '```mermaid\ngantt\n```')).toBe(`${OPEN}\n\`\`\`mermaid\ngantt\n\`\`\`\n${CLOSE}\nafter\n`);
  });

  it('is idempotent and keeps every character outside the section (property)', () => {
    const text = fc
      .array(fc.oneof(fc.string(), fc.constantFrom('\n', '\r\n', '# Heading', '| a | b |', '<!-- other -->')), { maxLength: 12 })
      .map((parts) => parts.join(''))
      .filter((part) => !part.includes('backlog:forecast') && !/`{3}|~{3}/.test(part));
    const eol = fc.constantFrom('\n', '\r\n');
    const content = fc.array(
      fc.string().filter((line) => !/[\r\n]/.test(line) && !line.includes('backlog:')),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(text, text, text, eol, content, (before, old, after, newline, lines) => {
        const head = `${before}${newline}${OPEN}`;
        const tail = `${CLOSE}${newline}${after}`;
        const document = `${head}${newline}${old}${newline}${tail}`;
        const once = replaceSection(document, 'forecast', lines.join('\n'));
        expect(once.startsWith(head)).toBe(true);
        expect(once.endsWith(tail)).toBe(true);
        expect(replaceSection(once, 'forecast', lines.join('\n'))).toBe(once);
        expect(isStale(once, 'forecast', lines.join('\n'))).toBe(false);
        const eolOfFile = lineEnding(head + tail);
        const body = lines.join('\n').replace(/^\n+|\n+$/g, '');
        const expected = body === '' ? eolOfFile : `${eolOfFile}${body.replaceAll('\n', eolOfFile)}${eolOfFile}`;
        expect(once.slice(head.length, once.length - tail.length)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('isStale', () => {
  const fresh = `x\n${OPEN}\n3 sprints\n${CLOSE}\n`;
  it('is false when the section holds the content', () => {
    expect(isStale(fresh, 'forecast', '3 sprints\n')).toBe(false);
  });
  it('is true when the content differs', () => {
    expect(isStale(fresh, 'forecast', '4 sprints\n')).toBe(true);
  });
  it('is true when only the framing differs', () => {
    expect(isStale(`x\n${OPEN}\n\n3 sprints\n${CLOSE}\n`, 'forecast', '3 sprints')).toBe(true);
  });
});

describe('marker problems', () => {
  it('names both lines to add when the pair is missing', () => {
    expect(problemOf('# Plan\n')).toEqual({
      problem: 'missing',
      message: `no section "forecast": add the line ${OPEN} and, below it, the line ${CLOSE} where the report should go`,
    });
  });

  it('says a marker inside other text is not a marker', () => {
    expect(problemOf(`see ${OPEN} here\n`).message).toBe(
      `no section "forecast" (line 1 mentions it, but a marker must be on a line of its own): add the line ${OPEN} and, below it, the line ${CLOSE} where the report should go`,
    );
  });

  it('counts markers only in fenced code as missing', () => {
    expect(problemOf(`~~~\n${OPEN}\n${CLOSE}\n~~~\n`).problem).toBe('missing');
  });

  it('names the closing marker to add after a lone opening one', () => {
    expect(problemOf(`a\n${OPEN}\nb\n`)).toEqual({
      problem: 'unclosed',
      message: `${OPEN} on line 2 is never closed: add the line ${CLOSE} where the section should end`,
    });
  });

  it('names the opening marker to add before a lone closing one', () => {
    expect(problemOf(`a\nb\n${CLOSE}\n`)).toEqual({
      problem: 'unopened',
      message: `${CLOSE} on line 3 closes nothing: add the line ${OPEN} where the section should start`,
    });
  });

  it('lists the lines of a duplicated marker', () => {
    expect(problemOf(`${OPEN}\n${CLOSE}\n${OPEN}\n${CLOSE}\n`)).toEqual({
      problem: 'duplicate',
      message: `${OPEN} appears 2 times (lines 1, 3): keep one pair of ${OPEN} and ${CLOSE}`,
    });
  });

  it('reports a closing marker above the opening one', () => {
    expect(problemOf(`${CLOSE}\ntext\n${OPEN}\n`)).toEqual({
      problem: 'out-of-order',
      message: `${CLOSE} (line 1) comes before ${OPEN} (line 3): put the opening marker first`,
    });
  });
});

describe('lineEnding', () => {
  it('answers the line break most lines use', () => {
    expect(lineEnding('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(lineEnding('a\nb\nc\r\n')).toBe('\n');
    expect(lineEnding('no break')).toBe('\n');
  });
});
