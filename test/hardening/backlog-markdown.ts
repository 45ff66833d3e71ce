import fc from 'fast-check';

/**
 * Random backlog documents, assembled from the pieces real ones are made of: item tables (with
 * wrapped rows, stray and escaped pipes, too many or too few cells), sprint and story headings,
 * `**Key**: value` lines, sprint lists, stated figures, code fences and HTML. IDs come from a small
 * pool, so references resolve, repeat, point at themselves and close cycles.
 */

const ID = fc.constantFrom('T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'AB-12', 'US-01', 'Story 1', 'Task 2.1', '#7', 'A', 'B', 'E1', 'E2');

const TITLE = fc.constantFrom(
  'Set up CI',
  'Login page',
  'Über Straße',
  '😀 party',
  '',
  'Fix `a|b`',
  'Wrap **bold**',
  'x',
  'a \\| b',
  'Title (3 points)',
  'Task with <br> break',
);

const ESTIMATE = fc.constantFrom(
  '3',
  '5',
  '0',
  '0.5',
  '1.5d',
  '2 days',
  '4h',
  '3-5d',
  '3 to 5 days',
  'M',
  'XL',
  '2/4/6',
  'More than 10 days',
  '?',
  '',
  'TBD',
  '-',
  '13 pts',
  '1e3',
  '-2',
  '99999999999',
);

const DEPENDENCIES = fc.oneof(
  ID,
  fc.constantFrom(
    'None',
    'none',
    '-',
    '—',
    'n/a',
    '',
    'None (start first)',
    'All above',
    'T-1 (S4)',
    'T-1, T-2',
    'T-2; T-3',
    'T-1 + T-4',
    'E1-E3',
    'T-1 through T-5',
    'after T-3',
    'T-9',
    'Release 2',
    'EP-01',
    '|',
    '\\|',
  ),
  fc.array(ID, { minLength: 2, maxLength: 4 }).map((ids) => ids.join(', ')),
);

const STATUS = fc.constantFrom('Done', 'done', '✅', 'To do', 'In progress', 'Erledigt', 'closed', '', '[x]');

const SPRINT = fc.constantFrom('S1', 'S2', 'Sprint 1', 'Sprint #2', 'Sprint 3: Polish', '', 'Backlog');

const HEADERS = [
  ['ID', 'Ticket', 'Story', 'Key', '#'],
  ['Task', 'Title', 'Description', 'Name'],
  ['Points', 'Estimate', 'Effort', 'Pts', 'Days', 'Hours', 'Size'],
  ['Depends on', 'Dependencies', 'Blocked by', 'Predecessors', 'Successors', 'Blocks'],
  ['Status', 'State'],
  ['Sprint', 'Iteration'],
] as const;

const CELLS = [ID, TITLE, ESTIMATE, DEPENDENCIES, STATUS, SPRINT];

/** A table of items: a random selection of columns, rows that may be wrapped, cut short or padded. */
const itemTable = fc
  .record({
    columns: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
    names: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    rowCount: fc.integer({ min: 0, max: 6 }),
  })
  .chain(({ columns, names, rowCount }) =>
    fc.record({
      header: fc.constant(columns.map((column) => HEADERS[column][names[column] % HEADERS[column].length])),
      rows: fc.array(
        fc.record({
          cells: fc.tuple(...columns.map((column) => CELLS[column])),
          shape: fc.constantFrom('plain', 'plain', 'plain', 'wrapped', 'short', 'long', 'no-outer-pipes', 'indented'),
          wrapAt: fc.nat(),
        }),
        { minLength: rowCount, maxLength: rowCount },
      ),
    }),
  )
  .map(({ header, rows }) => {
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
    for (const { cells, shape, wrapAt } of rows) {
      const values = [...cells] as string[];
      if (shape === 'short') values.pop();
      if (shape === 'long') values.push('extra');
      if (shape === 'wrapped' && values.length > 1) {
        const at = 1 + (wrapAt % (values.length - 1));
        lines.push(`| ${values.slice(0, at).join(' | ')} |`, `${values.slice(at).join(' | ')} |`);
      } else if (shape === 'no-outer-pipes') lines.push(values.join(' | '));
      else lines.push(`${shape === 'indented' ? '  ' : ''}| ${values.join(' | ')} |`);
    }
    return lines.join('\n');
  });

const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.oneof(
      fc.constantFrom(
        'Sprint 1 (Weeks 1-2): Setup',
        'Sprint 2',
        'Sprint #3',
        'SME Track',
        '5 Point Stories',
        'Critical path',
        'Epic 1: Accounts',
        'EP-01 Environment',
        'Backlog',
        'Summary',
        '',
      ),
      fc.tuple(ID, TITLE).map(([id, title]) => `${id}: ${title}`),
      fc.tuple(ID, TITLE, ESTIMATE).map(([id, title, estimate]) => `🔧 ${id}: ${title} (${estimate} points)`),
    ),
  )
  .map(([depth, text]) => `${'#'.repeat(depth)} ${text}`);

