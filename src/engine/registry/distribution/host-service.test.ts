import { describe, expect, it } from 'vitest';
import { UnionFs } from '../../fs/union.ts';
import { parseReference } from '../../image/reference.ts';
import { LayerTree } from '../../layer/tree.ts';
import { BlobStore } from '../blobs.ts';
import type { RemoteLayer } from '../registry.ts';
import { hostRegistryListener } from './host-service.ts';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

describe('hostRegistryListener', () => {
  it("stores under Debian's /var/lib/docker-registry and answers HTTP on 5000, with deletion enabled", async () => {
    const fs = new UnionFs([new LayerTree()], { clock: { now: () => NOW } as never });
    const blobs = new BlobStore();
    const l = hostRegistryListener(fs, blobs, () => NOW);
    expect(l.port).toBe(5000);
    const tree = new LayerTree();
    tree.addFile('/hello', 'hi\n');
    const layer: RemoteLayer = { digest: 'sha256:' + '1'.repeat(64), diffId: 'sha256:' + '2'.repeat(64), size: 300, tree: () => tree };
    const config = '{"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:' + '2'.repeat(64) + '"]}}';
    const json = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: { digest: 'sha256:' + '3'.repeat(64), size: config.length }, layers: [{ digest: layer.digest, size: 300 }] });
    const digest = 'sha256:' + '4'.repeat(64);
    const w = await l.registry!.openPush(parseReference('127.0.0.1:5000/library/busybox:latest'));
    await w.putBlob(layer);
    await w.putManifest('latest', { digest, json, configJson: config, layers: [layer] });

    const v2 = '/var/lib/docker-registry/docker/registry/v2';
    expect(fs.readdir(`${v2}/repositories/library/busybox`)).toEqual(['_layers', '_manifests', '_uploads']);
    expect(fs.stat(`${v2}/blobs/sha256/11/${'1'.repeat(64)}/data`).size).toBe(300);
    expect(blobs.get(layer.digest)).toBe(layer);
    expect(await l.serve!('GET /v2/_catalog HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n')).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\nContent-Length: 37\r\n\r\n{"repositories":["library/busybox"]}\n',
    );
    const pulled = await l.registry!.resolve(parseReference('127.0.0.1:5000/library/busybox:latest'));
    expect(pulled.layers[0]!.tree().lookup('hello')).toBeDefined();
    // Debian's config enables deletion: the manifest goes, its tag with it
    const del = await l.serve!(`DELETE /v2/library/busybox/manifests/${digest} HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n`);
    expect(del).toBe('HTTP/1.1 202 Accepted\r\nDocker-Distribution-Api-Version: registry/2.0\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\nContent-Length: 0\r\n\r\n');
    expect(await l.serve!('GET /v2/library/nope/manifests/latest HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n')).toBe(
      'HTTP/1.1 404 Not Found\r\nContent-Type: application/json; charset=utf-8\r\nDocker-Distribution-Api-Version: registry/2.0\r\nDate: Sun, 06 Dec 2026 12:00:00 GMT\r\nContent-Length: 96\r\n\r\n{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}\n',
    );
  });

  it('answers a long path no route matches at once (no regular-expression backtracking)', async () => {
    const fs = new UnionFs([new LayerTree()], { clock: { now: () => NOW } as never });
    const l = hostRegistryListener(fs, new BlobStore(), () => NOW);
    const t0 = performance.now();
    const r = await l.serve!(`DELETE /v2/${'a'.repeat(40)}/${'b'.repeat(40)}/manifests/sha256:${'4'.repeat(64)}x HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n`);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r).toMatch(/^HTTP\/1.1 404 Not Found\r\n/);
  });
});
