import { describe, expect, it } from 'vitest';
import { nodeHasher as hasher, nodeYield as yieldTask } from '../../../node/platform.ts';
import { Daemon } from '../../daemon.ts';
import { UnionFs } from '../../fs/union.ts';
import { parseReference, withDefaultTag, type Reference } from '../../image/reference.ts';
import { LayerTree } from '../../layer/tree.ts';
import { sequentialIds } from '../../platform.ts';
import { Scheduler } from '../../runtime/scheduler.ts';
import { TEST_EPOCH } from '../../testing.ts';
import { BlobStore } from '../blobs.ts';
import { HubRegistry } from '../hub.ts';
import type { Registry } from '../registry.ts';
import { FsRegistry, type Exchange } from './fs-registry.ts';

const ROOT = '/var/lib/registry';
const V2 = `${ROOT}/docker/registry/v2`;

/** A daemon whose localhost:5000 is an FsRegistry over a file system of its own. */
function setup() {
  const scheduler = new Scheduler(TEST_EPOCH, yieldTask);
  const sha256 = (d: Uint8Array | string) => scheduler.track(hasher.sha256(typeof d === 'string' ? new TextEncoder().encode(d) : d));
  const fs = new UnionFs([new LayerTree()], { clock: scheduler });
  const blobs = new BlobStore();
  const exchanges: Exchange[] = [];
  const reg = new FsRegistry({ fs, root: ROOT, blobs, now: () => scheduler.now(), onExchange: (e) => exchanges.push(e) });
  const hub = new HubRegistry(sha256);
  const pick = (r: Reference): Registry => (r.domain === 'localhost:5000' ? reg : hub);
  const registry: Registry = {
    resolve: (r) => pick(r).resolve(r),
    tags: (r) => pick(r).tags(r),
    openPush: (r, a) => pick(r).openPush(r, a),
  };
  const d = new Daemon({ scheduler, ids: sequentialIds(), hasher, registry, resolve: () => null });
  const run = <T>(p: Promise<T>) => d.clock.runUntil(p);
  const push = async (name: string) => {
    const lines: string[] = [];
    await run(d.imageService.push(name, (l) => lines.push(l)));
    return lines;
  };
  return { d, fs, blobs, reg, exchanges, run, push };
}

/** Every path under a directory, depth first in byte order (ls -R in one list). */
function tree(fs: UnionFs, dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const n of fs.readdir(dir)) {
    const p = `${dir}/${n}`;
    const rel = `${prefix}${n}`;
    if (fs.stat(p).type === 'dir') out.push(`${rel}/`, ...tree(fs, p, `${rel}/`));
    else out.push(rel);
  }
  return out;
}

const text = (fs: UnionFs, p: string) => new TextDecoder().decode(fs.readFile(p));

