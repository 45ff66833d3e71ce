import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown } from '../../src/load.js';
import { workItems } from '../../src/model/totals.js';

const work = (lines: string[]) => workItems(backlogFromMarkdown(lines.join('\n'))).map((item) => item.id);

describe('the items that carry the work', () => {
  it('are the tasks of a story without an estimate when the tasks carry theirs', () => {
    expect(work(['# Task #75: Reminder', '', '- [x] T-1 Streak logic (0.6h)', '- [x] T-2 Hook (0.5h)'])).toEqual(['T-1', 'T-2']);
  });

  it('are the story alone when none of its tasks carries an estimate', () => {
    expect(work(['### US-1: Login', '- [x] T-1 Form', '- [ ] T-2 Session'])).toEqual(['US-1']);
  });

  it('are the story alone when it carries its own estimate', () => {
    expect(work(['### US-1: Login (3 pts)', '- [x] T-1 Form (1 pt)', '- [ ] T-2 Session (2 pts)'])).toEqual(['US-1']);
  });
});
