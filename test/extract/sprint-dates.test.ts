import { describe, expect, it } from 'vitest';
import { readSprintName } from '../../src/extract/values/sprints.js';
import { backlogFromMarkdown } from '../../src/load.js';

const keyAndName = (text: string) => {
  const sprint = readSprintName(text);
  return sprint && [sprint.key, sprint.name];
};

describe('a sprint heading whose number is followed by the dates it runs', () => {
  it('reads the dash before a date range as the start of the dates, not a range of sprints', () => {
    expect(keyAndName('Sprint 2 – 13 au 24 mai')).toEqual(['2', 'Sprint 2']);
    expect(keyAndName('Sprint 2 – 13 May – 24 May')).toEqual(['2', 'Sprint 2']);
    expect(keyAndName('Sprint 2 - 2024-05-13 → 2024-05-24')).toEqual(['2', 'Sprint 2']);
    expect(keyAndName('Sprint 2 – 13.05.–24.05.')).toEqual(['2', 'Sprint 2']);
  });

  it('keeps the dates as the rest of the heading', () => {
    expect(readSprintName('Sprint 2 – 13 au 24 mai')?.rest).toBe('– 13 au 24 mai');
  });

  it('still reads a range of sprints when no dates follow its second number', () => {
    expect(keyAndName('Sprint 1-2 (Fundação)')).toEqual(['1-2', 'Sprint 1-2 (Fundação)']);
    expect(keyAndName('Sprint 3-4 (Core)')).toEqual(['3-4', 'Sprint 3-4 (Core)']);
    expect(keyAndName('Sprint 3 – 4')).toEqual(['3-4', 'Sprint 3-4']);
    expect(keyAndName('Sprint 1 – 2: Fundação')).toEqual(['1-2', 'Sprint 1-2: Fundação']);
  });

  it('puts the items under such a heading in that sprint', () => {
    const backlog = backlogFromMarkdown(
      ['## Sprint 2 – 13 au 24 mai', '', '- [ ] **FR-1** Connexion (2 j)', '- [ ] **FR-2** Profil (3 j)', ''].join('\n'),
    );
    expect(backlog.sprints.map((sprint) => [sprint.key, sprint.name, sprint.items])).toEqual([['2', 'Sprint 2', ['FR-1', 'FR-2']]]);
  });
});

describe('a sprint and those after it', () => {
  it('is one time box of its own, "Sprint 9+", not sprint 9 with a title "+"', () => {
    expect(readSprintName('Sprint 9+ (Expansão)')).toEqual({ key: '9+', name: 'Sprint 9+ (Expansão)', rest: '(Expansão)' });
  });
});
