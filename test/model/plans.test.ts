import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { backlogFromSources, sourceFromText } from '../../src/load.js';
import { plansOf } from '../../src/model/plans.js';
import { lint } from '../../src/lint/index.js';

const backlogFile = sourceFromText(
  [
    '| ID | Story | Points |',
    '|----|-------|--------|',
    '| WEB-1 | Listing | 5 |',
    '| WEB-2 | Detail | 3 |',
    '| WEB-3 | Basket | 8 |',
  ].join('\n'),
  'web/backlog.md',
);
const sprintFile = sourceFromText(
  ['## Sprint 1', '', '**Capacity:** 10 points', '', '- WEB-1 Listing', '- WEB-2 Detail'].join('\n'),
  'web/sprint-1.md',
);
const unrelated = sourceFromText(
  ['## Sprint 1', '', '**Capacity:** 4 days', '', '- [ ] WH-1 Scanner screen (2d)', '- [ ] WH-2 Offline queue (3d)'].join('\n'),
  'warehouse.md',
);

describe('plans: files read together', () => {
  it('is one plan, without a plans list, when the files share items', () => {
    const backlog = backlogFromSources([backlogFile, sprintFile]);
    expect(backlog.plans).toBeUndefined();
    expect(backlog.sprints.map((sprint) => [sprint.name, sprint.committed, sprint.items])).toEqual([['Sprint 1', 8, ['WEB-1', 'WEB-2']]]);
  });

  it('keeps unrelated files apart: sprint 1 of each is its own sprint, in its own unit', () => {
    const backlog = backlogFromSources([backlogFile, sprintFile, unrelated]);
    const plans = backlog.plans!;
    expect(plans.map((plan) => [plan.name, plan.files.map((file) => file.file), plan.unit])).toEqual([
      ['web/backlog.md', ['web/backlog.md', 'web/sprint-1.md'], 'points'],
      ['warehouse.md', ['warehouse.md'], 'days'],
    ]);
    expect(plans.map((plan) => plan.sprints.map((sprint) => `${sprint.name}: ${sprint.committed}`))).toEqual([
      ['Sprint 1: 8'],
      ['Sprint 1: 5'],
    ]);
    // The union is every plan's items, and has no one unit when the plans' units differ.
    expect(backlog.items).toHaveLength(5);
    expect(backlog.unit).toBeNull();
  });

  it('does not depend on the order the files are given in', () => {
    const shape = (sources: (typeof backlogFile)[]) =>
      (backlogFromSources(sources).plans ?? []).map((plan) => [plan.name, plan.items.map((item) => item.id).sort()]);
    expect(shape([unrelated, sprintFile, backlogFile]).sort()).toEqual(shape([backlogFile, sprintFile, unrelated]).sort());
  });

  it('never joins files by bare row numbers: each file numbers its own rows', () => {
    const table = (title: string) => ['| # | Task | Days |', '|---|------|------|', `| 1 | ${title} | 2 |`].join('\n');
    const backlog = backlogFromSources([sourceFromText(table('Paint'), 'a.md'), sourceFromText(table('Plaster'), 'b.md')]);
    expect(plansOf(backlog).map((plan) => plan.items.map((item) => `${item.id} ${item.title}`))).toEqual([['a:1 Paint'], ['b:1 Plaster']]);
  });

  it('joins two files that write the same row number with the same title: a sprint file restating its backlog', () => {
    const backlog = sourceFromText(
      ['| ID | Title | Est |', '|---|---|---|', '| 01 | Login | 3 |', '| 02 | Search | 5 |'].join('\n'),
      'backlog.md',
    );
    const sprint = sourceFromText(
      ['## Sprint 1', '', '| ID | Title | Est |', '|---|---|---|', '| 01 | login | 3 |'].join('\n'),
      'sprint.md',
    );
    const read = backlogFromSources([backlog, sprint]);
    expect(read.plans).toBeUndefined();
    expect(read.items.map((item) => [item.id, item.sprint])).toEqual([
      ['01', 'Sprint 1'],
      ['02', null],
    ]);
  });

  it('joins the files a config names as one plan, by glob from the config directory', () => {
    const config = parseConfig({ plans: { ops: ['ops/**'] } }, '/repo/.backlogrc.yaml');
    const one = { ...sourceFromText('- [ ] OPS-1 Rotate keys (1d)', 'ops/keys.md'), path: '/repo/ops/keys.md' };
    const two = { ...sourceFromText('- [ ] NET-1 Renew certificates (2d)', 'ops/net/certs.md'), path: '/repo/ops/net/certs.md' };
    const other = { ...sourceFromText('- [ ] DOC-1 Write the runbook (1d)', 'docs/runbook.md'), path: '/repo/docs/runbook.md' };
    const plans = backlogFromSources([one, two, other], config).plans!;
    expect(plans.map((plan) => [plan.name, plan.files.map((file) => file.file)])).toEqual([
      ['ops', ['ops/keys.md', 'ops/net/certs.md']],
      ['docs/runbook.md', ['docs/runbook.md']],
    ]);
  });

  it('lints each plan apart: one file’s capacity is not charged with another file’s sprint', () => {
    const over = sourceFromText(
      ['## Sprint 1', '', '**Capacity:** 5 points', '', '| ID | Story | Points |', '|---|---|---|', '| A-1 | One | 3 |'].join('\n'),
      'a.md',
    );
    const other = sourceFromText(['## Sprint 1', '', '| ID | Story | Points |', '|---|---|---|', '| B-1 | Two | 8 |'].join('\n'), 'b.md');
    const result = lint(backlogFromSources([over, other]), { config: DEFAULT_CONFIG });
    expect(result.problems.filter((problem) => problem.rule === 'sprint-over-capacity')).toEqual([]);
    // The same rule does report a file's own sprint beyond its own capacity.
    const alone = lint(backlogFromSources([sourceFromText(over.text.replace('| 3 |', '| 6 |'), 'a.md'), other]), {
      config: DEFAULT_CONFIG,
    });
    expect(alone.problems.filter((problem) => problem.rule === 'sprint-over-capacity').map((problem) => problem.file)).toEqual(['a.md']);
  });
});

describe('config: plans', () => {
  it('takes a glob or a list of globs per plan', () => {
    expect(parseConfig({ plans: { web: 'docs/web/**', api: ['api/*.md', 'api/**/*.md'] } }, 'c.yaml').plans).toEqual({
      web: ['docs/web/**'],
      api: ['api/*.md', 'api/**/*.md'],
    });
  });

  it('names the key of a mistake', () => {
    expect(() => parseConfig({ plans: ['docs/**'] }, 'c.yaml')).toThrow(/c\.yaml: plans: expected a mapping of plan names/);
    expect(() => parseConfig({ plans: { web: [3] } }, 'c.yaml')).toThrow(/c\.yaml: plans\.web: expected a list of strings/);
  });
});
