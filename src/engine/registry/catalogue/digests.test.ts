// The recorded digest table: current for every catalogue layer, guarded by
// the probe, and equal to real hashing wherever that is cheap to check.
import { describe, expect, it } from 'vitest';
import { buildTree, hashLayer, layerDigest, probeTree, treeFingerprint } from './build.ts';
import { CATALOGUE_DIGESTS, PROBE_DIGEST } from './digests.ts';
import { catalogueLayers } from './digests.gen.ts';
import { LayerTree } from '../../layer/tree.ts';
import type { EntryRecipe } from './recipe.ts';

describe('catalogue digest table', () => {
  it('records every catalogue layer (regenerate with digests.gen.ts when this fails)', () => {
    const missing = [...catalogueLayers()].map(treeFingerprint).filter((fp) => fp === null || !(fp in CATALOGUE_DIGESTS));
    expect(missing).toEqual([]);
  });

  it('was made by the layer code Berth runs: the probe hashes to its recorded digests (else regenerate, see digests.gen.ts)', () => {
    expect(hashLayer(probeTree())).toEqual(PROBE_DIGEST);
  });

  it('holds the real digests: every layer under 4 MB hashed in full agrees', async () => {
    let checked = 0;
    for (const tree of catalogueLayers()) {
      let bytes = 0;
      for (const [, e] of tree.walk()) bytes += e.size;
      if (bytes > 4_000_000) continue;
      const d = CATALOGUE_DIGESTS[treeFingerprint(tree)!]!;
      expect(hashLayer(tree)).toEqual({ digest: d[0], diffId: d[1], size: d[2] });
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  }, 60_000);

  it('fingerprints what the tar holds: a size, a seed, a mode or a byte changes it', () => {
    const text: EntryRecipe & { type: 'text' } = { type: 'text', path: '/etc/a', text: 'x\n' };
    const lib: EntryRecipe & { type: 'file' } = { type: 'file', path: '/lib/b.so', size: 100 };
    const base = [text, lib];
    const fp = treeFingerprint(buildTree(base, 0));
    expect(treeFingerprint(buildTree(base, 0))).toBe(fp);
    expect(treeFingerprint(buildTree([text, { ...lib, size: 101 }], 0))).not.toBe(fp);
    expect(treeFingerprint(buildTree([text, { ...lib, path: '/lib/c.so' }], 0))).not.toBe(fp);
    expect(treeFingerprint(buildTree([{ ...text, text: 'y\n' }, lib], 0))).not.toBe(fp);
    expect(treeFingerprint(buildTree([{ ...text, mode: 0o600 }, lib], 0))).not.toBe(fp);
    expect(treeFingerprint(buildTree(base, 1000))).not.toBe(fp);
    const linked = buildTree(base, 0);
    linked.addLink('/etc/a', '/etc/a2');
    const copied = buildTree([...base, { type: 'text', path: '/etc/a2', text: 'x\n' }], 0);
    expect(treeFingerprint(linked)).not.toBe(treeFingerprint(copied));
  });

  it('hashes a layer the table does not know, and skips fingerprinting big real content', async () => {
    const tree = buildTree([{ type: 'text', path: '/app/main.py', text: 'print("hi")\n' }], 0);
    expect(await layerDigest(tree)).toEqual(hashLayer(tree));
    const big = new LayerTree();
    big.addFile('data.bin', new Uint8Array(2 << 20));
    expect(treeFingerprint(big)).toBeNull();
    expect(await layerDigest(big)).toEqual(hashLayer(big));
  });
});
