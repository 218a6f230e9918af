import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayerTree } from '../layer/tree.ts';
import { layerTarBytes } from '../layer/tar.ts';
import { decodeTree, encodeTree } from './tree.ts';
import { StateError } from './errors.ts';

function sample(bigSize = 5_000): LayerTree {
  const t = new LayerTree();
  t.addDir('/etc', { mode: 0o755, mtime: 1_000 });
  t.addFile('/etc/motd', 'hello\n', { mode: 0o644, uid: 1000, gid: 1000, mtime: 2_000 });
  t.addFile('/usr/lib/big.so', { size: bigSize, seed: 1234 }, { mode: 0o755 });
  t.addLink('/usr/lib/big.so', '/usr/lib/big.so.1');
  t.addSymlink('/usr/lib/libbig.so', 'big.so');
  t.addWhiteout('/var/cache');
  t.setOpaque('/opt/app');
  t.addFile('/opt/app/ünïcødé 𝄞', new Uint8Array([0, 255, 7]));
  return t;
}

describe('a saved layer tree', () => {
  it('writes the same tar as the tree it was saved from', () => {
    const t = sample();
    const back = decodeTree(encodeTree(t), 'test');
    expect(layerTarBytes(back)).toEqual(layerTarBytes(t));
  });

  it('keeps generated content as its seed, hard links as one inode, whiteouts and opaque directories', () => {
    const enc = encodeTree(sample(50_000_000));
    // 50 MB of generated content is one number
    expect(JSON.stringify({ ...enc, data: enc.data.map((d) => (d instanceof Uint8Array ? [...d] : d)) }).length).toBeLessThan(1000);
    const back = decodeTree(enc, 'test');
    expect(back.lookup('usr/lib/big.so')).toBe(back.lookup('usr/lib/big.so.1'));
    expect(back.lookup('usr/lib/big.so')!.seed).toBe(1234);
    expect(back.lookup('var/cache')!.kind).toBe('whiteout');
    expect(back.lookup('opt/app')!.opaque).toBe(true);
    expect(back.root.kind).toBe('dir');
  });

  it('round-trips generated trees', () => {
    const name = fc.stringMatching(/^[a-z.]{1,4}$/).filter((n) => n !== '.' && n !== '..');
    const spec = fc.array(
      fc.record({
        path: fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => '/' + p.join('/')),
        kind: fc.constantFrom('dir', 'file', 'gen', 'symlink', 'whiteout', 'link', 'opaque'),
        mode: fc.nat(0o7777),
        mtime: fc.nat(2_000_000_000_000),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(spec, (entries) => {
        const t = new LayerTree();
        let last: string | undefined;
        for (const e of entries) {
          try {
            const meta = { mode: e.mode, mtime: e.mtime };
            if (e.kind === 'dir') t.addDir(e.path, meta);
            else if (e.kind === 'file') t.addFile(e.path, e.path.repeat(3), meta);
            else if (e.kind === 'gen') t.addFile(e.path, { size: e.mtime % 2_000, seed: e.mode }, meta);
            else if (e.kind === 'symlink') t.addSymlink(e.path, '../x', meta);
            else if (e.kind === 'whiteout') t.addWhiteout(e.path, meta);
            else if (e.kind === 'opaque') t.setOpaque(e.path);
            else if (last) t.addLink(last, e.path);
            if (e.kind === 'file' || e.kind === 'gen') last = e.path;
          } catch {
            // a path through a file, a link to something removed: skipped
          }
        }
        const back = decodeTree(structuredClone(encodeTree(t)), 'test');
        expect(encodeTree(back)).toEqual(encodeTree(t));
        expect(layerTarBytes(back)).toEqual(layerTarBytes(t));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('refuses what no tree could be', () => {
    const ok = encodeTree(sample());
    const bad: Array<[unknown, RegExp]> = [
      [null, /not a file tree/],
      [{ ...ok, paths: ok.paths.slice(1) }, /do not line up/],
      [{ ...ok, meta: ok.meta.map((m, i) => (i === 7 ? 99 : m)) }, /unknown kind 99/],
      [{ ...ok, paths: ok.paths.map((p, i) => (i === 2 ? 'nowhere/motd' : p)) }, /nowhere\/motd: no parent directory/],
      [{ ...ok, data: ok.data.map((d) => (d instanceof Uint8Array ? 'text' : d)) }, /its content is missing/],
    ];
    for (const [value, message] of bad) {
      let err: unknown;
      try {
        decodeTree(value, 'the files of container abc');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StateError);
      expect((err as Error).message).toMatch(/^the saved workspace is damaged: the files of container abc: /);
      expect((err as Error).message).toMatch(message);
    }
  });
});
