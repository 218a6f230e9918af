// The layers panel's read model: an image's or a container's layers bottom
// up (history rows matched to layers: `empty_layer` rows make no layer), and
// the merged tree one directory at a time, each entry marked with the layer
// it comes from. Nothing here walks a whole tree on its own: a directory is
// listed when the learner opens it.
import type { DaemonCore } from '../daemon.ts';
import type { ImageRecord } from '../image/store.ts';
import { Entry, LayerTree, compareNames, splitPath } from '../layer/tree.ts';

export type LayerKind = 'image' | 'init' | 'rw';

/** One history row: a Dockerfile step or a commit. */
export interface HistoryStep {
  createdBy: string;
  comment: string;
  /** A metadata-only step (ENV, CMD ...): it made no layer. */
  empty: boolean;
}

export interface LayerRow {
  kind: LayerKind;
  /** Position bottom-up (0 is the base layer). */
  index: number;
  chainId: string;
  diffId: string;
  /** The history row that made the layer ('' for init and read-write layers). */
  createdBy: string;
  /** Metadata-only steps recorded after this layer and before the next one. */
  metadata: HistoryStep[];
  size: number;
  tree: LayerTree;
}

export interface LayerStack {
  /** Bottom first; a container's read-write layer last. */
  layers: LayerRow[];
  /** Metadata-only steps before the first layer. */
  leading: HistoryStep[];
  /** Sum of the layers' sizes. */
  size: number;
}

/** An image's layers, bottom first, each with the history step that made it. */
export function imageLayers(core: DaemonCore, img: ImageRecord): LayerStack {
  const layers: LayerRow[] = [];
  const leading: HistoryStep[] = [];
  let i = 0;
  for (const h of img.config.history) {
    const step: HistoryStep = { createdBy: h.created_by ?? '', comment: h.comment ?? '', empty: !!h.empty_layer };
    if (step.empty) {
      (layers.length > 0 ? layers[layers.length - 1]!.metadata : leading).push(step);
      continue;
    }
    const chainId = img.chainIds[i];
    const rec = chainId !== undefined ? core.layers.get(chainId) : undefined;
    i++;
    if (!rec) continue;
    layers.push({ kind: 'image', index: layers.length, chainId: rec.chainId, diffId: rec.diffId, createdBy: step.createdBy, metadata: [], size: rec.size, tree: rec.tree });
  }
  // layers the history does not describe (an imported image): listed without a step
  for (; i < img.chainIds.length; i++) {
    const rec = core.layers.get(img.chainIds[i]!);
    if (rec) layers.push({ kind: 'image', index: layers.length, chainId: rec.chainId, diffId: rec.diffId, createdBy: '', metadata: [], size: rec.size, tree: rec.tree });
  }
  return { layers, leading, size: layers.reduce((n, l) => n + l.size, 0) };
}

/** A container's stack: its image's layers, the init layer, its read-write layer on top. */
export function containerLayers(core: DaemonCore, containerId: string): LayerStack | undefined {
  const c = core.containers.get(containerId);
  if (!c) return undefined;
  const img = core.images.get(c.image);
  const stack: LayerStack = img ? imageLayers(core, img) : { layers: [], leading: [], size: 0 };
  const lowers = core.layers.lowerTrees(c.rwLayer);
  const parents = core.layers.rwParents(c.rwLayer);
  if (lowers.length > parents.length) {
    const init = lowers[0]!;
    stack.layers.push({ kind: 'init', index: stack.layers.length, chainId: '', diffId: '', createdBy: '', metadata: [], size: treeStats(init).bytes, tree: init });
  }
  const rw = core.layers.rwTree(c.rwLayer);
  const rwSize = treeStats(rw).bytes;
  stack.layers.push({ kind: 'rw', index: stack.layers.length, chainId: '', diffId: '', createdBy: '', metadata: [], size: rwSize, tree: rw });
  stack.size += rwSize;
  return stack;
}

// ---------------------------------------------------------------- one layer's files

export type FileKind = 'file' | 'dir' | 'symlink' | 'whiteout';

export interface LayerFile {
  name: string;
  path: string;
  kind: FileKind;
  size: number;
  /** A directory that hides the lower layers' one (overlayfs' opaque). */
  opaque: boolean;
}

/** A page of a directory listing: the first entries in name order, and how many there are in all. */
export interface Page<T> {
  files: T[];
  total: number;
}

/** The entries of one directory of one layer (a layer's own files, not the merged view), the first `limit` of them. */
export function layerDir(tree: LayerTree, path: string, limit = Infinity, mutable = false): Page<LayerFile> {
  const dir = tree.lookup(path);
  const kids = dir?.childMap();
  if (!kids) return { files: [], total: 0 };
  const base = normal(path);
  const names = sortedChildNames(kids, mutable);
  return { files: names.slice(0, limit).map((name) => fileOf(name, join(base, name), kids.get(name)!)), total: names.length };
}

const sortedCache = new WeakMap<Map<string, Entry>, string[]>();

/** A directory's names in byte order; kept for directories of image layers, which never change. */
function sortedChildNames(kids: Map<string, Entry>, mutable: boolean): string[] {
  if (mutable) return [...kids.keys()].sort(compareNames);
  let names = sortedCache.get(kids);
  if (names === undefined || names.length !== kids.size) sortedCache.set(kids, (names = [...kids.keys()].sort(compareNames)));
  return names;
}

