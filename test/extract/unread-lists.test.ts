import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { lint } from '../../src/lint/index.js';
import { backlogFromSources, sourceFromText } from '../../src/load.js';

/** The unread-list problems of one document: [line, entries the message counts]. */
const unreadLists = (lines: string[]) => {
  const sources = [sourceFromText(lines.join('\n'))];
  return lint(backlogFromSources(sources), { sources, config: DEFAULT_CONFIG })
    .problems.filter((problem) => problem.rule === 'unread-list')
    .map((problem) => [problem.line, Number(/holds (\d+) estimated entries/.exec(problem.message)?.[1])]);
};

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

  it('reads each board column of an Obsidian Kanban board, and reports no list as unread', () => {
    expect(work(board)).toEqual([
      ['board.md:7', 'Build API', '4 hours', false, true],
      ['board.md:8', 'Login page', '2 days', false, true],
      ['board.md:13', 'CSV export', '1 days', true, true],
      ['board.md:14', 'Privacy policy', '2 hours', true, true],
    ]);
    expect(unreadLists(board)).toEqual([]);
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
    expect(unreadLists(moscow)).toEqual([]);
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

describe('estimated entries that stay unread', () => {
  it('a single estimated entry among notes is no list of work', () => {
    expect(work(['## Could have', '', '1. Dark mode (1d)', '2. Social login'])).toEqual([]);
  });
});

describe('lists that are not reported', () => {
  it('a list any of whose entries became an item, or names an ID', () => {
    expect(unreadLists(['## Sprint 1', '', '- [ ] LG-1 Login page (2d)', '- [ ] Build API (4h)', '- [ ] Logout (1h)'])).toEqual([]);
    expect(unreadLists(['## Release', '', '- [ ] Fix login (#123) (2h)', '- [ ] Session timeout (#131) (3h)'])).toEqual([]);
  });

  it("a story's tasks: under its heading, its bold line, a heading with its own estimate, or nested in its entry", () => {
    expect(unreadLists(['## US-1: Password reset', '', '### Tasks', '- [ ] Build API (4h)', '- [x] Email template (2h)'])).toEqual([]);
    expect(unreadLists(['**US-12 — Export CSV**', '', '- Build API (4h)', '- Download button (2h)'])).toEqual([]);
    expect(unreadLists(['## ストーリー1: ログイン画面（5pt）', '', '- [x] 画面デザイン（2h）', '- [ ] API連携（4h）'])).toEqual([]);
    expect(unreadLists(['- US-5 Export (3 SP)', '  - Build API (4h)', '  - Download button (2h)'])).toEqual([]);
  });

  it('acceptance criteria, under a heading or a label', () => {
    expect(unreadLists(['## Login', '', '### Acceptance criteria', '- Link expires (24h)', '- Lockout after retries (1h)'])).toEqual([]);
    expect(unreadLists(['## Login', '', '**Acceptance criteria:**', '- Link expires (24h)', '- Lockout after retries (1h)'])).toEqual([]);
  });

  it('prose, links, agendas, stated figures, sprints and code', () => {
    expect(unreadLists(['## Notes', '', '- The migration took (2 days) longer than planned', '- Review ran over by [1h] again'])).toEqual(
      [],
    );
    expect(
      unreadLists(['## Reading', '', '- [Intro to OAuth](https://example.com/oauth) (2h)', '- <https://example.com/talk> (1d)']),
    ).toEqual([]);
    expect(unreadLists(['## Review agenda', '', '- Demo (30 min)', '- Retrospective (45 min)'])).toEqual([]);
    expect(unreadLists(['## Sprint 4', '', '- Capacity — 40 pts', '- Velocity — 32 pts'])).toEqual([]);
    expect(unreadLists(['## Plan', '', '- Sprint 1 (2 weeks)', '- Sprint 2 (2 weeks)'])).toEqual([]);
    expect(unreadLists(['## Example', '', '```md', '- Build API (4h)', '- Login page (2d)', '```'])).toEqual([]);
  });

  it('a single estimated entry', () => {
    expect(unreadLists(['## Could have', '', '1. Dark mode (1d)', '2. Social login'])).toEqual([]);
  });
});
