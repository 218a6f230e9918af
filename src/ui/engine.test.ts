import { describe, expect, it, vi } from 'vitest';
import { testHost } from '../node/test-host.ts';
import { EngineView } from './engine.svelte.ts';

const frame = () => new Promise((r) => setTimeout(r, 40));

describe("the page's view of the engine", () => {
  it('turns a burst of engine events into one update per frame, keeping the latest file changes', async () => {
    const { h, sh } = await testHost('busybox');
    const view = new EngineView(h.daemon);
    // a burst in one task: one update
    for (let i = 0; i < 100; i++) h.daemon.emit({ type: 'fs', action: 'modify', containerId: 'c', path: `/f${i}` });
    expect(view.version).toBe(0);
    await frame();
    expect(view.version).toBe(1);
    expect(view.fsChanges).toHaveLength(60);
    expect(view.fsChanges.at(-1)!.path).toBe('/f99');
    const r = await sh('docker run --name writer busybox sh -c "for i in 1 2 3 4 5 6 7 8 9 10; do echo \\$i > /tmp/f\\$i; done; rm /etc/group"');
    expect(r).toEqual({ out: '', status: 0 });
    await vi.waitFor(() => expect(view.transitions.map((x) => x.action)).toEqual(['create', 'start', 'die']));
    const paths = view.fsChanges.map((c) => `${c.action} ${c.path}`);
    expect(paths).toContain('create /tmp/f10');
    expect(paths.at(-1)).toBe('whiteout /etc/group');
    await sh('docker rm writer');
    await vi.waitFor(() => expect(view.removed.map((r) => r.name)).toEqual(['writer']));
    // once disposed, it hears nothing more
    view.dispose();
    const before = view.version;
    await sh('docker run --rm busybox true');
    await frame();
    expect(view.version).toBe(before);
  });
});
