// moby's V2MetadataService: which compressed blob a layer (by DiffID) was
// pulled as or pushed as, and from or to which repository. Pushes use it to
// skip layers a registry already has and to mount them across repositories.
// It outlives the images: `docker rmi` does not forget it.

export interface BlobSource {
  /** Digest of the compressed blob. */
  digest: string;
  /** Blob size in bytes. */
  size: number;
  /** Full repository name: docker.io/library/busybox, 127.0.0.1:5000/mybox. */
  repository: string;
}

export class V2Metadata {
  private byDiffId = new Map<string, BlobSource[]>();

  /** Records a source, most recent first (moby tries newer associations first). */
  add(diffId: string, source: BlobSource): void {
    const list = (this.byDiffId.get(diffId) ?? []).filter(
      (s) => !(s.digest === source.digest && s.repository === source.repository),
    );
    this.byDiffId.set(diffId, [source, ...list]);
  }

  get(diffId: string): BlobSource[] {
    return this.byDiffId.get(diffId) ?? [];
  }

  /** Every association, by DiffID, most recent first (persistence). */
  entries(): Array<[diffId: string, sources: BlobSource[]]> {
    return [...this.byDiffId].map(([d, list]) => [d, list.map((s) => ({ ...s }))]);
  }
}
