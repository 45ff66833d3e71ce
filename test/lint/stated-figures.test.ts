import { describe, expect, it } from 'vitest';
import { backlogFromMarkdown, lint } from '../../src/index.js';

/** The stated-figure findings of a document, as [line, message]. */
function findings(markdown: string | string[]): [number, string][] {
  const text = Array.isArray(markdown) ? markdown.join('\n') : markdown;
  return lint(backlogFromMarkdown(text))
    .problems.filter((problem) => problem.rule.startsWith('stated-'))
    .map((problem) => [problem.line, problem.message]);
}

/** The claims read from a document, as [line, kind, value]. */
function claims(markdown: string | string[]): [number, string, number | null][] {
  const text = Array.isArray(markdown) ? markdown.join('\n') : markdown;
  return backlogFromMarkdown(text).claims.map((claim) => [
    claim.source.line,
    claim.kind,
    'value' in claim ? claim.value : claim.kind === 'critical-path' ? claim.length : null,
  ]);
}

const hours = (...estimates: string[]) => [
  '| ID | Task | Estimate |',
  '|---|---|---|',
  ...estimates.map((estimate, index) => `| T-${index + 1} | Task ${index + 1} | ${estimate} |`),
];

describe('a figure written as a range or "about" so much', () => {
  it('holds when "about" it rounds to what the items give, at the precision written', () => {
    expect(findings(['## Sprint 1', '', ...hours('20h', '13.5h'), '', '**Sprint total:** ~34h'])).toEqual([]);
    expect(findings(['## Sprint 1', '', ...hours('20h', '12h'), '', '**Sprint total:** ~34h'])).toEqual([
      [8, 'Sprint 1 states "Sprint total: ~34h" but its 2 items add up to 32 hours'],
    ]);
  });

  it('reads a half as rounding up: ~6 days is not 6.5 days', () => {
    expect(findings([...hours('4d', '2.5d'), '', '**Total:** ~6 person-days'])).toEqual([
      [6, 'The document states "Total: ~6 person-days" but its 2 items add up to 6.5 days (7 at the precision the figure is written to)'],
    ]);
  });

  it('compares an exact figure at its decimals: 6.2 is 6.1667, 4.0 is not 4.0833', () => {
    expect(findings([...hours('2.1667d', '4d'), '', 'Total: 6.2 days'])).toEqual([]);
    expect(findings([...hours('2.0833d', '2d'), '', 'Total: 4.0 days'])).toEqual([
      [6, 'The document states "Total: 4.0 days" but its 2 items add up to 4.08 days (4.1 at the precision the figure is written to)'],
    ]);
  });

  it('holds a plain range when its ends are the sums of the lows and highs', () => {
    expect(findings([...hours('4-5h', '7-10h'), '', 'Total: 11-15 hours'])).toEqual([]);
    expect(findings([...hours('4-5h', '7-12h'), '', 'Total: 11-15 hours'])).toEqual([
      [6, 'The document states "Total: 11-15 hours" but its 2 items add up to 11–17 hours (the sums of their lows and highs; expected 14)'],
    ]);
  });

  it('holds an "about" range when the expected sum lies inside it', () => {
    expect(findings([...hours('3-5d', '4-6d'), '', '**Total:** ~8–12 Personen-Tage'])).toEqual([]);
    expect(findings([...hours('3-5d', '7-11d'), '', '**Total:** ~8–12 Personen-Tage'])).toEqual([
      [6, 'The document states "Total: ~8–12 Personen-Tage" but its 2 items add up to 13 days, outside 8–12'],
    ]);
    expect(findings([...hours('3-5d', '9-11d'), '', '**Total:** ca. 8 bis 12 Tage'])).toHaveLength(1);
  });
});

