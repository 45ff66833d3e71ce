import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitHistory, HistoryError } from '../../src/analyze/history/git.js';
import { replayHistory, type HistoryTimeline } from '../../src/analyze/history/replay.js';
import { historySprints, sprintSeconds } from '../../src/analyze/history/sprints.js';
import { forecast } from '../../src/analyze/forecast.js';
import { backlogFromMarkdown, backlogFromSources } from '../../src/load.js';
import { decodeBytes } from '../../src/read/decode.js';
import { workItems } from '../../src/model/totals.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const DAY = 86_400;

/** git in `cwd`, with an author and dates of our choosing and nothing from the machine's config. */
function git(cwd: string, args: string[], date?: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !name.startsWith('GIT_CONFIG')) delete env[name];
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env,
    encoding: 'utf8',
  });
}

function initRepo(dir: string): void {
  git(dir, ['-c', 'init.defaultBranch=main', 'init', '-q']);
}

/** Writes the files and commits them at `date` (noon UTC). */
function commit(dir: string, date: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  git(dir, ['add', ...Object.keys(files)]);
  git(dir, ['commit', '-q', '-m', `plan as of ${date}`], `${date}T12:00:00Z`);
}

type Row = [id: string, points: number, status: string];

function plan(rows: Row[], notes = ''): string {
  const lines = rows.map(([id, points, status]) => `| ${id} | Story ${id} | ${points} | ${status} |`);
  return `# Plan\n\n| ID | Title | Points | Status |\n| --- | --- | --- | --- |\n${lines.join('\n')}\n${notes}`;
}

/**
 * Three months of a plan in git, one commit at a time (each at noon UTC):
 *
 * | commit     | what happens                                  | scope | done |
 * | ---------- | --------------------------------------------- | ----- | ---- |
 * | 2026-01-05 | A 5 (done already), B 3, C 8, D 2, E 5        | 23    | 5    |
 * | 2026-01-08 | B done                                        | 23    | 8    |
 * | 2026-01-20 | C done; F 8 added                             | 31    | 16   |
 * | 2026-02-03 | D done; G 3 added already done                | 34    | 21   |
 * | 2026-02-17 | a note, nothing done                          | 34    | 21   |
 * | 2026-03-05 | E done; H 13 added                            | 47    | 26   |
 * | 2026-03-31 | F done                                        | 47    | 34   |
 *
 * Sprints of 2 weeks (14 days) ending at the last commit, 2026-03-31 12:00: 85 days of history
 * hold 6 whole sprints, from 2026-01-06 12:00; the day before them is left out. A sprint runs
 * from its start (included) to the next one's: a commit at exactly 12:00 on 01-20, 02-03 or
 * 02-17 counts in the sprint that starts then. Work first read as done, per sprint:
 *
 *   01-06 – 01-20: B 3 · 01-20 – 02-03: C 8 · 02-03 – 02-17: D 2 + G 3 = 5 · 02-17 – 03-03: 0 ·
 *   03-03 – 03-17: E 5 · 03-17 – 03-31: F 8.
 *
 * A, done at the first commit, is where the history starts, not a sprint's velocity. The plan at
 * each sprint's start (the last commit before it): 01-06 23/5, 01-20 23/8, 02-03 31/16,
 * 02-17 34/21, 03-03 34/21, 03-17 47/26; now 47/34, with H's 13 points remaining.
 */
