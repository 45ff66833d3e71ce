import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../errors.js';
import type { ExtraWords } from '../extract/lexicon/lexicon.js';
import { CONCEPTS, type Concept } from '../extract/lexicon/vocabulary.js';
import type { Unit } from '../model/types.js';
import { DEFAULT_CONFIG, type Config, type RuleSetting, type SizeRange } from './types.js';

export const CONFIG_NAMES = ['.backlogrc.yaml', '.backlogrc.yml', 'backlog.config.yaml', 'backlog.config.yml'];

/** The nearest config file at or above `start`, stopping at the filesystem root. */
export function findConfigFile(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads the config named by `--config`, or the nearest one above `start`; defaults when none. */
export function loadConfig(explicit: string | undefined, start: string): Config {
  const file = explicit ? path.resolve(explicit) : findConfigFile(start);
  if (!file) return DEFAULT_CONFIG;
  if (!existsSync(file)) throw new UsageError(`${explicit}: config file not found`);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0];
    throw new UsageError(`${file}: not valid YAML: ${first}`);
  }
  return parseConfig(data ?? {}, file);
}

const RULE_SETTINGS: Record<string, RuleSetting> = {
  off: 'off',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  '0': 'off',
  '1': 'warn',
  '2': 'error',
};
const KNOWN_KEYS = ['rules', 'scales', 'hoursPerDay', 'capacity', 'idPatterns', 'ignore', 'openEndedFactor', 'plans', 'vocabulary'];
const UNITS: Unit[] = ['points', 'days', 'hours'];

/** Validates a parsed config object; every mistake names its key. */
export function parseConfig(data: unknown, file: string): Config {
  const fail = (key: string, what: string): never => {
    throw new UsageError(`${file}: ${key}: ${what}`);
  };
  if (!isRecord(data)) fail('(top level)', 'expected a mapping of settings');
  const input = data as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key)) fail(key, `unknown setting (known: ${KNOWN_KEYS.join(', ')})`);
  }
  const config: Config = { ...DEFAULT_CONFIG, source: file };

  if (input.rules !== undefined) {
    if (!isRecord(input.rules)) fail('rules', 'expected a mapping of rule names to off, warn or error');
    config.rules = {};
    for (const [rule, value] of Object.entries(input.rules as Record<string, unknown>)) {
      const setting = typeof value === 'string' || typeof value === 'number' ? RULE_SETTINGS[String(value).toLowerCase()] : undefined;
      if (!setting) return fail(`rules.${rule}`, `expected off, warn or error, got ${JSON.stringify(value)}`);
      config.rules[rule] = setting;
    }
  }
  if (input.scales !== undefined) {
    if (!isRecord(input.scales)) fail('scales', 'expected a mapping of sizes, e.g. M: { low: 3, high: 5, unit: days }');
    config.scales = {};
    for (const [size, value] of Object.entries(input.scales as Record<string, unknown>)) {
      config.scales[size.toUpperCase()] = parseSize(value, `scales.${size}`, fail);
    }
  }
  if (input.hoursPerDay !== undefined) config.hoursPerDay = positiveNumber(input.hoursPerDay, 'hoursPerDay', fail);
  if (input.openEndedFactor !== undefined) {
    config.openEndedFactor = positiveNumber(input.openEndedFactor, 'openEndedFactor', fail);
    if (config.openEndedFactor < 1) fail('openEndedFactor', 'expected a number of at least 1');
  }
  if (input.capacity !== undefined) {
    if (typeof input.capacity === 'number') config.capacity = positiveNumber(input.capacity, 'capacity', fail);
    else if (isRecord(input.capacity)) {
      const bySprint: Record<string, number> = {};
      for (const [sprint, value] of Object.entries(input.capacity as Record<string, unknown>)) {
        bySprint[sprint] = positiveNumber(value, `capacity.${sprint}`, fail);
      }
      config.capacity = bySprint;
    } else fail('capacity', 'expected a number or a mapping of sprint names to numbers');
  }
  if (input.idPatterns !== undefined) {
    config.idPatterns = stringList(input.idPatterns, 'idPatterns', fail);
    config.idPatterns.forEach((pattern, index) => {
      try {
        new RegExp(pattern, 'u');
      } catch (error) {
        fail(`idPatterns[${index}]`, `not a valid regular expression: ${(error as Error).message}`);
      }
    });
  }
  if (input.ignore !== undefined) config.ignore = stringList(input.ignore, 'ignore', fail);
  if (input.plans !== undefined) {
    if (!isRecord(input.plans)) fail('plans', 'expected a mapping of plan names to lists of globs, e.g. web: ["docs/web/**"]');
    config.plans = {};
    for (const [name, globs] of Object.entries(input.plans as Record<string, unknown>)) {
      config.plans[name] = typeof globs === 'string' ? [globs] : stringList(globs, `plans.${name}`, fail);
    }
  }
  if (input.vocabulary !== undefined) config.vocabulary = parseVocabulary(input.vocabulary, fail);
  return config;
}

/** `vocabulary: { done: [Geliefert] }`: words by concept, each concept one the lexicon has. */
function parseVocabulary(value: unknown, fail: (key: string, what: string) => never): ExtraWords {
  if (!isRecord(value)) return fail('vocabulary', 'expected a mapping of concepts to lists of words, e.g. done: [Geliefert]');
  const vocabulary: Partial<Record<Concept, string[]>> = {};
  for (const [concept, words] of Object.entries(value as Record<string, unknown>)) {
    const key = `vocabulary.${concept}`;
    if (!(CONCEPTS as readonly string[]).includes(concept)) fail(key, `unknown concept (known: ${CONCEPTS.join(', ')})`);
    const list = stringList(words, key, fail);
    list.forEach((word, index) => {
      if (!/\S/.test(word)) fail(`${key}[${index}]`, 'expected a word, got an empty string');
    });
    vocabulary[concept as Concept] = list;
  }
  return vocabulary;
}

function parseSize(value: unknown, key: string, fail: (key: string, what: string) => never): SizeRange {
  if (typeof value === 'number') {
    const days = positiveNumber(value, key, fail);
    return { low: days, high: days, unit: 'days' };
  }
  if (!isRecord(value)) return fail(key, 'expected a number or { low, high, unit }');
  const record = value as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (!['low', 'high', 'unit'].includes(name)) fail(`${key}.${name}`, 'unknown setting (known: low, high, unit)');
  }
  const low = positiveNumber(record.low, `${key}.low`, fail);
  const high = record.high === undefined ? low : positiveNumber(record.high, `${key}.high`, fail);
  if (high < low) fail(`${key}.high`, 'must not be below low');
  const unit = record.unit === undefined ? 'days' : record.unit;
  if (!UNITS.includes(unit as Unit)) fail(`${key}.unit`, `expected one of ${UNITS.join(', ')}, got ${JSON.stringify(unit)}`);
  return { low, high, unit: unit as Unit };
}

function positiveNumber(value: unknown, key: string, fail: (key: string, what: string) => never): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(key, `expected a positive number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function stringList(value: unknown, key: string, fail: (key: string, what: string) => never): string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    return fail(key, 'expected a list of strings');
  }
  return value as string[];
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