const keyValue = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        'Points',
        'Estimated Time',
        'Priority',
        'Depends on',
        'Status',
        'Sprint',
        'Owner',
        'Total Points',
        'Capacity',
        'Velocity',
      ),
      fc.oneof(ESTIMATE, DEPENDENCIES, STATUS, SPRINT),
    )
    .map(([key, value]) => `**${key}**: ${value}`),
  fc.tuple(ESTIMATE, STATUS).map(([points, status]) => `**Priority**: Must Have | **Points**: ${points} | **Status**: ${status}`),
);

const claim = fc.oneof(
  fc
    .array(ID, { minLength: 1, maxLength: 5 })
    .chain((ids) => fc.nat(40).map((length) => `Critical path: ${ids.join(' → ')} (${length} points)`)),
  fc.tuple(fc.nat(20), fc.nat(200)).map(([stories, points]) => `Total Remaining: ${stories} stories | ${points} story points`),
  fc.nat(60).map((points) => `Total Points: ${points}`),
  fc.nat(40).map((capacity) => `Capacity: ${capacity} story points`),
  fc.tuple(fc.nat(40), fc.nat(12)).map(([velocity, sprints]) => `At ${velocity} points per sprint: ${sprints} sprints`),
);

const sprintLine = fc.tuple(SPRINT, fc.array(ID, { maxLength: 4 })).map(([sprint, ids]) => `${sprint || 'Sprint 1'}: ${ids.join(', ')}`);

const list = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] '),
      fc.oneof(
        ID,
        TITLE,
        fc.tuple(ID, TITLE).map(([id, title]) => `${id} ${title}`),
        fc.tuple(ID).map(([id]) => `${id} partly for the demo`),
      ),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((entries) => entries.map(([depth, marker, text]) => `${'  '.repeat(depth)}${marker}${text}`).join('\n'));

const code = fc
  .tuple(fc.constantFrom('```', '~~~', '```md'), itemTable, fc.boolean())
  .map(([fence, table, closed]) => `${fence}\n${table}\n${closed ? fence.slice(0, 3) : ''}`);

const html = fc.oneof(
  fc.constantFrom(
    '<!-- backlog:show -->',
    '<!-- /backlog:show -->',
    '<!-- backlog-disable missing-estimate -->',
    '<details><summary>More</summary>',
    '</details>',
    '<br>',
  ),
  fc
    .tuple(ID, ESTIMATE)
    .map(([id, estimate]) => `<table><tr><th>ID</th><th>Points</th></tr><tr><td>${id}</td><td>${estimate}</td></tr></table>`),
  itemTable.map((table) => `<!-- backlog:critical-path -->\n${table}\n<!-- /backlog:critical-path -->`),
);

const prose = fc.constantFrom(
  'Some notes about the plan.',
  'S= 1 to 2 days, M= 3 to 5 days, L= 6 to 10 days',
  'T-1 partly for the demo',
  '> quoted | not | a table',
  '---',
  '***',
  '',
  '   ',
  '\\',
  '|',
  '| |',
  '||',
);

const piece = fc.oneof(
  { arbitrary: itemTable, weight: 5 },
  { arbitrary: heading, weight: 3 },
  { arbitrary: keyValue, weight: 2 },
  { arbitrary: claim, weight: 2 },
  { arbitrary: sprintLine, weight: 2 },
  { arbitrary: list, weight: 2 },
  { arbitrary: code, weight: 1 },
  { arbitrary: html, weight: 1 },
  { arbitrary: prose, weight: 1 },
);

/** A whole document: pieces separated by one or no blank line, with LF or CRLF line endings. */
export const backlogMarkdown = fc
  .tuple(
    fc.array(fc.tuple(piece, fc.constantFrom('\n\n', '\n\n', '\n')), { maxLength: 12 }),
    fc.constantFrom('\n', '\n', '\r\n'),
    fc.boolean(),
  )
  .map(([pieces, newline, frontMatter]) => {
    const text = (frontMatter ? '---\nid: T-5\npoints: 3\n---\n' : '') + pieces.map(([text, gap]) => text + gap).join('');
    return newline === '\n' ? text : text.replace(/\n/g, newline);
  });
