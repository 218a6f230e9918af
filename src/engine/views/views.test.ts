import { describe, expect, it } from 'vitest';
import { testHost } from '../../node/test-host.ts';
import type { EngineEvent } from '../events.ts';
import { containerLayers, imageLayers, layerDir, layerFileCount, mergedDir } from './layers.ts';
import { imageGraph } from './images.ts';
import { byState, containerTokens } from './lifecycle.ts';
import { registryListing, tagDetails } from './registry.ts';
import { CATALOGUE } from '../registry/catalogue/images.ts';
import { LayerTree } from '../layer/tree.ts';

describe('layer views', () => {
  it('matches history rows to layers: empty_layer rows make none', async () => {
    const { h } = await testHost('busybox');
    const img = h.daemon.images.all()[0]!;
    const stack = imageLayers(h.daemon, img);
    expect(stack.layers.map((l) => l.chainId)).toEqual(img.chainIds);
    const steps = img.config.history;
    const empties = steps.filter((s) => s.empty_layer).length;
    expect(stack.leading.length + stack.layers.reduce((n, l) => n + l.metadata.length, 0)).toBe(empties);
    expect(stack.layers[0]!.createdBy).toBe(steps.find((s) => !s.empty_layer)!.created_by);
    expect(layerFileCount(stack.layers[0]!.tree)).toBeGreaterThan(10);
    expect(layerDir(stack.layers[0]!.tree, '/').files.map((f) => f.name)).toContain('bin');
  });

  it("shows a container's copy-up and whiteout, each entry with its layer, and reports them as fs events", async () => {
    const { h, sh } = await testHost('busybox');
    const seen: EngineEvent[] = [];
    h.daemon.events.on((e) => e.type === 'fs' && seen.push(e));
    const r = await sh(`docker run --name box busybox sh -c "echo root2 >> /etc/passwd; echo a >> /etc/passwd; rm /etc/group; echo new > /etc/new"`);
    expect(r.status).toBe(0);
    const c = [...h.daemon.containers.values()][0]!;
    const stack = containerLayers(h.daemon, c.id)!;
    const kinds = stack.layers.map((l) => l.kind);
    expect(kinds.at(-1)).toBe('rw');
    expect(kinds).toContain('init');
    const top = stack.layers.length - 1;
    const etc = mergedDir(stack.layers.map((l) => l.tree), '/etc').files;
    const passwd = etc.find((f) => f.name === 'passwd')!;
    expect(passwd.origin).toBe(top);
    expect(passwd.over).toBe(0);
    const group = etc.find((f) => f.name === 'group')!;
    expect(group.kind).toBe('whiteout');
    expect(group.hides).toBe(0);
    const created = etc.find((f) => f.name === 'new')!;
    expect(created.origin).toBe(top);
    expect(created.over).toBeUndefined();
    const hostname = etc.find((f) => f.name === 'hostname')!;
    expect(stack.layers[hostname.origin]!.kind).toBe('init');
    const fs = seen.map((e) => (e.type === 'fs' ? `${e.action} ${e.path}` : ''));
    expect(fs).toContain('copy-up /etc/passwd');
    expect(fs).toContain('whiteout /etc/group');
    expect(fs).toContain('create /etc/new');
    // two appends in one instant report once
    expect(fs.filter((l) => l === 'modify /etc/passwd').length).toBe(1);
    // a path under a file is no directory
    expect(mergedDir(stack.layers.map((l) => l.tree), '/etc/passwd')).toEqual({ files: [], total: 0 });
  });
});

describe('merged tree pages', () => {
  it('lists a large directory a page at a time, in byte order, across layers', () => {
    const lower = LayerTree.from(Array.from({ length: 5000 }, (_, i) => ({ type: 'file' as const, path: `/data/f${i}`, size: 1 })));
    const upper = LayerTree.from([
      { type: 'file', path: '/data/f10', content: 'changed' },
      { type: 'whiteout', path: '/data/f11' },
      { type: 'whiteout', path: '/data/ghost' },
      { type: 'file', path: '/data/A', content: 'new' },
    ]);
    const page = mergedDir([lower, upper], '/data', 5, true);
    expect(page.files.map((f) => f.name)).toEqual(['A', 'f0', 'f1', 'f10', 'f100']);
    expect(page.files[3]).toMatchObject({ origin: 1, over: 0, kind: 'file' });
    const all = mergedDir([lower, upper], '/data', Infinity, true);
    expect(all.total).toBe(5001);
    expect(all.files.length).toBe(5001);
    expect(all.files.find((f) => f.name === 'f11')).toMatchObject({ kind: 'whiteout', origin: 1, hides: 0 });
    expect(all.files.find((f) => f.name === 'ghost')).toBeUndefined();
    // an opaque directory hides the lower one's entries
    const opaque = LayerTree.from([{ type: 'dir', path: '/data', opaque: true }, { type: 'file', path: '/data/only', content: 'x' }]);
    expect(mergedDir([lower, opaque], '/data').files.map((f) => f.name)).toEqual(['only']);
  });
});