function threeMonths(dir: string): string {
  initRepo(dir);
  const history: [string, Row[], string?][] = [
    [
      '2026-01-05',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Open'],
        ['C', 8, 'Open'],
        ['D', 2, 'Open'],
        ['E', 5, 'Open'],
      ],
    ],
    [
      '2026-01-08',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Done'],
        ['C', 8, 'Open'],
        ['D', 2, 'Open'],
        ['E', 5, 'Open'],
      ],
    ],
    [
      '2026-01-20',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Done'],
        ['C', 8, 'Done'],
        ['D', 2, 'Open'],
        ['E', 5, 'Open'],
        ['F', 8, 'Open'],
      ],
    ],
    [
      '2026-02-03',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Done'],
        ['C', 8, 'Done'],
        ['D', 2, 'Done'],
        ['E', 5, 'Open'],
        ['F', 8, 'Open'],
        ['G', 3, 'Done'],
      ],
    ],
    [
      '2026-02-17',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Done'],
        ['C', 8, 'Done'],
        ['D', 2, 'Done'],
        ['E', 5, 'Open'],
        ['F', 8, 'Open'],
        ['G', 3, 'Done'],
      ],
      '\nNotes from the review.\n',
    ],
    [
      '2026-03-05',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Done'],
        ['C', 8, 'Done'],
        ['D', 2, 'Done'],
        ['E', 5, 'Done'],
        ['F', 8, 'Open'],
        ['G', 3, 'Done'],
        ['H', 13, 'Open'],
      ],
      '\nNotes from the review.\n',
    ],
    [
      '2026-03-31',
      [
        ['A', 5, 'Done'],
        ['B', 3, 'Done'],
        ['C', 8, 'Done'],
        ['D', 2, 'Done'],
        ['E', 5, 'Done'],
        ['F', 8, 'Done'],
        ['G', 3, 'Done'],
        ['H', 13, 'Open'],
      ],
      '\nNotes from the review.\n',
    ],
  ];
  for (const [date, rows, notes] of history) commit(dir, date, { 'docs/plan.md': plan(rows, notes) });
  return path.join(dir, 'docs', 'plan.md');
}

async function timelineOf(file: string): Promise<HistoryTimeline> {
  const history = await readGitHistory([{ file: 'docs/plan.md', path: file }]);
  return replayHistory(history, { unit: 'points' });
}

