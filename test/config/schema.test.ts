import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseConfig } from '../../src/config/load-config.js';
import { CONCEPTS } from '../../src/extract/lexicon/vocabulary.js';
import { RULES } from '../../src/lint/index.js';

const schema = JSON.parse(readFileSync('schema/backlog-config.schema.json', 'utf8')) as {
  properties: Record<string, unknown> & {
    rules: { properties: Record<string, unknown> };
    vocabulary: { properties: Record<string, unknown> };
  };
};
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

function parserAccepts(data: unknown): boolean {
  try {
    parseConfig(data, 'test.yaml');
    return true;
  } catch {
    return false;
  }
}

describe('schema/backlog-config.schema.json', () => {
  it('accepts every config kept among the fixtures, as parseConfig does', () => {
    const files = globSync(['fixtures/**/{.backlogrc,backlog.config,*.backlogrc}.{yaml,yml}'], { dot: true });
    expect(files).toContain('fixtures/config/full.backlogrc.yaml');
    for (const file of files) {
      const data = parseYaml(readFileSync(file, 'utf8'));
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(parserAccepts(data), file).toBe(true);
    }
  });

  it('names exactly the settings parseConfig knows', () => {
    let message = '';
    try {
      parseConfig({ notASetting: 1 }, 'test.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    const known = /\(known: ([^)]+)\)/.exec(message)?.[1]?.split(', ');
    expect(known).toBeDefined();
    expect(Object.keys(schema.properties).sort()).toEqual([...known!].sort());
  });

  it('describes every lint rule the linter has', () => {
    const described = Object.keys(schema.properties.rules.properties);
    for (const rule of RULES) expect(described, rule.name).toContain(rule.name);
  });

  it('names exactly the concepts the vocabulary has', () => {
    expect(Object.keys(schema.properties.vocabulary.properties)).toEqual([...CONCEPTS]);
  });

  it('agrees with parseConfig on hand-picked edge cases', () => {
    const cases: unknown[] = [
      { rules: { x: 'WARN' } },
      { rules: { x: 'warning' } },
      { rules: { x: 3 } },
      { rules: { x: 'on' } },
      { rules: { x: true } },
      { rules: [] },
      { scales: { M: 0 } },
      { scales: { M: { high: 5 } } },
      { scales: { M: { low: 0 } } },
      { scales: { M: { low: 2, unit: 'weeks' } } },
      { scales: { M: '3d' } },
      { hoursPerDay: 0 },
      { hoursPerDay: '8' },
      { capacity: null },
      { capacity: -1 },
      { capacity: { S1: 0 } },
      { capacity: [20] },
      { idPatterns: 'X-\\d+' },
      { idPatterns: [1] },
      { ignore: [] },
      { openEndedFactor: 1 },
      { openEndedFactor: 0.5 },
      { vocabulary: { done: ['Geliefert'], dependsOn: ['wartet auf', 'Liefer*'] } },
      { vocabulary: { done: [] } },
      { vocabulary: { finished: ['Geliefert'] } },
      { vocabulary: { done: 'Geliefert' } },
      { vocabulary: { done: [''] } },
      { vocabulary: { done: [' \t'] } },
      { vocabulary: ['done'] },
      { vocabulary: null },
      { extra: true },
      [],
      'rules',
    ];
    for (const data of cases) expect(validate(data), JSON.stringify(data)).toBe(parserAccepts(data));
  });

  // Two things a JSON Schema cannot say are left out: whether a string is a valid regular
  // expression (idPatterns), and that a size's high is not below its low.
  it('agrees with parseConfig on generated configs (property)', () => {
    const number = fc.oneof(fc.constantFrom(-1, 0, 0.5, 1, 2, 3, 8), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const scalar = fc.oneof(number, fc.string(), fc.boolean(), fc.constant(null));
    const anyValue = fc.oneof(scalar, fc.array(fc.string(), { maxLength: 2 }));
    const ruleSetting = fc.oneof(fc.constantFrom('off', 'Warn', 'WARNING', 'error', 'on', '0', '2', '3', 0, 1, 2, 3, 1.5), scalar);
    const size = fc.oneof(
      number,
      fc.record(
        { low: fc.oneof(number, anyValue), high: fc.oneof(number, anyValue), unit: fc.constantFrom('points', 'days', 'hours', 'weeks') },
        { requiredKeys: [] },
      ),
      anyValue,
    );
    const name = fc.constantFrom('S', 'M', 'Sprint 1', 'missing-estimate', '2');
    const config = fc.record(
      {
        rules: fc.oneof(fc.dictionary(name, ruleSetting, { maxKeys: 3 }), anyValue),
        scales: fc.oneof(fc.dictionary(name, size, { maxKeys: 3 }), anyValue),
        hoursPerDay: fc.oneof(number, anyValue),
        capacity: fc.oneof(number, fc.dictionary(name, number, { maxKeys: 3 }), anyValue),
        idPatterns: fc.oneof(fc.array(fc.constantFrom('^X-\\d+$', 'T\\d'), { maxLength: 2 }), scalar),
        ignore: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), anyValue),
        openEndedFactor: fc.oneof(number, anyValue),
        vocabulary: fc.oneof(
          fc.dictionary(
            fc.constantFrom('done', 'cancelled', 'dependsOn', 'finished', 'Done'),
            fc.oneof(fc.array(fc.constantFrom('Geliefert', 'wartet auf', '', ' ', 'x*'), { maxLength: 3 }), anyValue),
            { maxKeys: 3 },
          ),
          anyValue,
        ),
      },
      { requiredKeys: [] },
    );
    const sizeInOrder = (value: unknown): boolean => {
      const { low, high } = (value ?? {}) as { low?: unknown; high?: unknown };
      return !(typeof low === 'number' && typeof high === 'number' && high < low);
    };
    const checkable = config.filter((data) => Object.values((data.scales ?? {}) as object).every(sizeInOrder));
    fc.assert(
      fc.property(checkable, (data) => {
        expect(validate(data), JSON.stringify(data)).toBe(parserAccepts(data));
      }),
      { numRuns: 500 },
    );
  });
});
