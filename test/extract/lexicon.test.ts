import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { LEXICON } from '../../src/extract/lexicon/lexicon.js';
import { LANGUAGES, VOCABULARY, type Concept } from '../../src/extract/lexicon/vocabulary.js';
import { backlogFromMarkdown } from '../../src/load.js';

/** The concepts every document leans on: each has words in all twenty languages. */
const CORE: Concept[] = [
  'id',
  'title',
  'estimate',
  'dependsOn',
  'status',
  'done',
  'cancelled',
  'openStatus',
  'total',
  'subtotal',
  'remaining',
  'none',
  'allAbove',
  'unitPoints',
  'unitDays',
  'unitHours',
  'unitWeeks',
  'sprint',
];

describe('the vocabulary', () => {
  it('has twenty languages', () => {
    expect(LANGUAGES).toHaveLength(20);
    expect(new Set(LANGUAGES).size).toBe(20);
  });

  it.each(CORE)('has words for %s in every language', (concept) => {
    const words: Partial<Record<string, readonly string[]>> = VOCABULARY[concept];
    const missing = LANGUAGES.filter((language) => (words[language]?.length ?? 0) === 0);
    expect(missing).toEqual([]);
  });

  it.each([
    ['en', 'Done'],
    ['zh', '已完成'],
    ['es', 'Terminado'],
    ['pt', 'Concluído'],
    ['ru', 'Выполнено'],
    ['ja', '完了'],
    ['de', 'Erledigt'],
    ['fr', 'Terminé'],
    ['ko', '완료'],
    ['tr', 'TAMAMLANDI'],
    ['it', 'Completato'],
    ['pl', 'Zrobione'],
    ['nl', 'Afgerond'],
    ['vi', 'Hoàn thành'],
    ['id', 'Selesai'],
    ['uk', 'Виконано'],
    ['fa', 'انجام شده'],
    ['ar', 'مكتمل'],
    ['cs', 'Hotovo'],
    ['sv', 'Klar'],
  ])('%s: "%s" is done', (_language, word) => {
    expect(LEXICON.is('done', word)).toBe(true);
  });

  it.each([
    ['id', 'Nummer'],
    ['id', 'Numara'],
    ['id', 'Lp.'],
    ['id', 'Mã'],
    ['estimate', 'Aufwand'],
    ['estimate', 'Pracochłonność'],
    ['estimate', '工数'],
    ['estimate', 'Uppskattning'],
    ['dependsOn', 'Abhängigkeiten'],
    ['dependsOn', 'Bağımlılıklar'],
    ['dependsOn', 'Phụ thuộc'],
    ['dependsOn', 'Závislosti'],
    ['status', 'Durum'],
    ['status', 'Trạng thái'],
    ['status', 'Stav'],
    ['total', 'Итого'],
    ['total', 'Toplam'],
    ['total', 'Celkem'],
    ['none', 'Keine'],
    ['none', 'Brak'],
    ['none', 'なし'],
    ['none', 'Yok'],
    ['cancelled', 'Abgebrochen'],
    ['cancelled', 'İptal'],
    ['openStatus', 'In Arbeit'],
    ['openStatus', 'Đang làm'],
  ] as [Concept, string][])('%s: "%s"', (concept, word) => {
    expect(LEXICON.is(concept, word)).toBe(true);
  });

  it('keeps a subtotal apart from a total, and a done word apart from an open one', () => {
    expect(LEXICON.is('done', 'In Arbeit')).toBe(false);
    expect(LEXICON.is('done', 'Devam ediyor')).toBe(false);
    expect(LEXICON.contains('subtotal', 'Suma częściowa')).toBe(true);
    expect(LEXICON.is('total', 'Zwischensumme')).toBe(false);
  });
});

describe('vocabulary in the config', () => {
  const BOARD = `| ID | Title | Status |
| --- | --- | --- |
| SHP-1 | Checkout | Geliefert |
| SHP-2 | Invoice | Erledigt |
| SHP-3 | Refunds | In Arbeit |
`;

  it('vocabulary: { done: [Geliefert] } makes "Geliefert" done, under that config only', () => {
    const config = parseConfig({ vocabulary: { done: ['Geliefert'] } }, '.backlogrc.yaml');
    const read = (backlog: ReturnType<typeof backlogFromMarkdown>) => backlog.items.map((item) => [item.id, item.done]);
    expect(read(backlogFromMarkdown(BOARD, 'board.md', config))).toEqual([
      ['SHP-1', true],
      ['SHP-2', true],
      ['SHP-3', false],
    ]);
    expect(read(backlogFromMarkdown(BOARD, 'board.md'))).toEqual([
      ['SHP-1', false],
      ['SHP-2', true],
      ['SHP-3', false],
    ]);
  });
});