describe('git history: velocities and the scope line', { timeout: 60_000 }, () => {
  it('reads every commit that changed the plan, rebuilds it at each, and notes when each item first read as done', async () => {
    const timeline = await timelineOf(threeMonths(tempDir('history')));
    expect(timeline.points.map(({ scope, done }) => [scope, done])).toEqual([
      [23, 5],
      [23, 8],
      [31, 16],
      [34, 21],
      [34, 21],
      [47, 26],
      [47, 34],
    ]);
    expect(timeline.events.map(({ id, commit, work }) => [id, commit, work])).toEqual([
      ['A', 0, 5],
      ['B', 1, 3],
      ['C', 2, 8],
      ['D', 3, 2],
      ['G', 3, 3],
      ['E', 5, 5],
      ['F', 6, 8],
    ]);
  });

  it('cuts the history into sprint-length windows ending at the last commit', async () => {
    const timeline = await timelineOf(threeMonths(tempDir('history')));
    const sprints = historySprints(timeline, 10);
    expect(sprints.sprintSeconds).toBe(14 * DAY);
    expect(sprints.sprints.map((sprint) => sprint.done)).toEqual([3, 8, 5, 0, 5, 8]);
    expect(sprints.boundaries.map(({ scope, done }) => [scope, done])).toEqual([
      [23, 5],
      [23, 8],
      [31, 16],
      [34, 21],
      [34, 21],
      [47, 26],
      [47, 34],
    ]);
    expect(sprints).toMatchObject({ doneBefore: 5, doneOutside: 0, commits: 7 });
    // One-week sprints: 12 whole ones from 01-06 12:00, B (01-08) in the first, C (01-20 12:00)
    // opening the third.
    const weekly = historySprints(timeline, 5);
    expect(weekly.sprints.map((sprint) => sprint.done)).toEqual([3, 0, 8, 0, 5, 0, 0, 0, 5, 0, 0, 8]);
    expect(weekly.doneOutside).toBe(0);
    // Sprints of 9 working days (12.6 days): 6 whole ones (75.6 days) from 01-15 02:24; B, done on
    // 01-08, is before them. C 01-20 · D, G 02-03 · – · E 03-05 · – · F 03-31.
    const nine = historySprints(timeline, 9);
    expect(nine.sprints.map((sprint) => sprint.done)).toEqual([8, 5, 0, 5, 0, 8]);
    expect(nine.doneOutside).toBe(3);
  });

  it('is the library’s own loading at each commit: the last commit reads as the file on disk does', async () => {
    const file = threeMonths(tempDir('history'));
    const timeline = await timelineOf(file);
    const { readFileSync } = await import('node:fs');
    const backlog = backlogFromMarkdown(readFileSync(file, 'utf8'), 'docs/plan.md');
    const scope = workItems(backlog).reduce((sum, item) => sum + (item.estimate?.expected ?? 0), 0);
    expect(timeline.points.at(-1)).toMatchObject({ scope, done: 34 });
  });

  it('forecast --history git draws from those velocities, with the burn-up and dates from the history', () => {
    const file = threeMonths(tempDir('history'));
    const { code, stdout, stderr } = runCli(['forecast', file, '--history', 'git', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      remaining: 13,
      done: 34,
      velocity: { history: [3, 8, 5, 0, 5, 8] },
      velocitySource: 'git',
      pastSprints: {
        source: 'git',
        commits: 7,
        doneBefore: 5,
        doneOutside: 0,
        sprints: [
          { start: '2026-01-06', end: '2026-01-20', done: 3 },
          { start: '2026-01-20', end: '2026-02-03', done: 8 },
          { start: '2026-02-03', end: '2026-02-17', done: 5 },
          { start: '2026-02-17', end: '2026-03-03', done: 0 },
          { start: '2026-03-03', end: '2026-03-17', done: 5 },
          { start: '2026-03-17', end: '2026-03-31', done: 8 },
        ],
      },
      simulation: { drawn: ['velocity'] },
    });
    expect(json.burnUp.source).toBe('git');
    expect(json.burnUp.past).toEqual([
      { label: '−6', end: '2026-01-06', done: 5, scope: 23 },
      { label: '−5', end: '2026-01-20', done: 8, scope: 23 },
      { label: '−4', end: '2026-02-03', done: 16, scope: 31 },
      { label: '−3', end: '2026-02-17', done: 21, scope: 34 },
      { label: '−2', end: '2026-03-03', done: 21, scope: 34 },
      { label: '−1', end: '2026-03-17', done: 26, scope: 47 },
    ]);
    expect(json.burnUp.now).toEqual({ end: '2026-03-31', done: 34, scope: 47 });
    // Future sprints of 14 days after the last commit.
    expect(json.dates).toMatchObject({ start: '2026-03-31', from: 'git' });
    expect(json.burnUp.future[0]).toMatchObject({ sprint: 1, end: '2026-04-14', scope: 47 });
    expect(json.burnUp.future.at(-1)).toMatchObject({ sprint: json.sprints, p85: 47 });

    const table = runCli(['forecast', file, '--history', 'git']).stdout;
    expect(table).toContain(
      'Velocity from the git history: 6 sprints of 2 weeks (2026-01-06 to 2026-03-31, 7 commits), work first read as done in each: 3, 8, 5, 0, 5, 8 points.',
    );
    expect(table).toContain('Not counted as any sprint’s velocity'.replace('’', "'"));
    expect(table).toContain(' −4 2026-02-03 │█████████████▋░░░░░░░░░░░░');
  });

  it('reads a plan of several files, each at its own version, and names files added later', async () => {
    const dir = tempDir('history');
    initRepo(dir);
    commit(dir, '2026-01-05', {
      'a.md': plan([
        ['A-1', 5, 'Open'],
        ['A-2', 3, 'Open'],
      ]),
    });
    commit(dir, '2026-01-12', { 'b.md': plan([['B-1', 8, 'Open']]) });
    commit(dir, '2026-01-20', {
      'a.md': plan([
        ['A-1', 5, 'Done'],
        ['A-2', 3, 'Open'],
      ]),
    });
    commit(dir, '2026-02-03', { 'b.md': plan([['B-1', 8, 'Done']]) });
    const history = await readGitHistory([
      { file: 'a.md', path: path.join(dir, 'a.md') },
      { file: 'b.md', path: path.join(dir, 'b.md') },
    ]);
    expect(history.commits.map((entry) => entry.blobs.map((blob) => blob !== null))).toEqual([
      [true, false],
      [true, true],
      [true, true],
      [true, true],
    ]);
    const timeline = replayHistory(history, { unit: 'points' });
    expect(timeline.points.map(({ scope, done }) => [scope, done])).toEqual([
      [8, 0],
      [16, 0],
      [16, 5],
      [16, 13],
    ]);
    // 29 days: four weekly sprints end at the last commit, from 01-06 12:00; A-1 (01-20 12:00)
    // opens the third, B-1 closes the fourth.
    expect(historySprints(timeline, 5).sprints.map((sprint) => sprint.done)).toEqual([0, 0, 5, 8]);
  });
});

