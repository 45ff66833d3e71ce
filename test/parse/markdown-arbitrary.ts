import fc from 'fast-check';

/**
 * Random markdown built from the pieces backlogs are made of, weighted towards what is hard for a
 * line-based table reader: pipes inside code and escapes, rows with too many or too few cells,
 * missing outer pipes, tables next to paragraphs, lists, quotes, fences and HTML.
 */

const cellPiece = fc.constantFrom(
  'a',
  'ID-7',
  'Story title',
  '3',
  '5d',
  'é',
  '😀',
  ' ',
  '  ',
  '\t',
  '\u00A0',
  '\u2003',
  '`code`',
  '`a|b`',
  '`x\\|y`',
  '`` ` ``',
  '`',
  '\\|',
  '\\\\',
  '\\',
  '\\*',
  '|',
  '*em*',
  '**strong**',
  '_u_',
  '__b__',
  '*',
  '_',
  '~~s~~',
  '[link](http://x.y)',
  '[ref]',
  '![img](p.png)',
  '[',
  ']',
  '!',
  '<b>',
  '</b>',
  '<br>',
  '<http://a.b>',
  '<',
  '&amp;',
  '&#124;',
  '&',
  '#',
  '-',
  '>',
  '1.',
  '***',
  '=',
  'www.x.com',
  '\u0000',
  'snake_case',
  'a*b',
  '**a b**',
  '** a**',
  '*a*b',
  '_a_b',
  'x_y_',
  '__',
  '***a***',
  '.',
  ',',
  '"',
  '(',
  ')',
  ':',
  '[ ]',
  '[x]',
  '[]',
  '[a]()',
  '[a](<b>)',
  '[a(b](c)',
  '[x][y]',
  '[a b](c "t")',
  '![a](b)',
  '< 5',
  '<1d',
  '<a@b.c>',
  '<br/>',
  '<br />',
  '</b >',
  '<a href="x">',
  'R&D',
  '&copy;',
  '&#x41;',
  '\\`',
  '` a `',
  '``x``',
  '` `',
);

const cell = fc.array(cellPiece, { maxLength: 4 }).map((pieces) => pieces.join(''));

const rowLine = (cells: number) =>
  fc
    .record({
      cells: fc.array(cell, { minLength: Math.max(0, cells - 1), maxLength: cells + 1 }),
      leading: fc.boolean(),
      trailing: fc.boolean(),
      tight: fc.boolean(),
      indent: fc.constantFrom('', '', '', '', ' ', '   ', '    ', '\t'),
      after: fc.constantFrom('', '', ' ', '  ', '\t'),
    })
    .map(({ cells: values, leading, trailing, tight, indent, after }) => {
      const separator = tight ? '|' : ' | ';
      return `${indent}${leading ? '| ' : ''}${values.join(separator)}${trailing ? ' |' : ''}${after}`;
    });

const delimiterCell = fc
  .record({ left: fc.boolean(), right: fc.boolean(), dashes: fc.integer({ min: 1, max: 4 }), space: fc.constantFrom('', ' ', '\t') })
  .map(({ left, right, dashes, space }) => `${space}${left ? ':' : ''}${'-'.repeat(dashes)}${right ? ':' : ''}${space}`);

const delimiterLine = (columns: number) =>
  fc
    .record({
      cells: fc.array(delimiterCell, { minLength: columns, maxLength: columns }),
      leading: fc.boolean(),
      trailing: fc.boolean(),
      indent: fc.constantFrom('', '', '', ' ', '  ', '    ', '- '),
    })
    .map(({ cells, leading, trailing, indent }) => `${indent}${leading ? '|' : ''}${cells.join('|')}${trailing ? '|' : ''}`);

/** A table whose delimiter usually, not always, matches its header. */
export const tableText = fc
  .integer({ min: 1, max: 4 })
  .chain((columns) =>
    fc.record({
      header: fc
        .array(fc.oneof(fc.constantFrom('ID', 'Title', 'Est', 'Depends on'), cell), { minLength: columns, maxLength: columns })
        .chain((cells) =>
          fc.record({ leading: fc.boolean(), trailing: fc.boolean() }).map(({ leading, trailing }) => {
            const line = cells.join(' | ');
            return `${leading || columns === 1 ? '| ' : ''}${line}${trailing ? ' |' : ''}`;
          }),
        ),
      delimiter: fc.oneof({ weight: 5, arbitrary: delimiterLine(columns) }, { weight: 1, arbitrary: delimiterLine(columns + 1) }),
      rows: fc.array(rowLine(columns), { maxLength: 6 }),
    }),
  )
  .map(({ header, delimiter, rows }) => [header, delimiter, ...rows].join('\n'));

const inlineText = fc
  .array(fc.constantFrom('word', 'two words', '*em*', '`code`', '[l](u)', 'a | b', 'ID-1', '\\|'), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' '));

const storyText = fc
  .record({
    id: fc.integer({ min: 1, max: 99 }),
    title: inlineText,
    points: fc.constantFrom('1', '3', '5 points', '**8**'),
    status: fc.constantFrom('To do', 'Done', '`wip`', 'In *progress*'),
  })
  .map(
    ({ id, title, points, status }) =>
      `### BL-${id}: ${title}\n\n**Points**: ${points}\n**Status**: ${status}\n**Depends on**: BL-${id + 1}, BL-${id + 2}`,
  );

const block = fc.oneof(
  { weight: 6, arbitrary: tableText },
  { weight: 3, arbitrary: storyText },
  { weight: 2, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), cell).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`) },
  { weight: 2, arbitrary: inlineText.map((text) => `# ${text}`) },
  { weight: 1, arbitrary: inlineText.map((text) => `### ${text}`) },
  { weight: 3, arbitrary: fc.array(inlineText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
  {
    weight: 2,
    arbitrary: fc.array(inlineText, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(inlineText, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((item, index) => `${index + 1}. [ ] ${item}`).join('\n')),
  },
  { weight: 1, arbitrary: tableText.map((table) => `- item\n\n${table.replace(/^/gm, '  ')}`) },
  { weight: 1, arbitrary: tableText.map((table) => table.replace(/^/gm, '> ')) },
  { weight: 1, arbitrary: tableText.map((table) => `\`\`\`md\n${table}\n\`\`\``) },
  { weight: 1, arbitrary: tableText.map((table) => `\`\`\`\n\n${table}`) },
  { weight: 1, arbitrary: tableText.map((table) => `<!--\n\n${table}\n\n-->`) },
  { weight: 1, arbitrary: tableText.map((table) => `<div>\n${table}\n</div>`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('---', '***', '    indented code', '<!-- backlog:show -->', '~~~', '```', '- ', '[ref]: http://x.y'),
  },
);

/** A document of blocks joined by one or two line breaks, sometimes with CRLF line endings. */
export const markdownDocument = fc
  .record({
    frontMatter: fc.constantFrom('', '', '', '---\ntitle: x\n---\n', '---\n\n| a |\n|---|\n\n---\n'),
    blocks: fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n')), { maxLength: 8 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ frontMatter, blocks, crlf, finalNewline }) => {
    const text = frontMatter + blocks.map(([text, gap]) => text + gap).join('');
    const ended = finalNewline ? text : text.replace(/\n+$/, '');
    return crlf ? ended.replace(/\n/g, '\r\n') : ended;
  });