describe('the figure of a value that goes on', () => {
  it('is the leading figure, before a parenthetical or dash note', () => {
    const sprint = (total: string) => ['## Sprint 2', '', ...hours('30h', '10h'), '', `**Sprint total:** ${total}`];
    expect(findings(sprint('~41h (stretch sprint — core product work)'))).toEqual([
      [8, 'Sprint 2 states "Sprint total: ~41h (stretch sprint — core product work)" but its 2 items add up to 40 hours'],
    ]);
    expect(findings(sprint('~40h — heavy sprint'))).toEqual([]);
  });

  it('reads counts and totals side by side, and compound unit words in any language', () => {
    expect(claims('**Total:** 9 tasks, ~6 person-days (4 × M ≈ 1 day each, 5 × S ≈ 0.5 day each).')).toEqual([
      [1, 'count', 9],
      [1, 'total', 6],
    ]);
    expect(claims('> **Общий оценочный техдолг:** ~45 человеко-часов')).toEqual([[1, 'total', 45]]);
    expect(claims('Total: ~20.5 dev-days (vs 14.5 IIUR-only — contract authoring adds ~0.5 day per family).')).toEqual([
      [1, 'total', 20.5],
    ]);
    expect(claims('合計：**~2.4h**')).toEqual([[1, 'total', 2.4]]);
  });

  it('never splits a number at its digit groups', () => {
    expect(claims('Total effort: 1,200 hours')).toEqual([[1, 'total', 1200]]);
    expect(claims('Total effort: 1,13,600 hours')).toEqual([[1, 'total', 113600]]);
    expect(claims('Total effort: 0,5 Tage')).toEqual([[1, 'total', 0.5]]);
  });
});

describe('figures that are not about the work', () => {
  it('are no claims: money, percentages, lines of code, other things counted', () => {
    const metrics = [
      '| Metric | Value |',
      '|---|---|',
      '| Total Lines of Code | ~10,500 LOC |',
      '| Number of Database Collections | 5 |',
      '| Total Backend Dependencies | 12 |',
      '| Grand Total | ₹1,13,600 |',
      '| Overall Progress | 0% |',
    ];
    expect(claims([...hours('2h'), '', ...metrics])).toEqual([]);
  });

  it('are weeks of the calendar in a plan estimated in hours', () => {
    expect(findings([...hours('20h', '30h'), '', '**Total: 5 weeks phased rollout**'])).toEqual([]);
    expect(findings(['| ID | Task | Estimate |', '|---|---|---|', '| T-1 | A | 4d |', '', 'Total: 2 weeks'])).toEqual([
      [5, 'The document states "Total: 2 weeks" but its 1 item adds up to 4 days'],
    ]);
  });

  it('is a list of figures summed at its foot: that total is the list’s', () => {
    const timeline = ['### Aggressive', '', '- Week 1: 19 hours → **4 days**', '- Week 2: 26 hours → **5 days**', '- **Total: 9 days**'];
    expect(claims([...hours('19h', '26h'), '', ...timeline])).toEqual([]);
  });
});

describe('count claims', () => {
  it('count the items of their scope, in any language and with counters', () => {
    const table = hours('1h', '2h', '3h');
    expect(findings([...table, '', '**Total Tasks**: 3'])).toEqual([]);
    expect(findings([...table, '', '**총 태스크:** 10개'])).toEqual([[7, 'The document states "총 태스크: 10개" but it lists 3 items']]);
    expect(findings([...table, '', '> **Toplam Öğe:** 24 görev'])).toEqual([
      [7, 'The document states "Toplam Öğe: 24 görev" but it lists 3 items'],
    ]);
  });

  it('are no counts when the key only names one item and the value says something else', () => {
    expect(claims(['## T-1: Split the hooks', '', '- **Görev:** 200+ satırlık useEffect kodunu taşı.'])).toEqual([]);
    expect(claims(['## T-1: Split the hooks', '', '**Ticket:** 4521'])).toEqual([]);
    expect(claims(['**Stories Remaining:** 12', '**Number of tasks:** 9', '**Anzahl Aufgaben:** 4'])).toEqual([
      [1, 'count', 12],
      [2, 'count', 9],
      [3, 'count', 4],
    ]);
  });
});

