import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDocuments } from '../helpers/shared-docs.js';
import { backlogFromSources } from '../../src/load.js';
import type { Backlog } from '../../src/model/types.js';
import { sumExpected, workItems } from '../../src/model/totals.js';
import { decodeBytes } from '../../src/read/decode.js';

/** The five documents the product was specified from; every figure below was added up by hand. */
const { dir: seeds, present } = sharedDocuments('seeds');

function load(prefix: string): Backlog {
  const file = `${prefix}.md`;
  const full = path.join(seeds, readFileSync0(prefix));
  return backlogFromSources([{ file, path: full, ...decodeBytes(readFileSync(full), file) }]);
}

function readFileSync0(prefix: string): string {
  return (
    {
      '000': '000_4ff355907c25500a.txt',
      '001': '001_b118adc63bbcedc9.txt',
      '002': '002_890efc9949d24acc.txt',
      '003': '003_dc2e2ce45608dca4.txt',
      '004': '004_e9f5e1e7b0359d56.txt',
    } as Record<string, string>
  )[prefix];
}

const committed = (backlog: Backlog) => backlog.sprints.map((sprint) => [sprint.key, sprint.items.length, sprint.committed]);

describe.runIf(present)('seed documents', () => {
  it('000: 44 tickets in T-shirt days (S 1.5, M 4, L 8), four sprints, epic and release references', () => {
    const backlog = load('000');
    expect(backlog.items.length).toBe(44);
    expect(backlog.unit).toBe('days');
    expect(sumExpected(workItems(backlog), 'days')).toBe(8 * 1.5 + 24 * 4 + 12 * 8);
    expect(committed(backlog)).toEqual([
      ['1', 10, 25],
      ['2', 7, 37.5],
      ['3', 6, 32],
      ['4', 6, 32],
    ]);
    const byId = new Map(backlog.items.map((item) => [item.id, item]));
    expect(byId.get('AION-201')?.dependsOn).toEqual(['AION-101', 'AION-102', 'AION-103', 'AION-104', 'AION-105']);
    expect(byId.get('AION-801')?.dependsOn).toHaveLength(10);
    expect(byId.get('AION-702')?.partial).toBe('partly for capture and notifications');
    expect(backlog.items.flatMap((item) => item.unresolved)).toEqual([]);
    expect(backlog.diagnostics.map((d) => d.rule)).toEqual(Array(6).fill('table-row-wrapped'));
  });

  it('001: 35 stories, 203 points against a stated 200, sprint 5 at 52 against a stated 49', () => {
    const backlog = load('001');
    expect(backlog.items.length).toBe(35);
    expect(sumExpected(workItems(backlog), 'points')).toBe(203);
    expect(committed(backlog)).toEqual([
      ['4', 10, 41],
      ['5', 9, 52],
      ['6', 6, 42],
      ['7', 4, 29],
      ['8', 6, 39],
    ]);
    const byId = new Map(backlog.items.map((item) => [item.id, item]));
    expect(byId.get('S4-05')?.dependsOn).toEqual(['E12-01', 'E12-02', 'S4-01', 'S4-02', 'S4-03', 'S4-04', 'E12-03', 'E12-04', 'E12-05']);
    expect(byId.get('E12-06')?.dependsOn).toEqual(['E12-03']);
    expect(
      backlog.claims
        .filter((claim) => claim.kind === 'projection')
        .map((claim) => claim.kind === 'projection' && [claim.velocity, claim.sprints]),
    ).toEqual([
      [25, 8],
      [30, 7],
      [40, 5],
    ]);
    expect(backlog.conflicts).toEqual([]);
  });

  it('002: 16 done tickets, decoded from double-encoded UTF-8', () => {
    const backlog = load('002');
    expect(backlog.items.map((item) => item.id)).toEqual(Array.from({ length: 16 }, (_, i) => `T${i + 1}`));
    expect(backlog.items.every((item) => item.done)).toBe(true);
    expect(backlog.items[0].title).toBe('AI‑Zielarchitektur definieren');
    expect(backlog.diagnostics.map((d) => d.rule)).toEqual(['encoding']);
  });

  it('003: 66 items, six sprints of days, a stretch table without estimates', () => {
    const backlog = load('003');
    expect(backlog.items.length).toBe(66);
    expect(committed(backlog)).toEqual([
      ['1', 11, 19.5],
      ['2', 8, 22],
      ['3', 9, 20],
      ['4', 10, 27],
      ['5', 11, 26],
      ['6', 11, 25],
    ]);
    expect(backlog.items.filter((item) => !item.estimate).map((item) => item.id)).toEqual([
      'SME-19',
      'SME-20',
      'DEV-19',
      'DEV-20',
      'HOST-17',
      'HOST-18',
    ]);
    expect(backlog.diagnostics).toEqual([]);
  });

  it('004: four stories of 21 points in sprint 1.1, their tasks as children', () => {
    const backlog = load('004');
    expect(backlog.items.filter((item) => !item.parent).map((item) => [item.id, item.estimate?.expected])).toEqual([
      ['Story 1', 5],
      ['Story 2', 8],
      ['Story 3', 5],
      ['Story 4', 3],
    ]);
    expect(backlog.items.filter((item) => item.parent)).toHaveLength(15);
    expect(committed(backlog)).toEqual([['1.1', 4, 21]]);
    expect(backlog.claims.map((claim) => claim.kind)).toEqual(['capacity', 'count']);
  });
});
