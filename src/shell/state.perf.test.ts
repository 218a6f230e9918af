// Saving and restoring a large workspace stays quick: 200 images made by
// commit and 1,000 containers. The page saves after every command
// (captureChanges) and restores on reload (≤ 1 s in the browser).
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { decodeWorkspace, encodeWorkspace } from '../persist/workspaceFile.ts';
import { createHost } from './host.ts';

const platform = () => ({ ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('a large workspace', () => {
  it('captures, tracks changes and restores quickly (200 images, 1,000 containers)', async () => {
    const h = await createHost({ platform: platform() });
    const sink = { write() {} };
    const sh = (cmd: string) => h.run(cmd, { stdout: sink, stderr: sink });
    await sh('docker pull -q busybox && docker pull -q ubuntu');
    await sh("docker run --name base busybox sh -c 'echo seed > /seed'");
    for (let i = 0; i < 200; i++) {
      await sh(`docker run --name made${i} busybox sh -c 'echo ${i} > /n; echo line ${i}'`);
      await sh(`docker commit made${i} img${i}`);
    }
    for (let i = 200; i < 1000; i++) await sh(`docker create --name c${i} ubuntu true`);
    await sh("docker run -d --name live busybox sh -c 'while true; do sleep 1; done'");
    expect(h.daemon.containers.size).toBe(1002);
    expect(h.daemon.images.all().length).toBe(202);

    let t = performance.now();
    const records = h.state.captureAll();
    const captureAllMs = performance.now() - t;

    const changes: number[] = [];
    let put = 0;
    for (let i = 0; i < 21; i++) {
      await sh('docker run --rm busybox true');
      t = performance.now();
      const c = h.state.captureChanges();
      changes.push(performance.now() - t);
      put = c.put.size;
    }

    const restores: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const r = await createHost({ platform: platform(), restore: records });
      restores.push(performance.now() - t);
      expect(r.daemon.containers.size).toBe(1002);
    }

    t = performance.now();
    const file = await encodeWorkspace({ records, history: [] });
    const encodeMs = performance.now() - t;
    t = performance.now();
    await decodeWorkspace(file);
    const decodeMs = performance.now() - t;

    const report = {
      records: records.size,
      captureAllMs: +captureAllMs.toFixed(2),
      captureChangesAfterRunRmMs: +median(changes).toFixed(3),
      captureChangesMinMaxMs: [+Math.min(...changes).toFixed(3), +Math.max(...changes).toFixed(3)],
      recordsPutAfterRunRm: put,
      restoreMs: +median(restores).toFixed(2),
      fileBytes: file.length,
      encodeMs: +encodeMs.toFixed(2),
      decodeMs: +decodeMs.toFixed(2),
    };
    console.log(JSON.stringify(report));
    expect(put).toBe(1);
    expect(report.captureChangesAfterRunRmMs).toBeLessThan(20);
    expect(report.restoreMs).toBeLessThan(1000);
  }, 120_000);
});