describe('the section a figure is about', () => {
  const block = (name: string, total: string, ...estimates: string[]) => [
    `### ${name} ${total}`,
    '',
    ...estimates.map((estimate, index) => `**${name[0]}${index + 1}: Task ${index + 1}** (${estimate})`),
    '',
  ];

  it('is the section a heading opens, for the figures of its title', () => {
    const plan = [
      '# Roadmap',
      '',
      '## Week 1',
      '',
      ...block('Alpha: Actions', '(2 items) - 5-7 hours', '2-3 hours', '3-4 hours'),
      ...block('Beta: Data', '(3 items) - 4-5 hours', '1 hour', '1-2 hours', '1 hour'),
    ];
    expect(findings(plan)).toEqual([
      [
        10,
        'The heading states "Beta: Data (3 items) - 4-5 hours" but its 3 items add up to 3–4 hours (the sums of their lows and highs; expected 3.5)',
      ],
    ]);
  });

  it('is the sprint a sprint heading opens, for the work its title states; not how long the sprint lasts', () => {
    const sprint = (title: string) => [`### ${title}`, '1. **T-1** Auth (24-32ч)', '2. **T-2** Storage (20-28ч)'];
    expect(findings(sprint('Спринт 1 (P1 — 44-60 часов)'))).toEqual([]);
    expect(findings(sprint('Спринт 1 (P1 — 72-96 часов)'))).toEqual([
      [
        1,
        'Sprint 1 states "Спринт 1 (P1 — 72-96 часов)" but its 2 items add up to 44–60 hours (the sums of their lows and highs; expected 52)',
      ],
    ]);
    expect(claims(sprint('Sprint 1 (10 days)'))).toEqual([]);
    expect(claims(sprint('Sprint 1 (10 person-days)'))).toEqual([[1, 'total', 10]]);
  });

  it('is the section above a "Total" heading', () => {
    const plan = [
      '# Roadmap',
      '## Phase A',
      '**A1: One** (2 hours)',
      '**A2: Two** (3 hours)',
      '### Total Phase A Estimate: **6 hours**',
      '## Phase B',
      '**B1: Three** (4 hours)',
    ];
    expect(findings(plan)).toEqual([[5, 'Section "Phase A" states "Total Phase A Estimate: 6 hours" but its 2 items add up to 5 hours']]);
  });

  it('is the innermost section that holds items, else the document', () => {
    const plan = [
      '# Plan',
      '## Backend',
      ...hours('2h', '3h'),
      '',
      'Total: 5h',
      '## Frontend',
      '- [ ] **F-1 Page** (4h)',
      '## Summary',
      'Total: 10h',
    ];
    expect(findings(plan)).toEqual([[12, 'The document states "Total: 10h" but its 3 items add up to 9 hours']]);
  });

  it('is not the section of an item heading: a total at the end of the last item is the document’s', () => {
    const plan = [
      '# Tasks',
      '### T-1: Login',
      '*Durée estimée : 1 Jh*',
      '### T-2: Export',
      '*Durée estimée : 2 Jh*',
      '',
      '**Durée totale estimée : 3 Jh**',
    ];
    expect(findings(plan)).toEqual([]);
  });

  it('is the sprint or section an allocation or a unit-only key stands in, and nothing else', () => {
    const week = (n: number, allocated: string, ...estimates: string[]) => [
      `## Week ${n}`,
      `**Focus:** Things | **Capacity:** 35h | **Allocated:** ${allocated}`,
      ...estimates.map((estimate, index) => `- [ ] **W${n}-${index + 1} Task** (${estimate})`),
    ];
    expect(findings([...week(1, '20h', '6h', '6h'), ...week(2, '16h', '8h', '8h')])).toEqual([
      [2, 'Sprint "Week 1" states "Allocated: 20h" but its 2 items add up to 12 hours'],
    ]);
    expect(claims(['# Notes', '**Allocated:** 20h', '**Hours:** 30'])).toEqual([
      [2, 'total', 20],
      [3, 'total', 30],
    ]);
    expect(findings(['## Notes', '**Allocated:** 20h', '## Work', ...hours('2h')])).toEqual([]);
  });

  it('is the section of the same week for a summary of that week', () => {
    const plan = [
      '# Plan',
      '## Priority 0: Week 1 - Foundation',
      '**A1: One** (2-3 hours)',
      '**A2: Two** (4-5 hours)',
      '## Cumulative Timeline',
      '### Week 1 Summary',
      '- **Hours**: 6-9 hours (Engineer + Data)',
    ];
    expect(findings(plan)).toEqual([
      [
        7,
        'Sprint "Week 1: Foundation" states "Hours: 6-9 hours (Engineer + Data)" but its 2 items add up to 6–8 hours (the sums of their lows and highs; expected 7)',
      ],
    ]);
  });

  it('is the whole plan for an overall total, wherever it stands', () => {
    const plan = [
      '# Plan',
      '### Week 1',
      '1. **A-1** Env (1-2h)',
      '',
      '**Total:** 1-2h',
      '### Week 2',
      '1. **A-2** API (4-6h)',
      '',
      '**Total:** 4-6h',
      '',
      '**전체 예상 시간:** 5-8시간 (약 1주)',
    ];
    expect(findings(plan)).toEqual([]);
  });
});

