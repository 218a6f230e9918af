import { describe, expect, it } from 'vitest';
import { testHost } from '../../node/test-host.ts';
import { LayerTree } from '../layer/tree.ts';
import { LocalRegistry } from '../registry/local.ts';
import type { PushedManifest, Registry } from '../registry/registry.ts';
import { hubPushedRegistry, registryContents, serverViews, stoppedServers, TAGS_SHOWN, type ServerSource } from './registry.ts';

const hex = (c: string) => c.repeat(64);
const sha = async (s: string) => (s === '{"os":"linux"}' ? hex('f') : hex('e'));

function manifest(c: string, sizes: number[]): PushedManifest {
  const layers = sizes.map((size, i) => ({ digest: `sha256:${hex(String(i))}`, diffId: `sha256:${hex('d')}`, size, tree: () => new LayerTree() }));
  return { digest: `sha256:${hex(c)}`, json: '{}', configJson: '{"os":"linux"}', layers };
}

async function push(r: LocalRegistry, path: string, tag: string, m: PushedManifest): Promise<void> {
  const w = await r.openPush({ domain: 'localhost:5000', path, tag });
  for (const l of m.layers) await w.putBlob(l);
  await w.putManifest(tag, m);
}

describe('LocalRegistry.catalog', () => {
  it('lists repositories that have a tag, in byte order, tags sorted', async () => {
    const r = new LocalRegistry();
    expect(await r.catalog()).toEqual([]);
    await push(r, 'zeta', 'v2', manifest('a', [1]));
    await push(r, 'zeta', 'V1', manifest('a', [1]));
    await push(r, 'alice/app', 'latest', manifest('b', [2]));
    r.adoptBlob('onlyblobs', `sha256:${hex('0')}`);
    expect(await r.catalog()).toEqual([
      { path: 'alice/app', tags: ['latest'] },
      { path: 'zeta', tags: ['V1', 'v2'] },
    ]);
  });
});

describe('registryContents', () => {
  it('gives each tag its manifest digest, image ID and layers, resolved through the registry', async () => {
    const r = new LocalRegistry();
    await push(r, 'busybox', 'latest', manifest('a', [100, 20]));
    await push(r, 'busybox', 'stable', manifest('a', [100, 20]));
    const got = await registryContents(r, 'localhost:5000', sha);
    expect(got.error).toBeUndefined();
    expect(got.repos).toHaveLength(1);
    expect(got.repos[0]!.path).toBe('busybox');
    expect(got.repos[0]!.tags.map((t) => t.tag)).toEqual(['latest', 'stable']);
    expect(got.repos[0]!.tags[0]!.manifest).toEqual({
      digest: `sha256:${hex('a')}`,
      configDigest: `sha256:${hex('f')}`,
      layers: [
        { digest: `sha256:${hex('0')}`, size: 100 },
        { digest: `sha256:${hex('1')}`, size: 20 },
      ],
      size: 120,
    });
  });

  it('reads a file store without a request: resolve (which registry:2 logs) is never called', async () => {
    const config = `sha256:${hex('c')}`;
    const body = JSON.stringify({ schemaVersion: 2, config: { digest: config, size: 5 }, layers: [{ digest: `sha256:${hex('1')}`, size: 42 }] });
    const store = {
      resolve: () => Promise.reject(new Error('a request was made')),
      tags: () => Promise.reject(new Error('a request was made')),
      openPush: () => Promise.reject(new Error('a request was made')),
      catalog: async () => [{ path: 'tools', tags: ['1', 'gone', 'bad'] }],
      tagDigest: (name: string, tag: string) => (name === 'tools' && tag !== 'gone' ? `sha256:${hex(tag === '1' ? 'a' : 'b')}` : null),
      manifestBytes: (_: string, digest: string) => new TextEncoder().encode(digest === `sha256:${hex('a')}` ? body : '{not json'),
    } satisfies Registry & Record<string, unknown>;
    const got = await registryContents(store, 'localhost:5000', sha);
    expect(got.repos[0]!.tags).toEqual([
      { tag: '1', manifest: { digest: `sha256:${hex('a')}`, configDigest: config, layers: [{ digest: `sha256:${hex('1')}`, size: 42 }], size: 42 } },
      { tag: 'gone', error: 'manifest unknown' },
      { tag: 'bad', error: 'manifest invalid' },
    ]);
  });

  it('says why when the catalog cannot be read, and stops resolving after TAGS_SHOWN tags', async () => {
    const noCatalog: Registry = { resolve: () => Promise.reject(new Error('x')), tags: async () => [], openPush: () => Promise.reject(new Error('x')) };
    expect(await registryContents(noCatalog, 'localhost:5000', sha)).toEqual({ repos: [], error: 'catalog not available' });
    const failing: Registry = { ...noCatalog, catalog: () => Promise.reject(new Error('connection refused')) };
    expect(await registryContents(failing, 'localhost:5000', sha)).toEqual({ repos: [], error: 'connection refused' });

    let resolved = 0;
    const many: Registry = {
      ...noCatalog,
      catalog: async () => [{ path: 'many', tags: Array.from({ length: TAGS_SHOWN + 5 }, (_, i) => `t${i}`) }],
      resolve: async () => {
        resolved++;
        return { manifestDigest: `sha256:${hex('a')}`, configJson: '{}', layers: [] };
      },
    };
    const got = await registryContents(many, 'localhost:5000', sha);
    expect(resolved).toBe(TAGS_SHOWN);
    expect(got.repos[0]!.tags).toHaveLength(TAGS_SHOWN + 5);
    expect(got.repos[0]!.tags.at(-1)).toEqual({ tag: `t${TAGS_SHOWN + 4}` });
  });
});

