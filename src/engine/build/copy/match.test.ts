import { describe, expect, it } from 'vitest';
import { UnionFs } from '../../fs/union.ts';
import { LayerTree } from '../../layer/tree.ts';
import { BadPattern, containsWildcards, excluded, goMatch } from './match.ts';
import { applyChmod, parseChmod } from './mode.ts';
import { cleanAbs, cleanWithin, resolveInScope } from './paths.ts';

describe('goMatch (Go filepath.Match)', () => {
  it.each([
    ['*', 'abc', true],
    ['*', 'a/b', false],
    ['a/*', 'a/b', true],
    ['a/*', 'a/b/c', false],
    ['*.txt', '.hidden.txt', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[a-c]', 'b', true],
    ['[a-c]', 'd', false],
    ['[^a-c]', 'd', true],
    ['[^a-c]', 'a', false],
    ['[ab].tx?', 'b.txt', true],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['', '', true],
    ['ä?', 'äö', true],
  ])('%s ~ %s → %s', (p, s, want) => {
    expect(goMatch(p, s)).toBe(want);
  });

  it('malformed patterns are errors, as ErrBadPattern', () => {
    for (const p of ['[', '[a-', '[]', 'a\\', '[a-]']) expect(() => goMatch(p, 'a')).toThrow(BadPattern);
  });

  it('wildcards are *, ? and [ unless escaped', () => {
    expect(containsWildcards('a*')).toBe(true);
    expect(containsWildcards('a[b]')).toBe(true);
    expect(containsWildcards('a\\*b')).toBe(false);
    expect(containsWildcards('plain.txt')).toBe(false);
  });
});

describe('excluded (.dockerignore syntax)', () => {
  it('a matching directory excludes what it holds; ** crosses directories; ! re-includes', () => {
    expect(excluded(['sub'], 'sub/y')).toBe(true);
    expect(excluded(['**/*.log'], 'x/y/z.log')).toBe(true);
    expect(excluded(['**/*.log'], 'z.log')).toBe(true);
    expect(excluded(['*.log'], 'x/z.log')).toBe(false);
    expect(excluded(['*', '!keep'], 'keep')).toBe(false);
    expect(excluded(['*', '!keep'], 'other')).toBe(true);
    expect(excluded(['./a/../b'], 'b')).toBe(true);
  });
});

describe('--chmod', () => {
  it('octal and symbolic modes', () => {
    expect(applyChmod(parseChmod('0755'), 0o600, false)).toBe(0o755);
    expect(applyChmod(parseChmod('4755'), 0o600, false)).toBe(0o4755);
    expect(applyChmod(parseChmod('u+x'), 0o644, false)).toBe(0o744);
    expect(applyChmod(parseChmod('go-rwx'), 0o755, false)).toBe(0o700);
    expect(applyChmod(parseChmod('a=rX'), 0o700, true)).toBe(0o555);
    expect(applyChmod(parseChmod('a=rX'), 0o600, false)).toBe(0o444);
    expect(applyChmod(parseChmod('+x'), 0o644, false)).toBe(0o755);
  });

  it('sticky and set-id bits follow chmod(1): not for "other" alone', () => {
    expect(applyChmod(parseChmod('o+t'), 0o755, true)).toBe(0o755);
    expect(applyChmod(parseChmod('+t'), 0o755, true)).toBe(0o1755);
    expect(applyChmod(parseChmod('u+s'), 0o755, false)).toBe(0o4755);
    expect(applyChmod(parseChmod('o+s'), 0o755, false)).toBe(0o755);
    expect(applyChmod(parseChmod('a-X'), 0o755, false)).toBe(0o644);
  });

  it('refuses a number that is not octal or too big, and a malformed symbolic mode', () => {
    for (const s of ['8', '99999', '17777']) expect(() => parseChmod(s)).toThrow(`invalid chmod parameter: '${s}'. it should be octal string and between 0 and 07777`);
    for (const s of ['u+z', 'x=r', '', 'u']) expect(() => parseChmod(s)).toThrow('invalid syntax');
  });
});

describe('paths', () => {
  it('cleans as path.Join("/", p) and refuses to climb out when asked', () => {
    expect(cleanAbs('../a/./b/../c/')).toBe('/a/c');
    expect(cleanWithin('a/../b')).toBe('b');
    expect(cleanWithin('a/../../b')).toBeNull();
    expect(cleanWithin('.')).toBe('');
  });

  it('resolves symlinks inside the root: absolute targets and .. stop there', () => {
    const fs = new UnionFs(
      [
        LayerTree.from([
          { type: 'dir', path: 'lib' },
          { type: 'file', path: 'lib/f', content: 'x' },
          { type: 'symlink', path: 'abs', target: '/lib' },
          { type: 'symlink', path: 'up', target: '../../../lib' },
          { type: 'symlink', path: 'chain', target: 'abs/f' },
          { type: 'symlink', path: 'loop', target: 'loop' },
        ]),
      ],
      { clock: { now: () => 0 } },
    );
    expect(resolveInScope(fs, '/abs/f')).toBe('/lib/f');
    expect(resolveInScope(fs, '/up/f')).toBe('/lib/f');
    expect(resolveInScope(fs, '/chain')).toBe('/lib/f');
    expect(resolveInScope(fs, '/abs/missing/x')).toBe('/lib/missing/x');
    expect(() => resolveInScope(fs, '/lib/f/x')).toThrow('ENOTDIR');
    expect(() => resolveInScope(fs, '/loop')).toThrow('ELOOP');
  });
});
