// The layer store: read-only layers by ChainID, reference-counted by the
// images and containers that stand on them, and containers' read-write
// layers. As in moby, an image owns no files; it names a chain of layers.
import type { Clock, Hasher } from '../platform.ts';
import { UnionFs } from '../fs/union.ts';
import { LayerTree } from './tree.ts';
import { diffId as layerDiffId } from './tar.ts';

export interface LayerRecord {
  chainId: string;
  diffId: string;
  parent: string | undefined;
  /** Bytes of regular-file content and symlink targets, as Docker counts a layer's size (moby's directory.Size: lstat sizes, a hard link once). */
  size: number;
  tree: LayerTree;
  refs: number;
}

interface RwLayer {
  tree: LayerTree;
  /** The container's init layer (/etc/hostname, /etc/hosts ...), between it and the image; built on first use. */
  init: LayerTree | (() => LayerTree) | undefined;
  /** ChainIDs below, bottom first. */
  parents: string[];
}

type Track = <T>(work: Promise<T>) => Promise<T>;

export class LayerStore {
  private layers = new Map<string, LayerRecord>();
  private rw = new Map<string, RwLayer>();

  constructor(
    private readonly hasher: Hasher,
    private readonly track: Track,
    private readonly clock: Clock,
  ) {}

  private sha256(s: string): Promise<string> {
    return this.track(this.hasher.sha256(new TextEncoder().encode(s)));
  }

  /** ChainID(L0) = DiffID(L0); ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)). */
  async chainIdOf(parent: string | undefined, diffId: string): Promise<string> {
    if (parent === undefined) return diffId;
    return `sha256:${await this.sha256(`${parent} ${diffId}`)}`;
  }

  has(chainId: string): boolean {
    return this.layers.has(chainId);
  }

  get(chainId: string): LayerRecord | undefined {
    return this.layers.get(chainId);
  }

  /** Adds a layer (unreferenced until retained); an existing identical layer is returned instead. */
  async register(tree: LayerTree, parent: string | undefined, knownDiffId?: string): Promise<LayerRecord> {
    const diffId = knownDiffId ?? (await this.track(layerDiffId(tree, this.hasher)));
    const chainId = await this.chainIdOf(parent, diffId);
    const existing = this.layers.get(chainId);
    if (existing) return existing;
    const rec: LayerRecord = { chainId, diffId, parent, size: contentSize(tree), tree, refs: 0 };
    this.layers.set(chainId, rec);
    return rec;
  }

  retain(chainId: string): void {
    const l = this.layers.get(chainId);
    if (l) l.refs++;
  }

  /** Drops one reference; returns the ChainIDs freed (this layer once unreferenced). */
  release(chainId: string): string[] {
    const l = this.layers.get(chainId);
    if (!l) return [];
    l.refs--;
    if (l.refs > 0) return [];
    this.layers.delete(chainId);
    return [chainId];
  }

  releaseIfUnused(chainId: string): void {
    const l = this.layers.get(chainId);
    if (l && l.refs <= 0) this.layers.delete(chainId);
  }

  /** A container's empty read-write layer over an image's chain. */
  createRw(key: string, parents: string[], init?: LayerTree | (() => LayerTree)): string {
    for (const c of parents) this.retain(c);
    this.rw.set(key, { tree: new LayerTree(), init, parents: [...parents] });
    return key;
  }

  removeRw(key: string): void {
    const l = this.rw.get(key);
    if (!l) return;
    this.rw.delete(key);
    for (const c of [...l.parents].reverse()) this.release(c);
  }

  rwTree(key: string): LayerTree {
    return this.rw.get(key)!.tree;
  }

  rwParents(key: string): string[] {
    return this.rw.get(key)?.parents ?? [];
  }

  /** The trees under a read-write layer, top first (its init layer, then the image's). */
  lowerTrees(key: string): LayerTree[] {
    const l = this.rw.get(key);
    if (!l) return [];
    const image = l.parents.map((c) => this.layers.get(c)!.tree).reverse();
    if (typeof l.init === 'function') l.init = l.init();
    return l.init ? [l.init, ...image] : image;
  }

  /** The container's view: its read-write layer over the image's layers. */
  mount(key: string): UnionFs {
    return new UnionFs([this.rw.get(key)!.tree, ...this.lowerTrees(key)], { clock: this.clock });
  }

  /** A frozen copy of a read-write layer (commit). */
  snapshotRw(key: string): LayerTree {
    return this.rw.get(key)!.tree.clone();
  }

  rwSize(key: string): number {
    const l = this.rw.get(key);
    return l ? contentSize(l.tree) : 0;
  }

  totalSize(): number {
    let n = 0;
    for (const l of this.layers.values()) n += l.size;
    return n;
  }

  /** Every read-only layer (persistence). */
  records(): LayerRecord[] {
    return [...this.layers.values()];
  }

  /** Keys of the read-write layers (persistence). */
  rwKeys(): string[] {
    return [...this.rw.keys()];
  }

  /** Puts back a layer saved earlier, references and all (persistence; the store must not hold it). */
  adopt(rec: LayerRecord): void {
    this.layers.set(rec.chainId, rec);
  }

  /** Puts back a saved read-write layer; its parents' references are counted in their restored records. */
  adoptRw(key: string, parents: string[], tree: LayerTree, init: LayerTree | (() => LayerTree) | undefined): void {
    this.rw.set(key, { tree, init, parents: [...parents] });
  }

  summary(): Array<{ chainId: string; diffId: string; size: number; refs: number }> {
    return [...this.layers.values()].map((l) => ({ chainId: l.chainId, diffId: l.diffId, size: l.size, refs: l.refs }));
  }
}

export function contentSize(tree: LayerTree): number {
  let n = 0;
  const seen = new Set<unknown>();
  for (const [, e] of tree.walk()) {
    // a symlink counts its target's length, as moby's directory.Size sums lstat sizes
    if ((e.kind !== 'file' && e.kind !== 'symlink') || seen.has(e)) continue;
    seen.add(e);
    n += e.size;
  }
  return n;
}