describe('FsRegistry', () => {
  it('stores a pushed busybox in Distribution 2.8 layout and serves it back with the same digest', async () => {
    const { d, fs, blobs, reg, run, push } = setup();
    await run(d.imageService.pull('busybox', () => {}));
    d.imageService.tag('busybox', 'localhost:5000/bb');
    const lines = await push('localhost:5000/bb');
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(lines.at(-1)!)![1]!;
    expect(lines[0]).toBe('The push refers to repository [localhost:5000/bb]');
    expect(lines).toContain(`${lines[1]!.slice(0, 12)}: Pushed`);

    const img = d.images.get(d.refs.get(withDefaultTag(parseReference('busybox')))!)!;
    const manifest = JSON.parse(text(fs, `${V2}/blobs/sha256/${digest.slice(7, 9)}/${digest.slice(7)}/data`)) as { config: { digest: string }; layers: Array<{ digest: string; size: number }> };
    const layer = manifest.layers[0]!;
    const hex = (s: string) => s.slice(7);
    expect(manifest.config.digest).toBe(img.id);
    expect(tree(fs, `${V2}`).sort()).toEqual(
      [
        'blobs/',
        'blobs/sha256/',
        ...[digest, img.id, layer.digest].flatMap((x) => [`blobs/sha256/${hex(x).slice(0, 2)}/`, `blobs/sha256/${hex(x).slice(0, 2)}/${hex(x)}/`, `blobs/sha256/${hex(x).slice(0, 2)}/${hex(x)}/data`]),
        'repositories/',
        'repositories/bb/',
        'repositories/bb/_layers/',
        'repositories/bb/_layers/sha256/',
        `repositories/bb/_layers/sha256/${hex(img.id)}/`,
        `repositories/bb/_layers/sha256/${hex(img.id)}/link`,
        `repositories/bb/_layers/sha256/${hex(layer.digest)}/`,
        `repositories/bb/_layers/sha256/${hex(layer.digest)}/link`,
        'repositories/bb/_manifests/',
        'repositories/bb/_manifests/revisions/',
        'repositories/bb/_manifests/revisions/sha256/',
        `repositories/bb/_manifests/revisions/sha256/${hex(digest)}/`,
        `repositories/bb/_manifests/revisions/sha256/${hex(digest)}/link`,
        'repositories/bb/_manifests/tags/',
        'repositories/bb/_manifests/tags/latest/',
        'repositories/bb/_manifests/tags/latest/current/',
        'repositories/bb/_manifests/tags/latest/current/link',
        'repositories/bb/_manifests/tags/latest/index/',
        'repositories/bb/_manifests/tags/latest/index/sha256/',
        `repositories/bb/_manifests/tags/latest/index/sha256/${hex(digest)}/`,
        `repositories/bb/_manifests/tags/latest/index/sha256/${hex(digest)}/link`,
        'repositories/bb/_uploads/',
      ].sort(),
    );
    // links hold the digest without a newline; the config blob is its real bytes; a layer's data has the blob's size
    expect(text(fs, `${V2}/repositories/bb/_manifests/tags/latest/current/link`)).toBe(digest);
    expect(text(fs, `${V2}/repositories/bb/_layers/sha256/${hex(layer.digest)}/link`)).toBe(layer.digest);
    expect(text(fs, `${V2}/blobs/sha256/${hex(img.id).slice(0, 2)}/${hex(img.id)}/data`)).toBe(img.configJson);
    expect(fs.stat(`${V2}/blobs/sha256/${hex(layer.digest).slice(0, 2)}/${hex(layer.digest)}/data`).size).toBe(layer.size);
    expect(blobs.has(layer.digest)).toBe(true);

    // pulled back: the same manifest digest and config, the layer's files from the blob store
    const remote = await reg.resolve(withDefaultTag(parseReference('localhost:5000/bb')));
    expect(remote.manifestDigest).toBe(digest);
    expect(remote.configJson).toBe(img.configJson);
    expect(remote.layers.map((l) => l.digest)).toEqual([layer.digest]);
    expect(remote.layers[0]!.diffId).toBe(JSON.parse(img.configJson).rootfs.diff_ids[0]);
    expect(remote.layers[0]!.tree().lookup('bin/busybox')).toBeDefined();
    expect((await reg.resolve(parseReference(`localhost:5000/bb@${digest}`))).manifestDigest).toBe(digest);
    expect(await reg.tags(parseReference('localhost:5000/bb'))).toEqual(['latest']);
    expect(await reg.catalog()).toEqual([{ path: 'bb', tags: ['latest'] }]);

    // pulled by the daemon after removing it locally
    d.imageService.remove('localhost:5000/bb', false);
    const pulled: string[] = [];
    await run(d.imageService.pull('localhost:5000/bb', (l) => pulled.push(l)));
    expect(pulled).toEqual(['latest: Pulling from bb', `Digest: ${digest}`, 'Status: Downloaded newer image for localhost:5000/bb:latest']);
  });

  it('answers manifest unknown and name unknown as registry:2 does', async () => {
    const { reg } = setup();
    await expect(reg.resolve(withDefaultTag(parseReference('localhost:5000/nosuch')))).rejects.toMatchObject({
      kind: 'not-found',
      message: 'manifest for localhost:5000/nosuch:latest not found: manifest unknown: manifest unknown',
    });
    await expect(reg.tags(parseReference('localhost:5000/nosuch'))).rejects.toMatchObject({
      message: 'repository localhost:5000/nosuch not found: name unknown: repository name not known to registry',
    });
    expect(await reg.catalog()).toEqual([]);
  });

  it('mounts a layer another repository holds, and a deleted data file is an unknown blob', async () => {
    const { d, fs, reg, run, push, exchanges } = setup();
    await run(d.imageService.pull('busybox', () => {}));
    d.imageService.tag('busybox', 'localhost:5000/one');
    d.imageService.tag('busybox', 'localhost:5000/two:v1');
    await push('localhost:5000/one');
    const lines = await push('localhost:5000/two:v1');
    expect(lines[2]).toBe(`${lines[1]!.slice(0, 12)}: Mounted from one`);
    expect(exchanges.some((e) => e.method === 'POST' && e.status === 201 && e.uri.startsWith('/v2/two/blobs/uploads/?from=one&mount=sha256%3A'))).toBe(true);
    expect(await reg.catalog()).toEqual([
      { path: 'one', tags: ['latest'] },
      { path: 'two', tags: ['v1'] },
    ]);

    const remote = await reg.resolve(parseReference('localhost:5000/two:v1'));
    const layer = remote.layers[0]!;
    const h = layer.digest.slice(7);
    fs.rm(`${V2}/blobs/sha256/${h.slice(0, 2)}/${h}/data`);
    const again = await reg.resolve(parseReference('localhost:5000/two:v1'));
    expect(() => again.layers[0]!.tree()).toThrow(expect.objectContaining({ message: 'unknown blob' }) as Error);
    expect(exchanges.at(-1)).toMatchObject({ method: 'GET', status: 404, error: { code: 'BLOB_UNKNOWN' } });
    // the config blob's link gone: the pull stops at the image configuration
    const manifest = JSON.parse(new TextDecoder().decode(reg.manifestBytes('two', again.manifestDigest)!)) as { config: { digest: string } };
    fs.rm(`${V2}/repositories/two/_layers/sha256/${manifest.config.digest.slice(7)}`, { recursive: true });
    await expect(reg.resolve(parseReference('localhost:5000/two:v1'))).rejects.toMatchObject({
      message: 'error pulling image configuration: download failed after attempts=1: unknown blob',
    });
    // the other repository still has its links
    expect((await reg.resolve(withDefaultTag(parseReference('localhost:5000/one')))).manifestDigest).toBe(again.manifestDigest);
  });
});