describe('git history: each commit rebuilt as the library loads it', { timeout: 60_000 }, () => {
  it('gives, at every commit, the very backlog loading that commit’s files would, though unchanged files are extracted once', async () => {
    const dir = tempDir('history');
    initRepo(dir);
    // A status table in one file, the same tickets' details in another (their fields merge into
    // one item), and two files numbering their rows 1, 2 (so the merge qualifies them).
    const statuses = (done: string[]) =>
      `# Status\n\n| Ticket | Titel | Status |\n| --- | --- | --- |\n${['KS-1', 'KS-2', 'KS-3']
        .map((id) => `| ${id} | Ticket ${id} | ${done.includes(id) ? 'Erledigt' : 'Offen'} |`)
        .join('\n')}\n`;
    const details = (points: number) =>
      `# Details\n\n### KS-1: Login\n\n**Points**: ${points}\n**Owner**: Ana\n\n### KS-2: Search\n\n**Points**: 5\n\n### KS-3: Export\n\n**Points**: 2\n**Depends on**: KS-1\n`;
    const numbered = (title: string, done: boolean) =>
      `# ${title}\n\n| # | Task | Estimate | Status |\n| --- | --- | --- | --- |\n| 1 | ${title} setup | 2d | ${done ? 'Done' : 'Open'} |\n| 2 | ${title} rollout | 3d | Open |\n`;
    commit(dir, '2026-01-05', {
      'status.md': statuses([]),
      'details.md': details(3),
      'web.md': numbered('Web', false),
      'app.md': numbered('App', false),
    });
    commit(dir, '2026-01-12', { 'status.md': statuses(['KS-1']) });
    commit(dir, '2026-01-19', { 'details.md': details(8) });
    commit(dir, '2026-01-26', { 'web.md': numbered('Web', true) });
    commit(dir, '2026-02-02', { 'status.md': statuses(['KS-1', 'KS-3']) });
    const files = ['status.md', 'details.md', 'web.md', 'app.md'];
    const history = await readGitHistory(files.map((file) => ({ file, path: path.join(dir, file) })));
    const seen: string[] = [];
    replayHistory(history, {
      unit: 'points',
      onCommit: (backlog, at) => {
        const sources = at.blobs.flatMap((blob, index) =>
          blob === null ? [] : [{ file: files[index], path: files[index], ...decodeBytes(history.contents.get(blob)!, files[index]) }],
        );
        expect(JSON.parse(JSON.stringify(backlog))).toEqual(JSON.parse(JSON.stringify(backlogFromSources(sources))));
        seen.push(at.hash);
      },
    });
    expect(seen).toHaveLength(5);
  });
});

