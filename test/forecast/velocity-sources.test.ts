import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/analyze/forecast.js';
import { completedSprints, isCancelled, sprintMarkedDone } from '../../src/analyze/velocity-sources.js';
import { meanVelocity, scaleVelocity } from '../../src/analyze/velocity.js';
import { backlogFromMarkdown } from '../../src/load.js';
import type { Claim } from '../../src/model/types.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { runCli } from '../helpers/run-cli.js';

const COMPLETED = 'fixtures/forecast/completed-sprints.md';

function fixture() {
  const text = readFileSync(COMPLETED, 'utf8');
  const lines = text.split('\n');
  return { backlog: backlogFromMarkdown(text, COMPLETED), sourceLine: (_file: string, line: number) => lines[line - 1] };
}

describe('sprintMarkedDone', () => {
  it.each([
    ['Sprint 1 ✅', true],
    ['Sprint 1: Foundations (Completed 2026-01-12)', true],
    ['Sprint 1: Done', true],
    ['Sprint 1: Foundations — completed', true],
    ['Sprint 2 (Abgeschlossen)', true],
    ['Sprint 3: Foundations', false],
    ['Sprint 4: Done criteria', false],
    ['Sprint 5 (Weeks 9-10)', false],
    ['Sprint 6 (cancelled)', false],
  ])('%j → %s', (name, done) => {
    expect(sprintMarkedDone(name)).toBe(done);
  });
});

describe('isCancelled', () => {
  it('tells cancelled work from done work', () => {
    expect(isCancelled(item('A', { status: "Won't do", done: true }))).toBe(true);
    expect(isCancelled(item('A', { status: 'Done', done: true }))).toBe(false);
    expect(isCancelled(item('A', { done: true }))).toBe(false);
  });
});

describe('completedSprints', () => {
  it('gives each finished sprint its done work, in the order the sprints ran', () => {
    const items = [
      item('A', { estimate: estimate(5), done: true, sprint: 'Sprint 2' }),
      item('B', { estimate: estimate(3), done: true, sprint: 'Sprint 1' }),
      item('C', { estimate: estimate(8), done: false, sprint: 'Sprint 3' }),
      item('D', { estimate: estimate(2), done: true, sprint: 'Sprint 3' }),
      item('E', { estimate: estimate(4), done: true, sprint: 'Sprint 1' }),
    ];
    const backlog = makeBacklog(items);
    backlog.sprints = backlog.sprints.map((sprint) => ({ ...sprint, key: sprint.name.replace('Sprint ', '') }));
    expect(completedSprints(backlog, 'points')).toEqual([
      { name: 'Sprint 1', key: '1', done: 7, items: ['B', 'E'], marked: false },
      { name: 'Sprint 2', key: '2', done: 5, items: ['A'], marked: false },
    ]);
  });

  it('counts a sprint the document marks finished, with the items it carried over left out, and no cancelled work', () => {
    const { backlog, sourceLine } = fixture();
    // Sprint 1 (completed): 8 + 5 + 8. Sprint 2 ✅: 13 + 8 + 9, KS-7 carried over. Sprint 3: 13 + 8 + 6, KS-11 won't do.
    expect(completedSprints(backlog, 'points', 8, sourceLine).map(({ name, done, marked }) => ({ name, done, marked }))).toEqual([
      { name: 'Sprint 1', done: 21, marked: true },
      { name: 'Sprint 2', done: 30, marked: true },
      { name: 'Sprint 3', done: 27, marked: false },
    ]);
    // Without the heading's text, the name alone does not say Sprint 2 is finished.
    expect(completedSprints(backlog, 'points').map((sprint) => sprint.done)).toEqual([21, 27]);
  });

  it('has nothing to say without a unit', () => {
    expect(completedSprints(fixture().backlog, null)).toEqual([]);
  });
});

