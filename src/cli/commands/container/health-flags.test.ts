import { describe, expect, it } from 'vitest';
import { healthConfigFromFlags } from './opts.ts';

const S = 1e9;

describe('--health-* flags (docker/cli opts.go)', () => {
  it('give no config when none is set, and NONE for --no-healthcheck alone', () => {
    expect(healthConfigFromFlags({})).toBeUndefined();
    expect(healthConfigFromFlags({ 'health-cmd': '', 'health-interval': 0, 'health-retries': 0 })).toBeUndefined();
    expect(healthConfigFromFlags({ 'no-healthcheck': true })).toEqual({ Test: ['NONE'] });
  });

  it('keep only what is set: the daemon fills the rest from the image', () => {
    expect(healthConfigFromFlags({ 'health-cmd': 'curl -f localhost', 'health-interval': 5 * S, 'health-retries': 2 })).toEqual({
      Test: ['CMD-SHELL', 'curl -f localhost'],
      Interval: 5 * S,
      Retries: 2,
    });
    expect(healthConfigFromFlags({ 'health-timeout': 2 * S, 'health-start-period': 10 * S, 'health-start-interval': 1 * S })).toEqual({
      Timeout: 2 * S,
      StartPeriod: 10 * S,
      StartInterval: 1 * S,
    });
  });

  it('refuse negative values and --no-healthcheck with any --health-* value, in docker/cli order', () => {
    expect(healthConfigFromFlags({ 'no-healthcheck': true, 'health-retries': 1 })).toBe('--no-healthcheck conflicts with --health-* options');
    expect(healthConfigFromFlags({ 'health-interval': -1, 'health-timeout': -1 })).toBe('--health-interval cannot be negative');
    expect(healthConfigFromFlags({ 'health-timeout': -1 })).toBe('--health-timeout cannot be negative');
    expect(healthConfigFromFlags({ 'health-retries': -2 })).toBe('--health-retries cannot be negative');
    expect(healthConfigFromFlags({ 'health-start-period': -S })).toBe('--health-start-period cannot be negative');
    expect(healthConfigFromFlags({ 'health-start-interval': -S })).toBe('--health-start-interval cannot be negative');
  });
});
