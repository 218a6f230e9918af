// docker logs -f with --until: moby's follow reader stops at the --until
// time (at once when it is past), and --tail picks lines before the time
// filters do (checked against dockerd: `logs -f --until 2s --tail 1` of a
// once-a-second loop prints nothing).
import { describe, expect, it } from 'vitest';
import { testHost } from '../../../node/test-host.ts';

const host = () => testHost('busybox');

describe('docker logs -f --until', () => {
  it('follows until the --until time, then returns 0 while the container runs on', async () => {
    const { h, sh } = await host();
    await sh(`docker run -d --name tick busybox sh -c 'i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done'`);
    await sh('sleep 1.5');
    const until = new Date(h.daemon.now() + 3000).toISOString();
    const r = await sh(`docker logs -f --until ${until} tick`);
    expect(r.status).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines[0]).toBe('tick 1');
    expect((await sh(`docker ps --format '{{.Names}}'`)).out).toBe('tick\n');
    expect(await sh('docker logs -f --until 1s --tail 0 tick')).toEqual({ out: '', status: 0 });
  });
});
