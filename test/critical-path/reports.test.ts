import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/analyze/critical-path.js';
import { formatCriticalPath } from '../../src/report/critical-path/index.js';
import { estimate, item, makeBacklog } from '../helpers/make-backlog.js';

const backlog = makeBacklog([
  item('A-1', { title: 'Schema | v2', estimate: estimate(2, 'days') }),
  item('A-2', { title: 'Migrate: "accounts"', estimate: estimate(3, 'days'), dependsOn: ['A-1'] }),
  item('A-3', { title: 'Docs', estimate: estimate(1.5, 'days', { low: 1, high: 2 }), dependsOn: ['A-1'] }),
  item('A-4', { title: 'Old spike', estimate: estimate(1, 'days'), done: true }),
  item('A-5', { title: 'Launch', dependsOn: ['A-2', 'A-3'] }),
]);
const result = criticalPath(backlog, { deadline: 5 });
const render = (format: string, color = false) => formatCriticalPath(result, format, { color, width: 100 });

describe('critical-path reports', () => {
  it('md: the paths, the figures, then the schedule by early start, with cells escaped', async () => {
    expect(await render('md')).toBe(
      [
        '**Critical path: 5 days (1 path).**',
        '',
        '1. A-1 → A-2 → A-5',
        '',
        '- PERT: expected 5 days, standard deviation 0 days.',
        '- Chance to finish within 5 days: 100%.',
        '- 1 item without an estimate weighs nothing: A-5.',
        '',
        '| ID | Title | Duration | ES | EF | LS | LF | Total float | Free float | Critical |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
        '| A-1 | Schema \\| v2 | 2 | 0 | 2 | 0 | 2 | 0 | 0 | **yes** |',
        '| A-4 | Old spike (done) | 0 | 0 | 0 | 5 | 5 | 5 | 5 |  |',
        '| A-2 | Migrate: "accounts" | 3 | 2 | 5 | 2 | 5 | 0 | 0 | **yes** |',
        '| A-3 | Docs | 1.5 | 2 | 3.5 | 3.5 | 5 | 1.5 | 1.5 |  |',
        '| A-5 | Launch | 0 | 5 | 5 | 5 | 5 | 0 | 0 | **yes** |',
        '',
      ].join('\n'),
    );
  });

  it('mermaid: a gantt chart with crit tasks at whole-number times, milestones for zero durations', async () => {
    expect(await render('mermaid')).toBe(
      [
        '```mermaid',
        'gantt',
        '    title Critical path (5 days)',
        '    dateFormat x',
        '    axisFormat %s',
        '    todayMarker off',
        '    section Critical',
        '    A-1 Schema | v2 :crit, 0, 2000',
        '    A-2 Migrate "accounts" :crit, 2000, 5000',
        '    A-5 Launch :crit, milestone, 5000, 5000',
        '    section With float',
        '    A-4 Old spike :done, milestone, 0, 0',
        '    A-3 Docs :2000, 3500',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('dot: a digraph with critical items and dependencies bold and red, quotes escaped', async () => {
    const dot = await render('dot');
    expect(dot.startsWith('digraph "critical-path" {\n  rankdir=LR;\n  label="Critical path: 5 days";')).toBe(true);
    expect(dot).toContain('  "A-2" [label="A-2 Migrate: \\"accounts\\"\\n3 days · float 0", color=red, fontcolor=red, penwidth=2];\n');
    expect(dot).toContain('  "A-3" [label="A-3 Docs\\n1.5 days · float 1.5"];\n');
    expect(dot).toContain('  "A-4" [label="A-4 Old spike\\n0 days · float 5", color=gray60, fontcolor=gray40];\n');
    const edges = dot.split('\n').filter((line) => line.includes('->'));
    expect(edges).toEqual([
      '  "A-1" -> "A-2" [color=red, penwidth=2, style=bold];',
      '  "A-1" -> "A-3";',
      '  "A-2" -> "A-5" [color=red, penwidth=2, style=bold];',
      '  "A-3" -> "A-5";',
    ]);
    expect(dot.endsWith('}\n')).toBe(true);
  });

  it('json: the DESIGN.md contract with schemaVersion, exact numbers', async () => {
    const json = JSON.parse(await render('json'));
    expect(Object.keys(json).slice(0, 4)).toEqual(['schemaVersion', 'unit', 'length', 'paths']);
    expect(json).toMatchObject({
      schemaVersion: 1,
      unit: 'days',
      length: 5,
      paths: [['A-1', 'A-2', 'A-5']],
      stdDev: 0,
      deadline: 5,
      probability: 1,
    });
    expect(json.items[2]).toEqual({
      id: 'A-3',
      title: 'Docs',
      duration: 1.5,
      earlyStart: 2,
      earlyFinish: 3.5,
      lateStart: 3.5,
      lateFinish: 5,
      totalFloat: 1.5,
      freeFloat: 1.5,
      critical: false,
      done: false,
      dependsOn: ['A-1'],
    });
  });

  it('table: plain without colour, the critical chain in red when colour is on', async () => {
    const plain = await render('table');
    expect(plain).not.toContain('\u001b[');
    expect(plain).toContain('│ A-3 │ Docs                │      1.5 │  2 │ 3.5 │ 3.5 │  5 │   1.5 │  1.5 │          │');
    expect(plain).toContain('\nCritical path: 5 days (1 path).\n  1. A-1 → A-2 → A-5\n');
    expect(plain).toContain('\n1 item without an estimate weighs nothing: A-5.\n');
    const coloured = await render('table', true);
    expect(coloured).toContain('\u001b[31m\u001b[1mA-1\u001b[22m\u001b[39m → ');
  });

  it('table and md: a simulation adds percentiles and a criticality column', async () => {
    const simulated = criticalPath(backlog, { deadline: 5, simulate: { trials: 200, seed: 42 } });
    const md = await formatCriticalPath(simulated, 'md', { color: false });
    expect(md).toContain('- Simulation (200 trials, seed 42): P50 ');
    expect(md).toContain('| Critical | Criticality |');
    expect(md).toMatch(/\| A-1 \| Schema \\\| v2 \|.*\| \*\*yes\*\* \| 100% \|/);
    const table = await formatCriticalPath(simulated, 'table', { color: false, width: 120 });
    expect(table).toContain('Crit. %');
  });

  it('does not round a near-certainty into a certainty', async () => {
    const pert = criticalPath(makeBacklog([item('P-1', { estimate: estimate(10, 'days', { low: 7, high: 13 }) })]), { deadline: 14 });
    // σ = 1, so 14 days is 4σ out: 99.997%.
    expect(await formatCriticalPath(pert, 'md', { color: false })).toContain('- Chance to finish within 14 days: >99.9%.');
    const late = criticalPath(makeBacklog([item('P-1', { estimate: estimate(10, 'days', { low: 7, high: 13 }) })]), { deadline: 6 });
    expect(await formatCriticalPath(late, 'md', { color: false })).toContain('- Chance to finish within 6 days: <0.1%.');
  });

  it('says when nothing can be weighed and when paths were cut short', async () => {
    const empty = criticalPath(
      makeBacklog([item('X-0', { estimate: estimate(3), done: true }), item('X-1'), item('X-2', { dependsOn: ['X-1'] })]),
    );
    expect(await formatCriticalPath(empty, 'md', { color: false })).toMatch(
      /^\*\*Critical path: nothing to weigh \(no item left with an estimate\)\.\*\*\n\n- 2 items without an estimate weigh nothing: X-1, X-2\.\n/,
    );
    const diamonds = [item('S0', { estimate: estimate(1) })];
    for (let index = 1; index <= 3; index++) {
      diamonds.push(item(`U${index}`, { estimate: estimate(1), dependsOn: [`S${index - 1}`] }));
      diamonds.push(item(`L${index}`, { estimate: estimate(1), dependsOn: [`S${index - 1}`] }));
      diamonds.push(item(`S${index}`, { estimate: estimate(1), dependsOn: [`U${index}`, `L${index}`] }));
    }
    const many = criticalPath(makeBacklog(diamonds), { maxPaths: 2 });
    const md = await formatCriticalPath(many, 'md', { color: false });
    expect(md.startsWith('**Critical path: 7 points (8 paths of equal length, the first 2 listed).**')).toBe(true);
    expect(md).toContain('\n… and 6 more paths of the same length.\n');
  });

  it('counts items when nothing is estimated, and says so in every format', async () => {
    const counted = criticalPath(
      makeBacklog([item('N-1', { title: 'Design' }), item('N-2', { title: 'Build', dependsOn: ['N-1'] }), item('N-3', { title: 'Docs' })]),
    );
    const md = await formatCriticalPath(counted, 'md', { color: false });
    expect(md).toMatch(
      /^\*\*Critical path: 2 items \(1 path; nothing is estimated, so each item counts 1\)\.\*\*\n\n1\. N-1 → N-2\n\n\| ID/,
    );
    expect(md).toContain('| N-3 | Docs | 1 | 0 | 1 | 1 | 2 | 1 | 1 |  |');
    const table = await formatCriticalPath(counted, 'table', { color: false, width: 120 });
    expect(table).toContain('Critical path: 2 items (1 path; nothing is estimated, so each item counts 1).');
    expect(await formatCriticalPath(counted, 'mermaid', { color: false })).toContain('    title Critical path (2 items)');
    expect(await formatCriticalPath(counted, 'dot', { color: false })).toContain('label="Critical path: 2 items"');
    const json = JSON.parse(await formatCriticalPath(counted, 'json', { color: false })) as Record<string, unknown>;
    expect(json).toMatchObject({ unit: null, length: 2, lengthIn: 'items', paths: [['N-1', 'N-2']], unestimated: [] });
    const one = criticalPath(makeBacklog([item('N-1')]));
    expect(await formatCriticalPath(one, 'md', { color: false })).toMatch(/^\*\*Critical path: 1 item \(1 path;/);
  });
});
