// Layer blobs a registry server holds, by digest. A registry keeps its index
// (repositories, tags, manifest and config JSON) in its storage directory as
// Distribution does; a layer's `data` file there stands for the blob, whose
// files this store keeps (content-addressed: the same digest is the same
// layer wherever it was pushed). Saved with the host that runs the registry.
import type { RemoteLayer } from './registry.ts';

export class BlobStore {
  private readonly blobs = new Map<string, RemoteLayer>();
  /** Bumped on every change (what the saver compares). */
  revision = 0;

  get(digest: string): RemoteLayer | undefined {
    return this.blobs.get(digest);
  }

  has(digest: string): boolean {
    return this.blobs.has(digest);
  }

  put(layer: RemoteLayer): void {
    if (this.blobs.has(layer.digest)) return;
    this.blobs.set(layer.digest, layer);
    this.revision++;
  }

  delete(digest: string): void {
    if (this.blobs.delete(digest)) this.revision++;
  }

  all(): RemoteLayer[] {
    return [...this.blobs.values()];
  }
}
