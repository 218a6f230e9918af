// registry:2 under docker run on a simulated host: what the daemon pushes to
// the listener's registry lands in the container's /var/lib/registry, curl
// through the listener reads it back, and the container's removal takes it.
// (Routing localhost:5000 to the listener is the host's; here the push calls
// the listener's registry directly.)
import { describe, expect, it } from 'vitest';
import { testHost } from '../../../node/test-host.ts';
import type { DaemonCore } from '../../daemon.ts';
import { pushImage } from '../../image/push.ts';
import type { Registry } from '../registry.ts';

/** The daemon with its registry calls going to `registry`. */
function pushingTo(core: DaemonCore, registry: Registry): DaemonCore {
  return Object.create(core, { opts: { value: { ...core.opts, registry } } }) as DaemonCore;
}

describe('registry:2 in a container', () => {
  it('keeps pushed images in /var/lib/registry, serves them, and loses them with the container', async () => {
    const { h, sh } = await testHost('busybox');
    expect((await sh('docker run -d -p 5001:5000 --name registry registry:2')).status).toBe(0);
    await sh('sleep 1');
    const l = h.daemon.publishedListener(5001);
    expect(l?.registry).toBeDefined();
    await sh('docker tag busybox localhost:5001/bb');
    const lines: string[] = [];
    const t0 = performance.now();
    await h.daemon.clock.runUntil(pushImage(pushingTo(h.daemon, l!.registry!), 'localhost:5001/bb', (x) => lines.push(x)));
    expect(performance.now() - t0).toBeLessThan(1000);
    const digest = /^latest: digest: (sha256:[0-9a-f]{64}) size: \d+$/.exec(lines.at(-1)!)![1]!;

    const ls = await sh('docker exec registry ls -R /var/lib/registry/docker/registry/v2/repositories');
    expect(ls.out).toContain('/var/lib/registry/docker/registry/v2/repositories/bb/_manifests/tags/latest/current:\nlink\n');
    expect(ls.out).toContain('/var/lib/registry/docker/registry/v2/repositories/bb:\n_layers\n_manifests\n_uploads\n');
    expect(await sh('docker exec registry cat /var/lib/registry/docker/registry/v2/repositories/bb/_manifests/tags/latest/current/link')).toEqual({ out: digest, status: 0 });

    // curl's view, through the listener
    const catalog = await l!.serve!('GET /v2/_catalog HTTP/1.1\r\nHost: localhost:5001\r\nUser-Agent: curl/8.5.0\r\n\r\n');
    expect(catalog.endsWith('\r\n\r\n{"repositories":["bb"]}\n')).toBe(true);
    const logs = (await sh('docker logs registry')).out;
    expect(logs).toMatch(/level=info msg="response completed" go\.version=go1\.20\.8 http\.request\.host="localhost:5001" .*http\.request\.method=PUT .*http\.request\.uri=\/v2\/bb\/manifests\/latest .*http\.response\.status=201/);
    expect(logs).toContain('"GET /v2/_catalog HTTP/1.1" 200 24 "" "curl/8.5.0"\n');

    // curl without Accept: the old client's schema 1, signed; the registry says so in its log
    const old = await l!.serve!('GET /v2/bb/manifests/latest HTTP/1.1\r\nHost: localhost:5001\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n');
    expect(old).toContain('\r\nContent-Type: application/vnd.docker.distribution.manifest.v1+prettyjws\r\n');
    const s1 = JSON.parse(old.slice(old.indexOf('\r\n\r\n') + 4)) as { schemaVersion: number; name: string; tag: string; signatures: unknown[] };
    expect(s1).toMatchObject({ schemaVersion: 1, name: 'bb', tag: 'latest' });
    expect(s1.signatures).toHaveLength(1);
    expect((await sh('docker logs registry')).out).toContain(`level=info msg="rewriting manifest ${digest} in schema1 format to support old client" go.version=go1.20.8 http.request.host="localhost:5001"`);

    // a learner deleting the tag's link: the registry no longer knows the tag
    await sh('docker exec registry rm -r /var/lib/registry/docker/registry/v2/repositories/bb/_manifests/tags/latest');
    const gone = await l!.serve!('GET /v2/bb/manifests/latest HTTP/1.1\r\nHost: localhost:5001\r\n\r\n');
    expect(gone).toMatch(/^HTTP\/1.1 404 Not Found\r\n/);

    // stopped by docker stop: Go's runtime exits 2
    await sh('docker stop registry');
    expect((await sh(`docker ps -a --format '{{.Names}} {{.Status}}'`)).out).toMatch(/^registry Exited \(2\) /);
    // a new container starts empty: the content lived in the removed one
    await sh('docker rm registry');
    await sh('docker run -d -p 5001:5000 --name registry registry:2');
    await sh('sleep 1');
    expect(await h.daemon.publishedListener(5001)!.registry!.catalog!()).toEqual([]);
  }, 30000);
});
