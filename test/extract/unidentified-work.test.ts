import { describe, expect, it } from 'vitest';
import { backlogFromSources, sourceFromText } from '../../src/load.js';

/** Work read from a document without IDs: [id, title, estimate, done, anonymous]. */
const work = (lines: string[]) =>
  backlogFromSources([sourceFromText(lines.join('\n'), 'board.md')]).items.map((item) => [
    item.id,
    item.title,
    item.estimate ? `${item.estimate.expected} ${item.estimate.unit}` : null,
    item.done,
    item.anonymous,
  ]);

describe('a list of estimated entries without IDs is work: items named by file and line', () => {
  const board = [
    '---',
    'kanban-plugin: basic',
    '---',
    '',
    '## Todo',
    '',
    '- [ ] Build API (4h) #backend',
    '- [ ] Login page (2d) @{2024-05-03}',
    '- [ ] Write onboarding copy',
    '',
    '## Done',
    '',
    '- [x] CSV export (1d)',
    '- [x] Privacy policy [2h]',
  ];

  it("reads each board column of an Obsidian Kanban board, the to-do column's unestimated card too", () => {
    expect(work(board)).toEqual([
      ['board.md:7', 'Build API', '4 hours', false, true],
      ['board.md:8', 'Login page', '2 days', false, true],
      ['board.md:9', 'Write onboarding copy', null, false, true],
      ['board.md:13', 'CSV export', '1 days', true, true],
      ['board.md:14', 'Privacy policy', '2 hours', true, true],
    ]);
  });

  it('reads numbered MoSCoW lists, with an estimate after a dash', () => {
    const moscow = [
      '# MVP',
      '',
      '## Must have',
      '1. User registration (3d)',
      '2. Login and logout (2d)',
      '3. Password reset — 1 d',
      '',
      '## Could have',
      '1. Dark mode (1d)',
    ];
    expect(work(moscow)).toEqual([
      ['board.md:4', 'User registration', '3 days', false, true],
      ['board.md:5', 'Login and logout', '2 days', false, true],
      ['board.md:6', 'Password reset', '1 days', false, true],
      ['board.md:9', 'Dark mode', '1 days', false, true],
    ]);
  });

  it('reads a checklist of bold titles with their hours, one entry under each day of a weekly plan', () => {
    const plan = [
      '## Week 1',
      '',
      '### Monday',
      '- [ ] **Activation funnel** (6h)',
      '  - Owner: Analytics',
      '',
      '### Tuesday',
      '- [ ] **Session replay** (4h)',
    ];
    expect(work(plan)).toEqual([
      ['board.md:4', 'Activation funnel', '6 hours', false, true],
      ['board.md:8', 'Session replay', '4 hours', false, true],
    ]);
  });

  it('takes an entry that rewords an item the document defines as that item, in the sprint it is listed under', () => {
    const plan = [
      '| Task | Duration | Depends On |',
      '| --- | --- | --- |',
      '| T-1 Backend API endpoint | 1-2 days | - |',
      '| T-2 Parser | 1 day | - |',
      '',
      '## This Week',
      '1. **Add API endpoint** (1-2 days)',
      '2. **Write the release notes** (1 day)',
      '3. **Record the demo** (1 day)',
    ];
    const backlog = backlogFromSources([sourceFromText(plan.join('\n'), 'board.md')]);
    expect(backlog.items.map((item) => [item.id, item.sprint])).toEqual([
      ['T-1', 'This Week'],
      ['T-2', null],
      ['board.md:8', 'This Week'],
      ['board.md:9', 'This Week'],
    ]);
  });
});

/** The titles of the items read without an ID. */
const unidentified = (lines: string[]) =>
  backlogFromSources([sourceFromText(lines.join('\n'), 'board.md')])
    .items.filter((item) => item.anonymous)
    .map((item) => item.title);

describe('work a backlog or a time box lists without estimates', () => {
  it('is read under a backlog heading, bold titles before their descriptions, and not under other headings', () => {
    expect(
      unidentified([
        '## Backlog (after v1)',
        '- **Refactor the detector** — when upstream ships, bump the pin.',
        '- ONNX coverage — awaits upstream support.',
        '## Next steps',
        '- [Next sprint date]',
        '- [Backlog items for the next sprint]',
      ]),
    ).toEqual(['Refactor the detector', 'ONNX coverage']);
  });

  it('is read as a checklist right under a sprint, the one before Sprint 1 included, and not under a label', () => {
    const backlog = backlogFromSources([
      sourceFromText(
        [
          '## Pre-Sprint (Now → Mar 30)',
          '- [ ] Order hardware',
          '- [ ] Register for the exam',
          '## Sprint 1',
          '**Gate for S2:**',
          '- [ ] Demo recorded',
        ].join('\n'),
        'plan.md',
      ),
    ]);
    expect(backlog.sprints.map((sprint) => [sprint.key, sprint.name, sprint.items])).toEqual([
      ['0', 'Pre-Sprint (Now → Mar 30)', ['plan.md:2', 'plan.md:3']],
    ]);
  });
});

