// Health checks across a save and restore: the log and the configuration
// come back, and a restored running container is checked again from
// "starting", as moby's daemon does for the containers it restores.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { StateError } from '../engine/state/index.ts';
import { createHost, type SimulatedHost } from './host.ts';

const platform = () => ({ ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() });

function shell(h: SimulatedHost) {
  return async (cmd: string): Promise<string> => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w });
    return `${out}[${status}]`;
  };
}

describe('health checks in a saved workspace', () => {
  it('keep their log; a restored running container is checked again from starting', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run -d --name web --health-cmd 'echo ok' --health-interval 1s busybox sleep 1000");
    await sh1("docker run -d --name sick --health-cmd 'exit 1' --health-interval 1s --health-retries 1 busybox sleep 1000 && docker stop -t 0 sick");
    await sh1('sleep 2.5');
    expect(await sh1("docker ps -a --format '{{.Names}} {{.Status}}'")).toMatch(/^sick Exited \(137\) 2 seconds ago\nweb Up 2 seconds \(healthy\)\n/);
    const saved = await sh1("docker inspect --format '{{json .State.Health}}' web sick");
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll() });
    const sh2 = shell(h2);
    expect(await sh2("docker inspect --format '{{json .State.Health}}' sick")).toBe(saved.split('\n')[1] + '\n[0]');
    const web = JSON.parse(await sh2("docker inspect --format '{{json .State.Health}}' web").then((s) => s.replace(/\n\[0\]$/, '')));
    expect(web.Status).toBe('starting');
    expect(web.Log).toEqual(JSON.parse(saved.split('\n')[0]!).Log);
    expect(await sh2("docker ps --format '{{.Names}} {{.Status}}'")).toBe('web Up 2 seconds (health: starting)\n[0]');
    await sh2('sleep 1.5');
    expect(await sh2("docker inspect --format '{{.State.Health.Status}} {{len .State.Health.Log}}' web")).toBe('healthy 3\n[0]');
  }, 30_000);

  it('of a paused container stay as saved until unpause', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run -d --name sick --health-cmd 'exit 1' --health-interval 1s --health-retries 5 busybox sleep 1000 && sleep 2.5 && docker pause sick");
    const saved = await sh1("docker inspect --format '{{json .State.Health}}' sick");
    expect(saved).toMatch(/^\{"Status":"unhealthy","FailingStreak":2,/);
    const h2 = await createHost({ platform: platform(), restore: h1.state.captureAll() });
    const sh2 = shell(h2);
    await sh2('sleep 3');
    expect(await sh2("docker inspect --format '{{json .State.Health}}' sick")).toBe(saved);
    // moby marks a paused container unhealthy and does not reset it on unpause: one more failure counts on
    await sh2('docker unpause sick && sleep 1.5');
    expect(await sh2("docker inspect --format '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' sick")).toBe('unhealthy 3\n[0]');
  }, 30_000);

  it('refuse a damaged health state', async () => {
    const h1 = await createHost({ platform: platform() });
    const sh1 = shell(h1);
    await sh1('docker pull -q busybox');
    await sh1("docker run -d --name web --health-cmd 'echo ok' --health-interval 1s busybox sleep 1000 && sleep 1.5");
    const records = h1.state.captureAll();
    let damaged = 0;
    for (const [key, value] of records as Map<string, unknown>) {
      const rec = (value as { record?: { state?: { Health?: { Log: unknown } } } }).record;
      if (key.startsWith('container') && rec?.state?.Health) {
        rec.state.Health.Log = [{ Start: 'yesterday' }];
        damaged++;
      }
    }
    expect(damaged).toBe(1);
    await expect(createHost({ platform: platform(), restore: records })).rejects.toThrow(StateError);
  }, 30_000);
});