describe('image graph', () => {
  it('explains a dangling image by the command that moved its tag, and pins containers to images', async () => {
    const { h, sh } = await testHost('busybox');
    await sh('docker run --name first busybox touch /one');
    await sh('docker commit first mybox');
    const first = h.daemon.refs.tagsOf(h.daemon.images.all().find((i) => i.parent)!.id).length;
    expect(first).toBe(1);
    await sh('docker run --name second busybox touch /two');
    await sh('docker commit second mybox');
    const g = imageGraph(h.daemon);
    const dangling = g.images.filter((i) => i.dangling);
    expect(dangling).toHaveLength(1);
    expect(dangling[0]!.reason).toMatchObject({ ref: 'mybox:latest', by: 'commit' });
    const busybox = g.images.find((i) => i.tags.includes('busybox:latest'))!;
    expect(busybox.containers.map((c) => c.name).sort()).toEqual(["first", "second"]);
    expect(busybox.sharesWith.length).toBe(2);
    expect(g.shared.size).toBeGreaterThan(0);
    await sh('docker tag busybox mybox');
    const g2 = imageGraph(h.daemon);
    const why = g2.images.filter((i) => i.dangling).map((i) => i.reason?.by).sort();
    expect(why).toEqual(['commit', 'tag']);
  });

  it('says when a pull moved the tag', async () => {
    const { h, sh } = await testHost('busybox');
    await sh('docker run --name changed busybox touch /mine');
    await sh('docker commit changed busybox:latest');
    await sh('docker pull -q busybox');
    const dangling = imageGraph(h.daemon).images.filter((i) => i.dangling);
    expect(dangling).toHaveLength(1);
    expect(dangling[0]!.reason).toMatchObject({ ref: 'busybox:latest', by: 'pull' });
    expect(dangling[0]!.containers).toEqual([]);
  });
});

describe('lifecycle and registry', () => {
  it('puts each container on its state', async () => {
    const { h, sh } = await testHost('busybox');
    await sh('docker create --name made busybox');
    await sh('docker run -d --name up busybox sleep 100');
    await sh('docker run --name done busybox true');
    const m = byState(containerTokens(h.daemon));
    expect(m.get('created')!.map((t) => t.name)).toEqual(['made']);
    expect(m.get('running')!.map((t) => t.name)).toEqual(['up']);
    expect(m.get('exited')!.map((t) => t.name)).toEqual(['done']);
    await sh('docker pause up');
    expect(byState(containerTokens(h.daemon)).get('paused')!.map((t) => t.name)).toEqual(['up']);
  });

  it('lists the catalogue and which tags are local, with a tag manifest from the registry', async () => {
    const { h } = await testHost('busybox');
    const repos = registryListing(h.daemon, CATALOGUE);
    const busybox = repos.find((r) => r.name === 'busybox')!;
    expect(busybox.pulled).toBe(true);
    const latest = busybox.images.flatMap((i) => i.tags).find((t) => t.tag === 'latest')!;
    expect(latest.localId).toBe(h.daemon.images.all()[0]!.id);
    expect(repos.find((r) => r.name === 'ubuntu')!.pulled).toBe(false);
    const sha = (s: string) => h.daemon.sha256(s);
    const d = await tagDetails(h.daemon.opts.registry, 'busybox', 'latest', sha);
    expect('manifestDigest' in d && d.configDigest).toBe(h.daemon.images.all()[0]!.id);
    const missing = await tagDetails(h.daemon.opts.registry, 'busybox', 'nope', sha);
    expect(missing).toMatchObject({ error: expect.stringContaining('manifest unknown') });
  });
});

describe('layer sizes', () => {
  it('counts entries and bytes as the layer store does, a hard-linked file once', async () => {
    const { treeStats } = await import('./layers.ts');
    const { contentSize } = await import('../layer/store.ts');
    const tree = LayerTree.from([
      { type: 'file', path: '/a/one', content: 'hello' },
      { type: 'file', path: '/a/b/two', size: 1000 },
      { type: 'symlink', path: '/a/link', target: 'one' },
      { type: 'whiteout', path: '/gone' },
    ]);
    tree.addLink('/a/one', '/a/again');
    expect(treeStats(tree)).toEqual({ entries: tree.count(), bytes: contentSize(tree) });
    // 5 + 1000 + the symlink's target 'one': moby's directory.Size sums lstat sizes (scripts/real-docker/interop.mjs)
    expect(treeStats(tree).bytes).toBe(1008);
  });
});
