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

describe('a list of estimated entries without IDs', () => {
  it('is reported once, at its first line, for each board column of an Obsidian Kanban board', () => {
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
    expect(unreadLists(board)).toEqual([
      [7, 2],
      [13, 2],
    ]);
  });

  it('is reported for numbered MoSCoW lists with two estimates or more, and with an estimate after a dash', () => {
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
    expect(unreadLists(moscow)).toEqual([[4, 3]]);
  });

  it('counts lists written one after another under one heading as one list', () => {
    expect(unreadLists(['## Backlog', '', '- Build API (4h)', '', '1. Login page (2d)', '2. Logout (1h)'])).toEqual([[3, 3]]);
  });

  it('is read as it was before: no items come from it', () => {
    const sources = [sourceFromText(['## Todo', '', '- [ ] Build API (4h)', '- [ ] Login page (2d)'].join('\n'))];
    expect(backlogFromSources(sources).items).toEqual([]);
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
