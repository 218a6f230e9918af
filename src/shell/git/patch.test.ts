// Unified patches and diffstats against what the real git printed for the
// same two versions of a file (`seq 1 30`, then lines changed, removed and
// added far apart: two hunks).
import { describe, expect, it } from 'vitest';
import { unifiedPatch } from './patch.ts';
import { lineChanges, renameName } from './diffstat.ts';

const enc = new TextEncoder();
const seq = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => `${a + i}\n`).join('');

describe('unifiedPatch', () => {
  it('splits distant changes into hunks with three lines of context', () => {
    const before = seq(1, 30);
    const after = seq(1, 4) + 'five\n' + seq(6, 19) + 'X\n' + seq(21, 23) + seq(25, 30) + 'end\n';
    const patch = unifiedPatch('f', { data: enc.encode(before), oid: 'e8823e1', mode: '100644' }, { data: enc.encode(after), oid: 'c34370a', mode: '100644' }, new TextDecoder());
    expect(patch).toBe(
      'diff --git a/f b/f\nindex e8823e1..c34370a 100644\n--- a/f\n+++ b/f\n' +
        '@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n' +
        '@@ -17,14 +17,14 @@\n 17\n 18\n 19\n-20\n+X\n 21\n 22\n 23\n-24\n 25\n 26\n 27\n 28\n 29\n 30\n+end\n',
    );
  });
});

describe('diffstat helpers', () => {
  it('counts insertions and deletions of the shortest edit', () => {
    expect(lineChanges(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual({ added: 2, deleted: 1 });
    expect(lineChanges([], ['a'])).toEqual({ added: 1, deleted: 0 });
  });

  it('names renames as git does', () => {
    expect(renameName('a.txt', 'b.txt')).toBe('a.txt => b.txt');
    expect(renameName('b.txt', 'd/b.txt')).toBe('b.txt => d/b.txt');
    expect(renameName('d/x.txt', 'd/y.txt')).toBe('d/{x.txt => y.txt}');
    expect(renameName('a/b/c.txt', 'a/d/c.txt')).toBe('a/{b => d}/c.txt');
  });
});