describe('subtotal rows and summary tables', () => {
  it('reads a subtotal row as the sum of the rows since the one before, in each three-point column', () => {
    const table = [
      'PERT-style ranges in days:',
      '',
      '| ID | Slice | Optimistic | Most likely | Pessimistic | PERT |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      '| T-1 | Surface | 0.5 | 1.0 | 1.5 | 1.0 |',
      '| T-2 | Provision | 1.0 | 1.5 | 2.5 | 1.6 |',
      '| | **Phase 1 subtotal** | **1.5** | **2.5** | **4.0** | **2.6** |',
      '| T-3 | Export | 0.25 | 0.5 | 1.0 | 0.5 |',
      '| T-4 | Restore | 0.5 | 1.0 | 1.5 | 1.0 |',
      '| | **Phase 2 subtotal** | **0.75** | **1.5** | **3.0** | **1.6** |',
    ];
    expect(findings(table)).toEqual([
      [10, 'The table states "Phase 2 subtotal | 0.75 | 1.5 | 3.0 | 1.6" but its 2 items add up to 2.5 days (pessimistic estimates)'],
      [
        10,
        'The table states "Phase 2 subtotal | 0.75 | 1.5 | 3.0 | 1.6" but its 2 items add up to 1.54 days (1.5 at the precision the figure is written to)',
      ],
    ]);
  });

  it('reads a table of counts by section, its done column and its total row', () => {
    const plan = [
      '# TODO',
      '',
      '| Öncelik | Sayı | Durum |',
      '|---|---|---|',
      '| 🔴 P1 | 1 | 0 / 1 |',
      '| 🟡 P3 | 3 | 1 / 3 |',
      '| **TOPLAM** | **4** | **1 / 4** |',
      '',
      '## Öncelik 1 (P1) - Kritik',
      '### [ ] T-1: One',
      '## Öncelik 3 (P3) - Düşük',
      '### [ ] T-2: Two',
      '### [x] T-3: Three ✅',
    ];
    expect(findings(plan)).toEqual([
      [6, 'Section "Öncelik 3 (P3) - Düşük" states "🟡 P3 | 3 | 1 / 3" but it lists 2 items'],
      [7, 'The document states "TOPLAM | 4 | 1 / 4" but it lists 3 items'],
    ]);
  });

  it('counts the IDs a row lists, and states nothing for labels that name no section', () => {
    const plan = [
      '| Priority | Count | Tasks |',
      '|---|---|---|',
      '| High | 2 | A-1, A-2 |',
      '| Medium | 1 | A-3, A-4 |',
      '| Someday | 4 | - |',
      '',
      '## Work',
      ...hours('1h', '2h', '3h', '4h').map((row) => row.replace(/T-/g, 'A-')),
    ];
    expect(findings(plan)).toEqual([[4, 'The table states "Medium | 1 | A-3, A-4" but it lists 2 items']]);
  });
});

