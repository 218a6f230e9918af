// Turns catalogue recipes into layer trees, and digests a layer the way
// the registry addresses it: the digest of its gzip blob.
//
// Hashing a generated layer means producing and hashing every byte of its
// tar twice (tar, then gzip): seconds for a 500 MB image. The catalogue's
// layers never change between builds of Berth, so their digests are computed
// once, offline (digests.gen.ts), and looked up here by a fingerprint of the
// tree — every entry's metadata, link target, generated-content seed and
// real bytes, everything the tar is made of. A probe layer, digested for real
// at first use, guards the table: if the tar, gzip or generated-bytes code
// ever changes what it writes, the probe's digest no longer matches the one
// recorded with the table, and every layer is hashed in full again. The
// table loads with the first digest asked for (engine/lazy.ts), not with the page.
import { LayerTree, type Entry, type EntrySpec } from '../../layer/tree.ts';
import { layerTarChunks } from '../../layer/tar.ts';
import { gzipStored } from '../../layer/gzip.ts';
import { Sha256 } from '../../layer/sha256.ts';
import type { EntryRecipe } from './recipe.ts';
import type { LayerDigest } from './digests.ts';
import { lazyModule } from '../../lazy.ts';

const digestTable = lazyModule('the catalogue digests', () => import('./digests.ts'));

export type { LayerDigest };

export function buildTree(entries: EntryRecipe[], mtime = 0): LayerTree {
  const specs: EntrySpec[] = entries.map((e) => {
    switch (e.type) {
      case 'text':
        return { type: 'file', path: e.path, content: e.text, mode: e.mode, mtime };
      case 'file':
        return { type: 'file', path: e.path, size: e.size, mode: e.mode, mtime };
      case 'dir':
        return { type: 'dir', path: e.path, mode: e.mode, mtime };
      case 'symlink':
        return { type: 'symlink', path: e.path, target: e.target, mode: 0o777, mtime };
    }
  });
  return LayerTree.from(specs, { mtime });
}

/** The layer's DiffID (sha256 of its tar), and the digest and size of its gzip blob, streamed. */
export function hashLayer(tree: LayerTree): LayerDigest {
  const tarHash = new Sha256();
  const blobHash = new Sha256();
  let size = 0;
  function* tar(): Generator<Uint8Array> {
    for (const chunk of layerTarChunks(tree)) {
      tarHash.update(chunk);
      yield chunk;
    }
  }
  for (const chunk of gzipStored(tar())) {
    blobHash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${blobHash.hex()}`, diffId: `sha256:${tarHash.hex()}`, size };
}

/** Real bytes a tree may hold and still be looked up (beyond this, hashing them twice costs more than it saves). */
const FINGERPRINT_MAX_BYTES = 1 << 20;

/**
 * A digest of everything the layer's tar is made of, generated content
 * standing as its seed and size; null when the tree holds more real bytes
 * than is worth fingerprinting (a learner's layer, never a catalogue one).
 */
export function treeFingerprint(tree: LayerTree): string | null {
  const h = new Sha256();
  const enc = new TextEncoder();
  const inodes = new Map<Entry, number>();
  let bytes = 0;
  for (const [path, e] of tree.walk()) {
    let inode = inodes.get(e);
    const link = inode !== undefined;
    if (inode === undefined) inodes.set(e, (inode = inodes.size));
    let content = '';
    if (e.kind === 'symlink') content = e.target;
    else if (e.kind === 'file' && !link) {
      if (e.seed !== undefined) content = `seed:${e.seed}`;
      else if (e.data instanceof Uint8Array || typeof e.data === 'string') {
        const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
        bytes += data.length;
        if (bytes > FINGERPRINT_MAX_BYTES) return null;
        h.update(data);
      }
    }
    h.update(enc.encode(`\0${path}\0${e.kind}\0${e.mode}\0${e.uid}\0${e.gid}\0${e.mtime}\0${e.size}\0${e.opaque ? 1 : 0}\0${inode}\0${link ? 1 : 0}\0${content}\n`));
  }
  return h.hex();
}

/**
 * A small layer with every kind of tar record the catalogue writes: a
 * directory, real and generated files (one over a stored gzip block), a
 * symlink, a hard link and a path too long for the ustar name field.
 */
export function probeTree(): LayerTree {
  const long = `usr/share/doc/${'a-rather-long-package-name/'.repeat(4)}changelog.Debian.gz`;
  const t = buildTree(
    [
      { type: 'dir', path: '/etc', mode: 0o755 },
      { type: 'text', path: '/etc/hostname', text: 'probe\n', mode: 0o644 },
      { type: 'file', path: '/usr/lib/libprobe.so', size: 70_000, mode: 0o755 },
      { type: 'symlink', path: '/usr/lib/libprobe.so.1', target: 'libprobe.so' },
      { type: 'file', path: `/${long}`, size: 1_000, mode: 0o644 },
      { type: 'dir', path: '/tmp', mode: 0o1777 },
    ],
    Date.UTC(2020, 0, 1),
  );
  t.addLink('/etc/hostname', '/etc/hostname.bak');
  return t;
}

let tableValid: boolean | undefined;

/** The catalogue's recorded digest for this tree, when the table is current. */
function recorded(tree: LayerTree, table: typeof import('./digests.ts')): LayerDigest | undefined {
  const { CATALOGUE_DIGESTS, PROBE_DIGEST } = table;
  tableValid ??= (() => {
    const p = hashLayer(probeTree());
    return p.digest === PROBE_DIGEST.digest && p.diffId === PROBE_DIGEST.diffId && p.size === PROBE_DIGEST.size;
  })();
  if (!tableValid) return undefined;
  const fp = treeFingerprint(tree);
  const d = fp === null ? undefined : CATALOGUE_DIGESTS[fp];
  return d && { digest: d[0], diffId: d[1], size: d[2] };
}

/** The layer's digests: recorded ones for the catalogue's layers, else hashed. */
export async function layerDigest(tree: LayerTree): Promise<LayerDigest> {
  return recorded(tree, await loadDigestTable()) ?? hashLayer(tree);
}

/** The table of recorded digests (loaded with the first pull). */
export async function loadDigestTable(): Promise<typeof import('./digests.ts')> {
  return digestTable.value ?? (await digestTable.load());
}

/**
 * The recorded [digest, DiffID, size] of the layer with this fingerprint,
 * once the table is loaded (every pull and every restore of a pulled layer
 * loads it first); undefined otherwise.
 */
export function loadedDigestRow(fingerprint: string): readonly [digest: string, diffId: string, size: number] | undefined {
  return digestTable.value?.CATALOGUE_DIGESTS[fingerprint];
}
