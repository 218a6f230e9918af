// The images panel's read model: tags pointing to image IDs, the layers
// images share (by ChainID), dangling images and what left them so, and the
// containers standing on each image (why `docker rmi` refuses).
import type { Daemon } from '../daemon.ts';
import { familiarString } from '../image/reference.ts';
import type { DanglingReason } from '../image/service.ts';
import type { ContainerStatus } from '../container/state.ts';

export interface ImageNode {
  id: string;
  tags: string[];
  digests: string[];
  size: number;
  created: number;
  parent: string;
  /** ChainIDs bottom first. */
  chainIds: string[];
  /** How many of its layers another local image also uses. */
  sharedLayers: number;
  /** The other images it shares layers with. */
  sharesWith: string[];
  containers: Array<{ id: string; name: string; state: ContainerStatus }>;
  /** No tag and no child image: what `docker images -f dangling=true` lists. */
  dangling: boolean;
  /** No tag at all (`<none>:<none>`), dangling or an intermediate parent. */
  untagged: boolean;
  reason?: DanglingReason;
}

export interface ImageGraph {
  images: ImageNode[];
  /** Layers used by more than one image: ChainID → image IDs. */
  shared: Map<string, string[]>;
}

/** Every local image, newest first, with its tags, shared layers and containers. */
export function imageGraph(daemon: Daemon): ImageGraph {
  const all = daemon.images.all();
  const users = new Map<string, string[]>();
  for (const img of all) for (const c of new Set(img.chainIds)) {
    const list = users.get(c);
    if (list) list.push(img.id);
    else users.set(c, [img.id]);
  }
  const shared = new Map([...users].filter(([, ids]) => ids.length > 1));
  const byImage = new Map<string, ImageNode['containers']>();
  for (const c of daemon.containers.values()) {
    const list = byImage.get(c.image) ?? [];
    list.push({ id: c.id, name: c.name, state: c.removing ? 'removing' : c.state.Status });
    byImage.set(c.image, list);
  }
  const parents = new Set(all.map((i) => i.parent).filter((p) => p !== ''));
  const reasons = daemon.imageService.danglingReasons;
  const images = all.map((img): ImageNode => {
    const tags = daemon.refs.tagsOf(img.id).map(familiarString);
    const digests = daemon.refs.digestsOf(img.id).map(familiarString);
    const sharesWith = new Set<string>();
    let sharedLayers = 0;
    for (const c of img.chainIds) {
      const ids = shared.get(c);
      if (!ids) continue;
      sharedLayers++;
      for (const id of ids) if (id !== img.id) sharesWith.add(id);
    }
    const untagged = tags.length === 0;
    const reason = untagged ? reasons.get(img.id) : undefined;
    return {
      id: img.id,
      tags,
      digests,
      size: img.size,
      created: Date.parse(img.config.created),
      parent: img.parent,
      chainIds: img.chainIds,
      sharedLayers,
      sharesWith: [...sharesWith],
      containers: byImage.get(img.id) ?? [],
      dangling: untagged && !parents.has(img.id),
      untagged,
      ...(reason ? { reason } : {}),
    };
  });
  images.sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
  return { images, shared };
}
