import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IdSource } from '../platform.ts';
import { LEFT_WORDS, RIGHT_WORDS, generateName, isGeneratedName } from './names.ts';

/** An IdSource that answers randomInt from a script (then 0). */
function scripted(ints: number[]): IdSource & { calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    randomHex: (bytes) => '0'.repeat(bytes * 2),
    randomInt(n) {
      calls.push(n);
      return ints.shift() ?? 0;
    },
  };
}

describe('container names', () => {
  it('has the upstream lists', () => {
    expect(LEFT_WORDS).toHaveLength(108);
    expect(RIGHT_WORDS).toHaveLength(236);
    expect(new Set(LEFT_WORDS).size).toBe(108);
    expect(new Set(RIGHT_WORDS).size).toBe(236);
    expect(LEFT_WORDS[0]).toBe('admiring');
    expect(LEFT_WORDS.at(-1)).toBe('zen');
    expect(RIGHT_WORDS[0]).toBe('agnesi');
    expect(RIGHT_WORDS.at(-1)).toBe('zhukovsky');
    for (const w of [...LEFT_WORDS, ...RIGHT_WORDS]) expect(w).toMatch(/^[a-z]+$/);
    // names seen from a real engine
    expect(isGeneratedName('nervous_shaw')).toBe(true);
    expect(isGeneratedName('elated_hugle')).toBe(true);
  });

  it('picks a left word then a right word', () => {
    const ids = scripted([LEFT_WORDS.indexOf('nervous'), RIGHT_WORDS.indexOf('shaw')]);
    expect(generateName(ids, 0)).toBe('nervous_shaw');
    expect(ids.calls).toEqual([108, 236]);
  });

  it('never returns boring_wozniak', () => {
    const ids = scripted([
      LEFT_WORDS.indexOf('boring'),
      RIGHT_WORDS.indexOf('wozniak'),
      LEFT_WORDS.indexOf('boring'),
      RIGHT_WORDS.indexOf('wozniak'),
      LEFT_WORDS.indexOf('elated'),
      RIGHT_WORDS.indexOf('wozniak'),
    ]);
    expect(generateName(ids, 0)).toBe('elated_wozniak');
    // and not with a retry digit either: the digit is added after the check
    const retry = scripted([LEFT_WORDS.indexOf('boring'), RIGHT_WORDS.indexOf('wozniak'), 3, 4, 7]);
    expect(generateName(retry, 1)).toBe(`${LEFT_WORDS[3]}_${RIGHT_WORDS[4]}7`);
  });

  it('appends one digit on a retry', () => {
    const ids = scripted([0, 0, 9]);
    expect(generateName(ids, 1)).toBe('admiring_agnesi9');
    expect(ids.calls).toEqual([108, 236, 10]);
    expect(generateName(scripted([0, 0, 9]), 0)).toBe('admiring_agnesi');
  });

  it('recognises exactly the generated shape', () => {
    expect(isGeneratedName('admiring_agnesi')).toBe(true);
    expect(isGeneratedName('zen_zhukovsky7')).toBe(true);
    expect(isGeneratedName('boring_wozniak')).toBe(false);
    expect(isGeneratedName('boring_wozniak1')).toBe(false);
    expect(isGeneratedName('boring_turing')).toBe(true);
    expect(isGeneratedName('my_web')).toBe(false);
    expect(isGeneratedName('nervous_shaw12')).toBe(false);
    expect(isGeneratedName('Nervous_shaw')).toBe(false);
    expect(isGeneratedName('shaw_nervous')).toBe(false);
    expect(isGeneratedName('nervous-shaw')).toBe(false);
    expect(isGeneratedName('/nervous_shaw')).toBe(false);
    expect(isGeneratedName('')).toBe(false);
  });

  it('every generated name is recognised', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), fc.nat(3), (ints, retry) => {
        const ids: IdSource = {
          randomHex: () => '',
          randomInt: (n) => (ints.shift() ?? 0) % n,
        };
        const name = generateName(ids, retry);
        expect(isGeneratedName(name)).toBe(true);
        expect(name).not.toMatch(/^boring_wozniak/);
      }),
    );
  });
});