describe('metadata nested under work without an ID', () => {
  it('belongs to that work: a dependency named by a shortened title resolves', () => {
    const backlog = backlogFromSources([
      sourceFromText(
        [
          '## Week 1',
          '- [ ] **Activation Funnel Completion** (6h)',
          '  - Owner: Analytics Team',
          '## Week 2',
          '- [ ] **Session Replay Optimization** (4h)',
          '  - Depends on: Activation Funnel',
        ].join('\n'),
        'plan.md',
      ),
    ]);
    expect(backlog.items.map((item) => [item.id, item.owner, item.dependsOn])).toEqual([
      ['plan.md:2', 'Analytics Team', []],
      ['plan.md:5', null, ['plan.md:2']],
    ]);
  });
});

describe('entries that are no work of their own', () => {
  it("a story's tasks: under its heading, its bold line, a heading with its own estimate, or nested in its entry", () => {
    expect(unidentified(['## US-1: Password reset', '', '### Tasks', '- [ ] Build API (4h)', '- [x] Email template (2h)'])).toEqual([]);
    expect(unidentified(['**US-12 — Export CSV**', '', '- Build API (4h)', '- Download button (2h)'])).toEqual([]);
    expect(unidentified(['## ストーリー1: ログイン画面（5pt）', '', '- [x] 画面デザイン（2h）', '- [ ] API連携（4h）'])).toEqual([]);
    expect(unidentified(['- US-5 Export (3 SP)', '  - Build API (4h)', '  - Download button (2h)'])).toEqual([]);
  });

  it('acceptance criteria, under a heading or a label', () => {
    expect(unidentified(['## Login', '', '### Acceptance criteria', '- Link expires (24h)', '- Lockout after retries (1h)'])).toEqual([]);
    expect(unidentified(['## Login', '', '**Acceptance criteria:**', '- Link expires (24h)', '- Lockout after retries (1h)'])).toEqual([]);
  });

  it('prose, links, agendas, stated figures, sprints and code', () => {
    expect(unidentified(['## Notes', '', '- The migration took (2 days) longer than planned', '- Review ran over by [1h] again'])).toEqual(
      [],
    );
    expect(
      unidentified(['## Reading', '', '- [Intro to OAuth](https://example.com/oauth) (2h)', '- <https://example.com/talk> (1d)']),
    ).toEqual([]);
    expect(unidentified(['## Review agenda', '', '- Demo (30 min)', '- Retrospective (45 min)'])).toEqual([]);
    expect(unidentified(['## Sprint 4', '', '- Capacity — 40 pts', '- Velocity — 32 pts'])).toEqual([]);
    expect(unidentified(['## Plan', '', '- Sprint 1 (2 weeks)', '- Sprint 2 (2 weeks)'])).toEqual([]);
    expect(unidentified(['## Example', '', '```md', '- Build API (4h)', '- Login page (2d)', '```'])).toEqual([]);
  });

  it('a single estimated entry among notes', () => {
    expect(unidentified(['## Could have', '', '1. Dark mode (1d)', '2. Social login'])).toEqual([]);
  });

  it('but estimated entries beside ID-led ones are work too', () => {
    expect(unidentified(['## Sprint 1', '', '- [ ] LG-1 Login page (2d)', '- [ ] Build API (4h)', '- [ ] Logout (1h)'])).toEqual([
      'Build API',
      'Logout',
    ]);
  });
});

describe('a document that looks like work but yields none', () => {
  it('says what it saw, once, at the first such structure', () => {
    const sources = [
      sourceFromText(
        ['# Plan', '', '### Feature: Login', 'text', '### Feature: Logout', 'text', '### Feature: Signup', 'text'].join('\n'),
        'plan.md',
      ),
    ];
    expect(backlogFromSources(sources).diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.rule, diagnostic.message])).toEqual([
      [
        3,
        'unread-document',
        'no items were read, though the document has 3 headings like "Feature: Login"; start each piece of work with an ID (e.g. "T-1 Build API") or give it an estimate (e.g. "Build API (4h)")',
      ],
    ]);
  });

  it('is quiet for a guide with a checklist or a team table', () => {
    const guide = [
      '# Contributing',
      '- [ ] Tests pass',
      '- [ ] Lint is clean',
      '- [ ] Docs updated',
      '',
      '| Name | Role |',
      '| --- | --- |',
      '| Ana | Dev |',
      '| Bo | QA |',
      '| Cy | PM |',
    ];
    expect(backlogFromSources([sourceFromText(guide.join('\n'), 'guide.md')]).diagnostics).toEqual([]);
  });
});