describe('the servers on a host', () => {
  it('shows what a push stored: repository, tag, the digest the push printed, the image and its layer; registry:2 read without a request', async () => {
    const { h, sh } = await testHost('busybox');
    // the test host serves a registry on port 5000 (Debian's docker-registry, as the recorder's machine); registry:2 publishes 5001
    expect((await sh('docker run -d -p 5001:5000 --name registry registry:2')).status).toBe(0);
    const image = (await sh('docker image inspect -f {{.Id}} busybox')).out.trim();
    for (const port of [5000, 5001]) {
      const pushed = await sh(`docker tag busybox localhost:${port}/busybox && docker push localhost:${port}/busybox`);
      expect(pushed.status).toBe(0);
      const digest = /latest: digest: (sha256:[0-9a-f]{64})/.exec(pushed.out)![1]!;
      const logged = (await sh('docker logs registry')).out;
      const views = await serverViews(h.daemon, h.registryServers());
      expect((await sh('docker logs registry')).out).toBe(logged);
      const server = views.find((v) => v.address === `localhost:${port}`)!;
      expect(server.error).toBeUndefined();
      expect(server.repos.map((r) => [r.path, r.tags.map((t) => t.tag)])).toEqual([['busybox', ['latest']]]);
      const tag = server.repos[0]!.tags[0]!;
      expect(tag.manifest!.digest).toBe(digest);
      expect(tag.manifest!.configDigest).toBe(image);
      // busybox has one layer; the push printed its DiffID, the manifest names its compressed blob
      expect(tag.manifest!.layers).toEqual([{ digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), size: expect.any(Number) }]);
      expect(tag.manifest!.size).toBe(tag.manifest!.layers[0]!.size);
      expect(tag.manifest!.size).toBeGreaterThan(0);
    }

    const views = await serverViews(h.daemon, h.registryServers());
    expect(views.map((v) => [v.address, v.server, v.container?.name, v.container?.status, v.container?.image])).toEqual([
      ['localhost:5000', 'docker-registry', undefined, undefined, undefined],
      ['localhost:5001', 'registry', 'registry', 'running', 'registry:2'],
    ]);
    expect(stoppedServers(h.daemon, views)).toEqual([]);
    await sh('docker stop registry');
    const after = await serverViews(h.daemon, h.registryServers());
    expect(after.map((v) => v.address)).toEqual(['localhost:5000']);
    expect(stoppedServers(h.daemon, after)).toMatchObject([{ name: 'registry', status: 'exited', image: 'registry:2' }]);
    // started again, it serves what its file system kept
    await sh('docker start registry');
    const again = await serverViews(h.daemon, h.registryServers());
    expect(again.find((v) => v.address === 'localhost:5001')!.repos.map((r) => r.path)).toEqual(['busybox']);
  }, 30_000);

  it('names the container behind a server, and lists stopped registry containers only', async () => {
    const { h, sh } = await testHost('busybox');
    expect((await sh('docker create --name reg registry:2')).status).toBe(0);
    expect((await sh('docker create --name reg-full docker.io/library/registry:2.8.3')).status).toBe(0);
    await sh('docker run -d --name box busybox sleep 1000');
    await sh('docker create --name registryish busybox');
    const stopped = stoppedServers(h.daemon, []);
    expect(stopped.map((s) => [s.name, s.status, s.image])).toEqual([
      ['reg', 'created', 'registry:2'],
      ['reg-full', 'created', 'docker.io/library/registry:2.8.3'],
    ]);

    const box = [...h.daemon.containers.values()].find((c) => c.name.replace(/^\//, '') === 'box')!;
    const reg = [...h.daemon.containers.values()].find((c) => c.name.replace(/^\//, '') === 'reg')!;
    const double: ServerSource[] = [
      { address: 'localhost:5000', server: 'reg', containerId: reg.id, registry: new LocalRegistry() },
      { address: 'localhost:5001', server: 'box', containerId: box.id, registry: new LocalRegistry() },
    ];
    const views = await serverViews(h.daemon, double);
    expect(views.map((v) => [v.address, v.container?.name, v.container?.status, v.repos])).toEqual([
      ['localhost:5000', 'reg', 'created', []],
      ['localhost:5001', 'box', 'running', []],
    ]);
    // a container a server view already shows is not listed again as stopped
    expect(stoppedServers(h.daemon, views).map((s) => s.name)).toEqual(['reg-full']);
  }, 30_000);

  it("reads what learners pushed to Docker Hub from the Hub's own store", async () => {
    const { h, sh } = await testHost('busybox');
    const hubPushed = hubPushedRegistry(h.registries.hub)!;
    expect(hubPushed).toBeDefined();
    expect((await registryContents(hubPushed, 'docker.io', (s) => h.daemon.sha256(s))).repos).toEqual([]);
    const r = await sh('docker tag busybox alice/box:1 && echo pw | docker login -u alice --password-stdin && docker push alice/box:1');
    expect(r.status).toBe(0);
    const digest = /1: digest: (sha256:[0-9a-f]{64})/.exec(r.out)![1]!;
    const got = await registryContents(hubPushed, 'docker.io', (s) => h.daemon.sha256(s));
    expect(got.repos.map((x) => [x.path, x.tags.map((t) => [t.tag, t.manifest?.digest])])).toEqual([['alice/box', [['1', digest]]]]);
    expect(hubPushedRegistry(new LocalRegistry())).toBeUndefined();
  });
});
