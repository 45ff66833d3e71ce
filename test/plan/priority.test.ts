import { describe, expect, it } from 'vitest';
import { priorityRanker, UNRANKED } from '../../src/analyze/priority.js';
import { item } from '../helpers/make-backlog.js';

function ranks(priorities: (string | null)[]): number[] {
  const items = priorities.map((priority, index) => item(`I-${index}`, { priority }));
  const rank = priorityRanker(items);
  return items.map(rank);
}

describe('priorityRanker', () => {
  it('puts P0 before P1 before P3', () => {
    expect(ranks(['P0', 'P1', 'p3', 'P 2'])).toEqual([0, 1, 3, 2]);
  });

  it('reads MoSCoW, levels and their translations on one scale', () => {
    expect(ranks(['Must Have', 'Should Have', 'Could Have', "Won't Have"])).toEqual([1, 2, 3, 4]);
    expect(ranks(['Critical', 'High', 'Medium', 'Low'])).toEqual([0, 1, 2, 3]);
    expect(ranks(['Alta (fundação do sistema)', 'Média', 'Baixa', 'Crítica (core)'])).toEqual([1, 2, 3, 0]);
    expect(ranks(['Won’t have'])).toEqual([4]);
  });

  it('ranks no priority or an unknown word after low and before won’t', () => {
    expect(ranks([null, 'someday'])).toEqual([UNRANKED, UNRANKED]);
    expect(UNRANKED).toBeGreaterThan(3);
    expect(UNRANKED).toBeLessThan(4);
  });

  it('reads small bare numbers as levels and a larger scale as business value', () => {
    expect(ranks(['1', '3', '2'])).toEqual([1, 3, 2]);
    const value = ranks(['100', '40', '80']);
    expect(value[0]).toBeLessThan(value[2]);
    expect(value[2]).toBeLessThan(value[1]);
  });
});
