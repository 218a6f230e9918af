import { describe, expect, it } from 'vitest';
import { parseReference, withDefaultTag } from '../image/reference.ts';
import { LayerTree } from '../layer/tree.ts';
import { HubRegistry } from './hub.ts';
import { LocalRegistry } from './local.ts';
import { defaultRegistries } from './router.ts';
import type { RemoteLayer } from './registry.ts';

const ref = (s: string) => withDefaultTag(parseReference(s));
const sha256 = async () => '0'.repeat(64);
const layer: RemoteLayer = { digest: 'sha256:' + 'a'.repeat(64), diffId: 'sha256:' + 'b'.repeat(64), size: 10, tree: () => new LayerTree() };
const manifest = { digest: 'sha256:' + 'c'.repeat(64), json: '{}', configJson: '{"os":"linux"}', layers: [layer] };

describe('LocalRegistry', () => {
  it('starts empty and answers as registry:2 does', async () => {
    const r = new LocalRegistry();
    await expect(r.resolve(ref('127.0.0.1:5000/nosuch'))).rejects.toMatchObject({
      kind: 'not-found',
      message: 'manifest for 127.0.0.1:5000/nosuch:latest not found: manifest unknown: manifest unknown',
    });
    await expect(r.resolve(ref(`127.0.0.1:5000/nosuch@${manifest.digest}`))).rejects.toMatchObject({
      message: `manifest for 127.0.0.1:5000/nosuch@${manifest.digest} not found: manifest unknown: manifest unknown`,
    });
    await expect(r.tags(ref('localhost:5000/nosuch'))).rejects.toMatchObject({
      message: 'repository localhost:5000/nosuch not found: name unknown: repository name not known to registry',
    });
  });

  it('serves what is pushed, by tag and by digest, and mounts blobs across repositories', async () => {
    const r = new LocalRegistry();
    const w = await r.openPush(ref('127.0.0.1:5000/mybox:v1'));
    expect(await w.hasBlob(layer.digest)).toBe(false);
    await w.putBlob(layer);
    expect(await w.hasBlob(layer.digest)).toBe(true);
    await w.putManifest('v1', manifest);
    expect(await r.resolve(ref('127.0.0.1:5000/mybox:v1'))).toEqual({
      manifestDigest: manifest.digest,
      configJson: manifest.configJson,
      layers: [layer],
    });
    expect((await r.resolve(ref(`127.0.0.1:5000/mybox@${manifest.digest}`))).manifestDigest).toBe(manifest.digest);
    await expect(r.resolve(ref('127.0.0.1:5000/mybox:v2'))).rejects.toMatchObject({ kind: 'not-found' });
    expect(await r.tags(ref('127.0.0.1:5000/mybox'))).toEqual(['v1']);
    // a manifest is reachable only through the repositories that hold it
    await expect(r.resolve(ref(`127.0.0.1:5000/other@${manifest.digest}`))).rejects.toMatchObject({ kind: 'not-found' });
    const other = await r.openPush(ref('127.0.0.1:5000/other'));
    expect(await other.hasBlob(layer.digest)).toBe(false);
    expect(await other.mountBlob(layer.digest, 'nosuch')).toBe(false);
    expect(await other.mountBlob(layer.digest, 'mybox')).toBe(true);
    expect(await other.hasBlob(layer.digest)).toBe(true);
  });
});

describe('defaultRegistries', () => {
  it('routes by host: the Hub, one private registry under both loopback names, nothing else', async () => {
    const r = defaultRegistries(sha256, new HubRegistry(sha256, []));
    const w = await r.openPush(ref('127.0.0.1:5000/mybox:v1'));
    await w.putBlob(layer);
    await w.putManifest('v1', manifest);
    expect((await r.resolve(ref('localhost:5000/mybox:v1'))).manifestDigest).toBe(manifest.digest);
    await expect(r.resolve(ref('busybox'))).rejects.toMatchObject({ message: expect.stringMatching(/^pull access denied for busybox/) });
    await expect(r.resolve(ref('registry.example.com/app'))).rejects.toMatchObject({
      message: 'Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com: no such host',
    });
    // as recorded on the real engine: loopback is an insecure registry, tried over HTTP last
    await expect(r.openPush(ref('localhost:5001/app'))).rejects.toMatchObject({
      message: 'Get "http://localhost:5001/v2/": dial tcp 127.0.0.1:5001: connect: connection refused',
    });
  });

  it('refuses pushes to Docker Hub as it refuses a client that is not logged in', async () => {
    const r = defaultRegistries(sha256, new HubRegistry(sha256, []));
    const w = await r.openPush(ref('busybox'));
    await expect(w.hasBlob(layer.digest)).rejects.toMatchObject({
      kind: 'forbidden',
      message: 'denied: requested access to the resource is denied',
    });
    await expect(w.putBlob(layer)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
