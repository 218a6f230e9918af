import { describe, expect, it } from 'vitest';
import { parseReference, withDefaultTag } from '../image/reference.ts';
import { LayerTree } from '../layer/tree.ts';
import { HubRegistry } from './hub.ts';
import type { RemoteLayer } from './registry.ts';

const ref = (s: string) => withDefaultTag(parseReference(s));
const sha256 = async () => '0'.repeat(64);
const layer: RemoteLayer = { digest: 'sha256:' + 'a'.repeat(64), diffId: 'sha256:' + 'b'.repeat(64), size: 10, tree: () => new LayerTree() };
const manifest = { digest: 'sha256:' + 'c'.repeat(64), json: '{}', configJson: '{"os":"linux"}', layers: [layer] };
const DENIED = { kind: 'forbidden', message: 'denied: requested access to the resource is denied' };

describe('HubRegistry pushes', () => {
  it("takes a push into the logged-in account's namespace only, and serves it to anyone", async () => {
    const hub = new HubRegistry(sha256, []);
    const alice = { username: 'alice', password: 'pw' };
    await hub.authenticate(alice);
    for (const [name, auth] of [['alice/app', undefined], ['bob/app', alice], ['app', alice], ['library/app', alice]] as const) {
      const w = await hub.openPush(ref(name), auth);
      await expect(w.putBlob(layer), name).rejects.toMatchObject(DENIED);
    }
    // a password other than the account's is refused, at login and at push
    await expect(hub.authenticate({ username: 'alice', password: 'nope' })).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
    });
    await expect((await hub.openPush(ref('alice/app'), { username: 'alice', password: 'nope' })).putBlob(layer)).rejects.toMatchObject(DENIED);

    const w = await hub.openPush(ref('alice/app:v1'), alice);
    await w.putBlob(layer);
    await w.putManifest('v1', manifest);
    expect((await hub.resolve(ref('alice/app:v1'))).manifestDigest).toBe(manifest.digest);
    expect((await hub.resolve(ref(`alice/app@${manifest.digest}`))).layers).toEqual([layer]);
    expect(await hub.tags(ref('alice/app'))).toEqual(['v1']);
    await expect(hub.resolve(ref('alice/app:v2'))).rejects.toMatchObject({
      kind: 'not-found',
      message: 'manifest for alice/app:v2 not found: manifest unknown: manifest unknown',
    });
    await expect(hub.resolve(ref('alice/other'))).rejects.toMatchObject({
      message: "pull access denied for alice/other, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    });
    expect(hub.pushed.revision).toBeGreaterThan(0);
  });
});