describe('forecast: the velocity from the document', () => {
  it('draws from the completed sprints when no velocity is given, and names them', () => {
    const { backlog, sourceLine } = fixture();
    const result = forecast(backlog, { sourceLine, seed: 1 });
    expect(result).toMatchObject({
      velocity: { kind: 'history', values: [21, 30, 27] },
      velocitySource: 'sprints',
      remaining: 31,
      done: 78,
      pastSprints: {
        source: 'sprints',
        sprints: [
          { name: 'Sprint 1', done: 21 },
          { name: 'Sprint 2', done: 30 },
          { name: 'Sprint 3', done: 27 },
        ],
      },
    });
    // 31 points need two sprints whichever of 21, 30 and 27 they draw.
    expect(result.percentiles).toEqual({ p50: 2, p70: 2, p85: 2, p95: 2 });
    expect(result.burnUp.past).toEqual([
      { label: 'Sprint 1', done: 21, scope: 109 },
      { label: 'Sprint 2', done: 51, scope: 109 },
      { label: 'Sprint 3', done: 78, scope: 109 },
    ]);
    expect(result.burnUp.now).toEqual({ done: 78, scope: 109 });
  });

  it('prefers the completed sprints to a stated velocity, and a given velocity to both', () => {
    const { backlog, sourceLine } = fixture();
    const claim: Claim = {
      kind: 'velocity',
      scope: { file: COMPLETED },
      value: 40,
      raw: 'Velocity: 40',
      source: { file: COMPLETED, line: 3, column: 1 },
    };
    const stated = { ...backlog, claims: [...backlog.claims, claim] };
    expect(forecast(stated, { sourceLine }).velocitySource).toBe('sprints');
    const given = forecast(stated, { sourceLine, velocity: { kind: 'fixed', value: 10 } });
    expect(given).toMatchObject({ velocitySource: 'option', sprints: 4 });
    // The past sprints still draw the burn-up's past.
    expect(given.burnUp.source).toBe('sprints');
    const noSprints = { ...stated, sprints: [] };
    expect(forecast(noSprints).velocitySource).toBe('document');
  });
});

describe('velocity arithmetic', () => {
  it('scales and averages every kind of velocity', () => {
    expect(scaleVelocity({ kind: 'fixed', value: 7.5 }, 4)).toEqual({ kind: 'fixed', value: 30 });
    expect(scaleVelocity({ kind: 'range', low: 5, high: 8 }, 2)).toEqual({ kind: 'range', low: 10, high: 16 });
    expect(scaleVelocity({ kind: 'history', values: [1, 2] }, 3)).toEqual({ kind: 'history', values: [3, 6] });
    expect(meanVelocity({ kind: 'range', low: 25, high: 40 })).toBe(32.5);
    expect(meanVelocity({ kind: 'history', values: [21, 30, 27] })).toBe(26);
  });
});

describe('backlog forecast with completed sprints', { timeout: 30_000 }, () => {
  it('names the sprints the velocity comes from and draws them into the burn-up', () => {
    const { code, stdout, stderr } = runCli(['forecast', COMPLETED, '--seed', '1']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('31 points remaining at a velocity history of 21, 30, 27 points: 85% likely within 2 sprints');
    expect(stdout).toContain('Velocity from 3 completed sprints: 21, 30, 27 points (Sprint 1, Sprint 2, Sprint 3).');
    expect(stdout).toContain('Sprint 2 │██████████████████▊░░░░░░░░░░░░░░░░░░░░░     51 / 109');
    expect(stdout).toContain('     now │████████████████████████████▋░░░░░░░░░░░     78 / 109');
    const json = JSON.parse(runCli(['forecast', COMPLETED, '--format', 'json']).stdout);
    expect(json).toMatchObject({ velocity: { history: [21, 30, 27] }, velocitySource: 'sprints', remaining: 31, done: 78 });
  });
});

describe('a backlog with nothing remaining', () => {
  it('needs no velocity: zero sprints, velocitySource none, exit 0', () => {
    const done = ['| ID | Story | Points | Status |', '|---|---|---|---|', '| A-1 | One | 3 | Done |', '| A-2 | Two | 5 | Done |'].join(
      '\n',
    );
    const result = forecast(backlogFromMarkdown(done), {});
    expect([result.remaining, result.sprints, result.done, result.velocitySource]).toEqual([0, 0, 8, 'none']);
    // One open item and no velocity anywhere is still the usage error that asks for one.
    expect(() => forecast(backlogFromMarkdown(done.replace('| Done |\n| A-2', '| Open |\n| A-2')), {})).toThrow(/give --velocity/);
  });
});