describe('stated critical paths in more shapes', () => {
  const chain = [
    '| ID | Task | Estimate | Depends on |',
    '|---|---|---|---|',
    '| UF-1 | Parse | 2h | — |',
    '| UF-2 | Store | 1h | UF-1 |',
    '| UF-3 | Import | 3h | UF-1 |',
    '| UF-4 | Export | 1h | UF-3 |',
  ];

  it('reads the critical path under a heading in any language the lexicon knows', () => {
    expect(findings([...chain, '', '## クリティカルパス', '', '```', 'UF-1 → UF-2 → UF-4', '(2時間)  (1時間) (1時間)', '```'])).toEqual([
      [11, 'the stated critical path links UF-2 → UF-4, but UF-4 does not depend on UF-2'],
      [11, 'the stated critical path is 4 hours, but the computed critical path is 6 hours: UF-1 → UF-3 → UF-4'],
    ]);
  });

  it('reads a chain drawn one link per line, and ends it at a line without an ID', () => {
    const tree = [
      '## Critical Path Status',
      '',
      '```',
      '⬜ UF-1 (parse)',
      '  └─→ ⬜ UF-2 (store)',
      '       └─→ ⬜ UF-4 (export)',
      '            └─→ Done',
      '```',
    ];
    expect(findings([...chain, '', ...tree])).toEqual([
      [12, 'the stated critical path links UF-2 → UF-4, but UF-4 does not depend on UF-2'],
      [12, 'the stated critical path is 4 hours, but the computed critical path is 6 hours: UF-1 → UF-3 → UF-4'],
    ]);
    const branching = ['## Critical Path', '', '```', 'UF-1', '├─→ UF-2', '└─→ UF-3', '```'];
    expect(claims([...chain, '', ...branching])).toEqual([]);
  });

  it('takes a length stated on the line after the chain, with compound units and ≈', () => {
    const stated = ['**Critical Path:** UF-1 → UF-3 → UF-4', '', '**Total Duration on Critical Path:** 2 + 3 + 1 = **7 person-hours**'];
    expect(findings([...chain, '', ...stated])).toEqual([
      [8, 'the stated critical path states a length of 7 hours, but its 3 items add up to 6 hours'],
    ]);
    expect(findings([...chain, '', '**Critical Path:** UF-1 → UF-3 → UF-4 (total ≈ 6 hours)'])).toEqual([]);
    expect(findings([...chain, '', '**Critical Path:** UF-1 → UF-3 → UF-4 (total ≈ 7 hours)'])).toEqual([
      [8, 'the stated critical path states a length of 7 hours, but its 3 items add up to 6 hours'],
    ]);
  });

  it('is no claim when a block draws a diagram of boxes, or names what is no item', () => {
    const diagram = [
      '## Critical Path',
      '',
      '```',
      'Parse ──► Import ──► Export',
      '  │          │',
      '  ▼          ▼',
      'Store      Done',
      '```',
    ];
    expect(claims([...chain, '', ...diagram])).toEqual([]);
    expect(findings([...chain, '', '## Critical Path', '', '> **Critical Path:** A → B → C (total ≈ 105 days)'])).toEqual([]);
  });

  it('reads chains of titles under a critical-path heading as alternatives: the longest must be the critical path', () => {
    const titled = ['## Critical Path', '', '```', '**Parse** → **Store**', '**Parse** → **Import**', '```'];
    expect(findings([...chain, '', ...titled])).toEqual([
      [
        11,
        'the longest of the stated critical paths is 5 hours (UF-1 → UF-3), but the computed critical path is 6 hours: UF-1 → UF-3 → UF-4',
      ],
    ]);
    const complete = ['## Critical Path', '', '```', '**Parse** → **Store**', '**Parse** → **Import** → **Export**', '```'];
    expect(findings([...chain, '', ...complete])).toEqual([]);
  });

  it('reads a list of chains under a critical-path heading as one claim with alternatives', () => {
    const listed = ['## Critical Path', '1. **Parse** → **Store**', '2. **Parse** → **Import**', '', '## Risks', '- Parse → Store'];
    expect(findings([...chain, '', ...listed])).toEqual([
      [
        9,
        'the longest of the stated critical paths is 5 hours (UF-1 → UF-3), but the computed critical path is 6 hours: UF-1 → UF-3 → UF-4',
      ],
    ]);
  });
});