describe('git history: what it cannot read', { timeout: 60_000 }, () => {
  const velocityLine = 'Velocity: 10\n';

  it('is exit 2 with one line outside a git repository', () => {
    const dir = tempDir('history');
    writeFileSync(path.join(dir, 'plan.md'), plan([['A', 5, 'Open']]));
    const { code, stdout, stderr } = runCli(['forecast', path.join(dir, 'plan.md'), '--history', 'git']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toMatch(/^backlog: .*plan\.md is not in a git repository, so --history git has no history to read \(.+\)\n$/);
  });

  it('is exit 2 in a shallow clone', () => {
    const origin = tempDir('history');
    threeMonths(origin);
    const clone = path.join(tempDir('history'), 'clone');
    git(path.dirname(clone), ['clone', '-q', '--depth', '2', `file://${origin}`, clone]);
    const { code, stderr } = runCli(['forecast', path.join(clone, 'docs', 'plan.md'), '--history', 'git']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^backlog: .*clone is a shallow clone, so its history is cut short: fetch all of it \(git fetch --unshallow; in GitHub Actions, fetch-depth: 0\)\n$/,
    );
  });

  it('is exit 2 for a file never committed', () => {
    const dir = tempDir('history');
    threeMonths(dir);
    writeFileSync(path.join(dir, 'docs', 'new.md'), plan([['N-1', 5, 'Open']]));
    const { code, stderr } = runCli(['forecast', path.join(dir, 'docs', 'new.md'), '--history', 'git']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^backlog: .*new\.md has no git history \(never committed\)\n$/);
  });

  it('is exit 2 for a history shorter than a sprint', () => {
    const dir = tempDir('history');
    initRepo(dir);
    commit(dir, '2026-01-05', { 'plan.md': plan([['A', 5, 'Open']]) });
    commit(dir, '2026-01-07', {
      'plan.md': plan([
        ['A', 5, 'Done'],
        ['B', 3, 'Open'],
      ]),
    });
    const { code, stderr } = runCli(['forecast', path.join(dir, 'plan.md'), '--history', 'git']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'backlog: the git history of plan.md spans 2 days, less than one sprint (2 weeks): no sprint to measure a velocity in\n'.replace(
        'plan.md',
        path.join(dir, 'plan.md'),
      ),
    );
  });

  it('uses the document’s own velocity instead, and says why', () => {
    const dir = tempDir('history');
    writeFileSync(path.join(dir, 'plan.md'), `${velocityLine}\n${plan([['A', 25, 'Open']])}`);
    const { code, stdout, stderr } = runCli(['forecast', path.join(dir, 'plan.md'), '--history', 'git']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('25 points remaining at 10 points per sprint: 3 sprints');
    expect(stdout).toMatch(
      /--history git gave no velocity: .*is not in a git repository.*; using the velocity the document states instead\./,
    );
    expect(stderr).toMatch(/^backlog: warning: --history git: .*is not in a git repository/);
  });

  it('throws a HistoryError from the library, one line', async () => {
    const dir = tempDir('history');
    writeFileSync(path.join(dir, 'plan.md'), plan([['A', 5, 'Open']]));
    await expect(readGitHistory([{ file: 'plan.md', path: path.join(dir, 'plan.md') }])).rejects.toBeInstanceOf(HistoryError);
    // A history in which nothing turned done has no velocity either.
    const quiet: HistoryTimeline = {
      unit: 'points',
      files: ['plan.md'],
      points: [
        { commit: 'a', time: 0, scope: 5, done: 0 },
        { commit: 'b', time: sprintSeconds(10) * 2, scope: 8, done: 0 },
      ],
      events: [],
    };
    expect(() => historySprints(quiet, 10)).toThrow(
      'no work turned done in the 2 sprints of git history of plan.md: no velocity to draw from',
    );
    const backlog = backlogFromMarkdown(plan([['A', 5, 'Open']]));
    expect(() => forecast(backlog, { history: quiet })).toThrow('no work turned done');
  });
});
