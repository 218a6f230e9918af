import { describe, expect, it } from 'vitest';
import { goMapOrder } from './runner.ts';

describe('goMapOrder (-e through a Go map in docker/cli)', () => {
  it('is a rotation of the typed order, one entry per name with the last value', () => {
    expect(goMapOrder([])).toEqual([]);
    expect(goMapOrder(['A=1'])).toEqual(['A=1']);
    expect(goMapOrder(['A=1', 'B=2'])).toEqual(['B=2', 'A=1']);
    expect(goMapOrder(['A=1', 'B=2', 'C=3'])).toEqual(['B=2', 'C=3', 'A=1']);
    expect(goMapOrder(['A=1', 'B=2', 'A=3', 'D'])).toEqual(['B=2', 'D', 'A=3']);
  });
});
