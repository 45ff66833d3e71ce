import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { dependencyOrderViolations } from '../../src/analyze/dependency-order.js';
import { findCycles, formatCycle } from '../../src/analyze/graph.js';
import { buildBacklog } from '../../src/model/build-backlog.js';
import { itemLabel, labeller } from '../../src/model/item-label.js';
import { formatCriticalPath } from '../../src/report/critical-path/index.js';
import { formatShow } from '../../src/report/show.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';
import { anonymous, extraction, record } from './records.js';

describe('anonymous items: work the document lists without an ID', () => {
  it('the model carries the flag from the records', () => {
    const backlog = buildBacklog([
      extraction([
        anonymous('Activation Funnel Completion', 8, { estimate: estimate(6, 'hours') }),
        record('A-1', { source: { file: 'plan.md', line: 20, column: 1 } }),
      ]),
    ]);
    expect(backlog.items.map((entry) => [entry.id, entry.anonymous])).toEqual([
      ['plan.md:8', true],
      ['A-1', false],
    ]);
  });

  it('an item is anonymous only if every record of it is', () => {
    const backlog = buildBacklog([
      extraction([
        anonymous('Setup', 3),
        record('plan.md:3', { title: 'Setup', container: 'list:9', source: { file: 'plan.md', line: 9, column: 1 } }),
      ]),
    ]);
    expect(backlog.items).toHaveLength(1);
    expect(backlog.items[0].anonymous).toBe(false);
  });

  it('show --format json lists the flag with the item', async () => {
    const backlog = buildBacklog([extraction([anonymous('Weekly review', 4)])]);
    const json = JSON.parse(await formatShow(backlog, 'json', { color: false })) as { items: { id: string; anonymous: boolean }[] };
    expect(json.items[0]).toMatchObject({ id: 'plan.md:4', anonymous: true });
  });

  it('messages name it by title and place', () => {
    const work = item('plan.md:12', { title: 'Fix   placeholder tests', anonymous: true, source: { file: 'plan.md', line: 12 } });
    expect(itemLabel(work)).toBe('"Fix placeholder tests" (plan.md:12)');
    expect(itemLabel(item('A-1'))).toBe('A-1');
    expect(itemLabel({ ...work, title: 'x'.repeat(80) })).toBe(`"${'x'.repeat(59)}…" (plan.md:12)`);
    const name = labeller([work, item('A-1')]);
    expect([name('plan.md:12'), name('A-1'), name('Z-9')]).toEqual(['"Fix placeholder tests" (plan.md:12)', 'A-1', 'Z-9']);
  });

  it('missing-estimate names it by title', () => {
    const backlog = buildBacklog([
      extraction([
        anonymous('Activation Funnel', 8, { estimate: estimate(6, 'hours'), siblings: 'list:8' }),
        anonymous('Session Replay', 9, { siblings: 'list:8' }),
      ]),
    ]);
    const missing = backlog.diagnostics.filter((entry) => entry.rule === 'missing-estimate');
    expect(missing.map((entry) => entry.message)).toEqual(['"Session Replay" (plan.md:9) has no estimate']);
  });

  it('dependency order and cycles name it by title', () => {
    const first = item('plan.md:3', { title: 'Design', anonymous: true, source: { file: 'plan.md', line: 3 }, sprint: 'Sprint 2' });
    const second = item('plan.md:7', {
      title: 'Build',
      anonymous: true,
      source: { file: 'plan.md', line: 7 },
      sprint: 'Sprint 1',
      dependsOn: ['plan.md:3'],
    });
    const backlog = makeBacklog([first, second]);
    backlog.sprints.forEach((sprint) => (sprint.key = sprint.name.replace('Sprint ', '')));
    expect(dependencyOrderViolations(backlog).map((entry) => entry.message)).toEqual([
      '"Build" (plan.md:7) in Sprint 1 depends on "Design" (plan.md:3), committed to the later Sprint 2',
    ]);

    const loop = makeBacklog([{ ...first, dependsOn: ['plan.md:7'] }, second]);
    expect(findCycles(loop).map(formatCycle)).toEqual(['"Design" (plan.md:3) → "Build" (plan.md:7) → "Design" (plan.md:3)']);
  });

  it('critical-path reports name its paths and caveats by title', async () => {
    const backlog = makeBacklog([
      item('plan.md:3', { title: 'Design', anonymous: true, estimate: estimate(2, 'days') }),
      item('A-2', { title: 'Build', estimate: estimate(3, 'days'), dependsOn: ['plan.md:3'] }),
      item('plan.md:9', { title: 'Launch', anonymous: true, dependsOn: ['A-2'] }),
    ]);
    const result = criticalPath(backlog);
    expect(result.items.map((entry) => entry.anonymous)).toEqual([true, undefined, true]);
    const md = await formatCriticalPath(result, 'md', { color: false });
    expect(md).toContain('1. "Design" (plan.md:3) → A-2 → "Launch" (plan.md:9)');
    expect(md).toContain('1 item without an estimate weighs nothing: "Launch" (plan.md:9).');
    const table = await formatCriticalPath(result, 'table', { color: false, width: 120 });
    expect(table).toContain('1. "Design" (plan.md:3) → A-2 → "Launch" (plan.md:9)');
    const json = JSON.parse(await formatCriticalPath(result, 'json', { color: false })) as { paths: string[][] };
    expect(json.paths).toEqual([['plan.md:3', 'A-2', 'plan.md:9']]);
  });
});
