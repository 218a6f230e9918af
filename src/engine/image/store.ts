// The image store and the reference (tag) store: small, separate, and
// reference-counted through the layer store, as in moby.
import { Errors } from '../errors/messages.ts';
import type { ImageConfig } from './config.ts';
import {
  canonicalString,
  familiarString,
  looksLikeIdPrefix,
  parseReference,
  withDefaultTag,
  type Reference,
} from './reference.ts';

export interface ImageRecord {
  /** sha256:<hex> of the config JSON. */
  id: string;
  /** The config JSON text exactly as hashed. */
  configJson: string;
  config: ImageConfig;
  /** ChainIDs of the image's layers, bottom first. */
  chainIds: string[];
  /** Local parent image (commit, build); empty for pulled images. */
  parent: string;
  /** Sum of the layers' sizes, bytes. */
  size: number;
  /** When the image arrived in this engine (pull, load, commit), ms. */
  added: number;
}

/** A tag or digest pointing to an image, stored by its canonical string. */
export interface RefEntry {
  ref: Reference;
  imageId: string;
}

export class ImageStore {
  private images = new Map<string, ImageRecord>();

  get(id: string): ImageRecord | undefined {
    return this.images.get(id);
  }
  has(id: string): boolean {
    return this.images.has(id);
  }
  add(img: ImageRecord): void {
    this.images.set(img.id, img);
  }
  delete(id: string): void {
    this.images.delete(id);
  }
  all(): ImageRecord[] {
    return [...this.images.values()];
  }
  children(id: string): ImageRecord[] {
    return this.all().filter((i) => i.parent === id);
  }
  /** Images whose ID starts with the hex prefix; Docker needs no minimum length. */
  byPrefix(prefix: string): ImageRecord[] {
    const hex = prefix.startsWith('sha256:') ? prefix.slice(7) : prefix;
    return this.all().filter((i) => i.id.slice(7).startsWith(hex));
  }
}

export class ReferenceStore {
  private refs = new Map<string, RefEntry>();

  set(ref: Reference, imageId: string): string | undefined {
    const key = canonicalString(ref);
    const old = this.refs.get(key)?.imageId;
    this.refs.set(key, { ref, imageId });
    return old;
  }
  get(ref: Reference): string | undefined {
    return this.refs.get(canonicalString(ref))?.imageId;
  }
  delete(ref: Reference): boolean {
    return this.refs.delete(canonicalString(ref));
  }
  /** References to an image, sorted as moby sorts them (lexically by full string). */
  refsOf(imageId: string): Reference[] {
    return [...this.refs.values()]
      .filter((e) => e.imageId === imageId)
      .map((e) => e.ref)
      .sort((a, b) => (canonicalString(a) < canonicalString(b) ? -1 : canonicalString(a) > canonicalString(b) ? 1 : 0));
  }
  tagsOf(imageId: string): Reference[] {
    return this.refsOf(imageId).filter((r) => r.tag !== undefined && r.digest === undefined);
  }
  digestsOf(imageId: string): Reference[] {
    return this.refsOf(imageId).filter((r) => r.digest !== undefined);
  }
  entries(): RefEntry[] {
    return [...this.refs.values()];
  }
}

export type ImageLookup =
  | { kind: 'ref'; ref: Reference; image: ImageRecord }
  | { kind: 'id'; image: ImageRecord };

/**
 * Finds an image as the daemon's GetImage does: a full or short ID, an ID
 * prefix, or a reference (default tag latest). Errors as Docker words them.
 */
export function lookupImage(images: ImageStore, refs: ReferenceStore, text: string): ImageLookup {
  if (text.startsWith('sha256:') && /^sha256:[a-f0-9]{64}$/.test(text)) {
    const img = images.get(text);
    if (img) return { kind: 'id', image: img };
    throw Errors.noSuchImage(text);
  }
  let ref: Reference | undefined;
  try {
    ref = withDefaultTag(parseReference(text));
  } catch (e) {
    if (!looksLikeIdPrefix(text)) throw e;
  }
  if (ref) {
    const id = refs.get(ref);
    if (id) {
      const img = images.get(id);
      if (img) return { kind: 'ref', ref, image: img };
    }
  }
  if (looksLikeIdPrefix(text)) {
    const matches = images.byPrefix(text);
    // an ambiguous prefix names no image: Docker answers as for a missing one
    if (matches.length === 1) return { kind: 'id', image: matches[0]! };
  }
  throw Errors.noSuchImage(ref ? familiarString(ref) : text);
}