const counts = new WeakMap<LayerTree, number>();

/**
 * Entries in a layer (root excluded). Image layers never change, so their
 * count is kept; a read-write layer (`mutable`) is counted each time.
 */
export function layerFileCount(tree: LayerTree, mutable = false): number {
  if (!mutable) {
    const known = counts.get(tree);
    if (known !== undefined) return known;
  }
  const n = treeStats(tree).entries;
  if (!mutable) counts.set(tree, n);
  return n;
}

/**
 * Entries and content bytes of a layer (a hard-linked file counted once, as
 * Docker sizes a layer), in no particular order: no sorting, so a read-write
 * layer can be measured every frame.
 */
export function treeStats(tree: LayerTree): { entries: number; bytes: number } {
  let entries = 0;
  let bytes = 0;
  let seen: Set<Entry> | undefined;
  const stack: Entry[] = [tree.root];
  while (stack.length > 0) {
    const kids = stack.pop()!.childMap();
    if (!kids) continue;
    for (const e of kids.values()) {
      entries++;
      if (e.kind === 'dir') stack.push(e);
      else if (e.kind === 'file' || e.kind === 'symlink') {
        if (seen?.has(e)) continue;
        (seen ??= new Set()).add(e);
        bytes += e.size;
      }
    }
  }
  return { entries, bytes };
}

// ---------------------------------------------------------------- the merged view

export interface MergedFile extends LayerFile {
  /** Index into the stack's layers (bottom-up) of the layer that shows this entry. */
  origin: number;
  /** For a whiteout: the layer whose entry it hides. */
  hides?: number;
  /**
   * The highest lower layer holding the same name, which this entry covers.
   * In a container's read-write layer that is a copy-up (a file's content, a
   * directory's metadata); in an image, a later step replacing a file.
   */
  over?: number;
}

/**
 * One directory of the merged tree, the first `limit` entries in name order.
 * `layers` are the stack's trees bottom first; `mutableTop` says the top one
 * is a container's read-write layer (its listings are not cached). Whiteouts
 * are listed (kind 'whiteout') with the layer whose entry they hide. A page
 * costs the page plus, once per image-layer directory, sorting its names.
 */
export function mergedDir(layers: readonly LayerTree[], path: string, limit = Infinity, mutableTop = false): Page<MergedFile> {
  const dirs = dirLayers(layers, path);
  const base = normal(path);
  const top = layers.length - 1;
  const lists = dirs.map(({ index, entry }) => {
    const kids = entry.childMap();
    return { index, kids, names: kids ? sortedChildNames(kids, mutableTop && index === top) : [], at: 0 };
  });
  const files: MergedFile[] = [];
  const distinct = lists.length === 1 ? lists[0]!.names.length : new Set(lists.flatMap((l) => l.names)).size;
  let hiddenWhiteouts = 0;
  // merge the sorted lists, top layer first among equal names
  for (;;) {
    let name: string | undefined;
    for (const l of lists) {
      const n = l.names[l.at];
      if (n !== undefined && (name === undefined || compareNames(n, name) < 0)) name = n;
    }
    if (name === undefined) break;
    let file: MergedFile | undefined;
    for (const l of lists) {
      if (l.names[l.at] !== name) continue;
      l.at++;
      const e = l.kids!.get(name)!;
      if (file === undefined) file = { ...fileOf(name, join(base, name), e), origin: l.index };
      else if (file.kind === 'whiteout') file.hides ??= l.index;
      else file.over ??= l.index;
    }
    // whiteouts that hide nothing below are bookkeeping only
    if (file!.kind === 'whiteout' && file!.hides === undefined) hiddenWhiteouts++;
    else if (files.length < limit) files.push(file!);
    else break; // the page is full; the total may count a few bookkeeping whiteouts past it
  }
  return { files, total: distinct - hiddenWhiteouts };
}

/** The layers (top first) in which `path` is a directory that shows in the merged view. */
function dirLayers(layers: readonly LayerTree[], path: string): Array<{ index: number; entry: Entry }> {
  let cur: Array<{ index: number; entry: Entry }> = [];
  for (let i = layers.length - 1; i >= 0; i--) cur.push({ index: i, entry: layers[i]!.root });
  for (const name of splitPath(path)) {
    const next: Array<{ index: number; entry: Entry }> = [];
    for (const { index, entry } of cur) {
      const e = entry.childMap()?.get(name);
      if (e === undefined) continue;
      if (e.kind !== 'dir') {
        if (next.length === 0) return []; // a file, symlink or whiteout: not a directory here
        break;
      }
      next.push({ index, entry: e });
      if (e.opaque) break;
    }
    if (next.length === 0) return [];
    cur = next;
  }
  return cur;
}

function fileOf(name: string, path: string, e: Entry): LayerFile {
  return { name, path, kind: e.kind, size: e.kind === 'file' || e.kind === 'symlink' ? e.size : 0, opaque: e.kind === 'dir' && e.opaque };
}

function normal(path: string): string {
  const parts = splitPath(path);
  return parts.length === 0 ? '' : '/' + parts.join('/');
}

function join(base: string, name: string): string {
  return `${base}/${name}`;
}
