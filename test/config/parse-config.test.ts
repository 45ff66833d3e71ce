import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { configError } from '../helpers/config-error.js';

describe('parseConfig', () => {
  const error = configError;

  it('names the key of every wrong value', () => {
    expect(error({ rules: { 'missing-estimate': ['warn'] } })).toBe(
      '.backlogrc.yaml: rules.missing-estimate: expected off, warn or error, got ["warn"]',
    );
    expect(error({ scales: { M: -3 } })).toBe('.backlogrc.yaml: scales.M: expected a positive number, got -3');
    expect(error({ scales: { M: { low: 3, unit: null } } })).toBe(
      '.backlogrc.yaml: scales.M.unit: expected one of points, days, hours, got null',
    );
    expect(error({ scales: { M: { low: 3, hihg: 5 } } })).toBe('.backlogrc.yaml: scales.M.hihg: unknown setting (known: low, high, unit)');
    expect(error({ hoursPerDay: 'eight' })).toBe('.backlogrc.yaml: hoursPerDay: expected a positive number, got "eight"');
    expect(error({ colour: true })).toMatch(/^\.backlogrc\.yaml: colour: unknown setting/);
  });

  it('reads a valid config', () => {
    expect(
      parseConfig({ rules: { 'missing-estimate': 'off' }, scales: { m: { low: 3, high: 5 } }, capacity: { '4': 30 } }, 'c.yaml'),
    ).toMatchObject({
      rules: { 'missing-estimate': 'off' },
      scales: { M: { low: 3, high: 5, unit: 'days' } },
      capacity: { '4': 30 },
      source: 'c.yaml',
    });
  });
});
