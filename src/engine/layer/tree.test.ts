import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Entry, LayerTree, compareNames, contentChunks, generatedBytes, readContent, seedFromPath, utf8, utf8Length } from './tree.ts';

describe('names', () => {
  it('compareNames is byte order of the UTF-8 encodings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const want = Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
        expect(Math.sign(compareNames(a, b))).toBe(want);
      }),
      { numRuns: 2000 },
    );
    expect(['b', '\u{1F600}', '\uFF21', 'a-', 'a/', 'a'].sort(compareNames)).toEqual(['a', 'a-', 'a/', 'b', '\uFF21', '\u{1F600}']);
  });

  it('utf8Length counts bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Length(s)).toBe(utf8(s).length);
      }),
    );
  });
});

describe('generated content', () => {
  it('is deterministic, seekable and seed-dependent', () => {
    const whole = generatedBytes(7, 0, 10_000);
    expect(generatedBytes(7, 0, 10_000)).toEqual(whole);
    for (const [off, len] of [[0, 1], [1, 5], [3, 4000], [4095, 7], [9_999, 1], [5000, 0]] as const) {
      expect(generatedBytes(7, off, len)).toEqual(whole.subarray(off, off + len));
    }
    expect(generatedBytes(8, 0, 64)).not.toEqual(whole.subarray(0, 64));
    // Roughly uniform bytes.
    const counts = new Array(256).fill(0);
    for (const b of whole) counts[b]++;
    expect(Math.max(...counts)).toBeLessThan(80);
  });

  it('reads as a file: whole, by range, by chunks', () => {
    const e = Entry.file({ size: 100_001, seed: 3 });
    expect(e.generated).toBe(true);
    expect(e.seed).toBe(3);
    expect(Buffer.compare(readContent(e), generatedBytes(3, 0, 100_001))).toBe(0);
    expect(readContent(e, 100_000, 50)).toEqual(generatedBytes(3, 100_000, 1));
    const chunks = [...contentChunks(e, 4096)];
    expect(chunks.length).toBe(25);
    expect(Buffer.compare(Buffer.concat(chunks), readContent(e))).toBe(0);
    const real = Entry.file('hello');
    const copy = readContent(real);
    copy[0] = 0;
    expect(readContent(real)).toEqual(utf8('hello'));
  });

  it('derives stable seeds from paths', () => {
    expect(seedFromPath('/bin/busybox')).toBe(seedFromPath('/bin/busybox'));
    expect(seedFromPath('/bin/busybox')).not.toBe(seedFromPath('/bin/busyboy'));
  });
});

describe('LayerTree', () => {
  it('builds from a catalogue, walks in Docker order, looks up without following links', () => {
    const t = LayerTree.from(
      [
        { type: 'file', path: '/usr/bin/env', size: 30_000, mode: 0o755 },
        { type: 'symlink', path: 'bin', target: 'usr/bin' },
        { type: 'file', path: 'etc/os-release', content: 'ID=berth\n' },
        { type: 'dir', path: 'etc', mode: 0o700, uid: 1 },
        { type: 'whiteout', path: 'var/log' },
        { type: 'dir', path: 'opt', opaque: true },
        { type: 'file', path: 'etc-x', content: '' },
      ],
      { mtime: 1000 },
    );
    expect([...t.walk()].map(([p, e]) => `${p}:${e.kind}`)).toEqual([
      'bin:symlink',
      'etc:dir',
      'etc/os-release:file',
      'etc-x:file',
      'opt:dir',
      'usr:dir',
      'usr/bin:dir',
      'usr/bin/env:file',
      'var:dir',
      'var/log:whiteout',
    ]);
    expect(t.lookup('etc')).toMatchObject({ mode: 0o700, uid: 1, mtime: 1000 }); // a later dir entry updates the one made for its child
    expect(t.lookup('etc/os-release')!.size).toBe(9);
    expect(t.lookup('usr/bin/env')).toMatchObject({ size: 30_000, seed: seedFromPath('/usr/bin/env') });
    expect(t.lookup('bin/env')).toBeUndefined();
    expect(t.lookup('opt')!.opaque).toBe(true);
    expect(t.count()).toBe(10);
    expect(t.remove('usr')).toBe(true);
    expect(t.lookup('usr/bin/env')).toBeUndefined();
  });

  it('keeps hard links as one entry under two names', () => {
    const t = new LayerTree();
    t.addFile('a', 'x');
    t.addLink('a', 'dir/b');
    expect(t.lookup('dir/b')).toBe(t.lookup('a'));
    expect(() => t.addLink('dir', 'c')).toThrow();
  });

  it('clones without sharing entries, keeping inodes that several names share', () => {
    const t = new LayerTree();
    t.addFile('a', 'x', { mode: 0o600 });
    t.addLink('a', 'b');
    const w = t.addWhiteout('etc/group');
    t.put('etc/passwd', w);
    t.setOpaque('var/cache');
    const c = t.clone();
    expect(c.lookup('a')).not.toBe(t.lookup('a'));
    expect(c.lookup('b')).toBe(c.lookup('a'));
    expect(c.lookup('etc/passwd')).toBe(c.lookup('etc/group'));
    expect(c.lookup('var/cache')!.opaque).toBe(true);
    c.lookup('a')!.mode = 0o644;
    expect(t.lookup('a')!.mode).toBe(0o600);
    expect([...c.walk()].map(([p, e]) => `${p}:${e.kind}`)).toEqual([...t.walk()].map(([p, e]) => `${p}:${e.kind}`));
  });

  it('a fresh layer is empty and allocates no child map', () => {
    const t = new LayerTree();
    expect(t.isEmpty).toBe(true);
    expect(t.root.data).toBeNull();
    expect([...t.walk()]).toEqual([]);
  });
});
