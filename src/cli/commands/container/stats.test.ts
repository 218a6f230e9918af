// docker stats through the simulated host: the streaming frames (bytes as
// docker 28.2 writes them, seen with and without a terminal: the frame,
// then its lines again with ` ESC[K`, then ESC[J), Ctrl-C, and figures that
// move with what the container does.
import { describe, expect, it } from 'vitest';
import { createHost, type SimulatedHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';

async function host(): Promise<{ h: SimulatedHost; sh: (cmd: string) => Promise<{ out: string; status: number }>; start: (cmd: string) => { out: () => string; done: Promise<number> } }> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const start = (cmd: string) => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    return { out: () => out, done: h.run(cmd, { stdout: w, stderr: w }) };
  };
  const sh = async (cmd: string) => {
    const r = start(cmd);
    const status = await r.done;
    return { out: r.out(), status };
  };
  await sh('docker pull -q busybox');
  return { h, sh, start };
}

const meanwhile = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('docker stats', () => {
  it('redraws every second until Ctrl-C, in docker 28.2 frames', async () => {
    const { h, sh, start } = await host();
    await sh('docker run -d --name web busybox sleep 1000');
    const run = start(`docker stats --format '{{.Name}} {{.PIDs}}' web`);
    await meanwhile();
    h.interrupt();
    expect(await run.done).toBe(130);
    const frame = '\x1b[Hweb 1\n\x1b[Hweb 1 \x1b[K\n \x1b[K\n\x1b[J';
    const out = run.out();
    expect(out.length).toBeGreaterThan(frame.length);
    expect(out.split(frame).join('')).toBe('');
    expect(await sh('echo next')).toEqual({ out: 'next\n', status: 0 });
    // no refresh timer of stats is left behind
    await sh('docker rm -f web');
    expect(h.daemon.clock.pendingTimers).toBe(0);
  });

  it('draws a table frame with the header, and ends at once when nothing runs', async () => {
    const { sh } = await host();
    const r = await sh('docker stats');
    const head = 'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O   BLOCK I/O   PIDS';
    expect(r).toEqual({ out: `\x1b[H${head}\n\x1b[H${head} \x1b[K\n \x1b[K\n\x1b[J`, status: 0 });
  });

  it('counts memory from the processes and the files written, CPU from what the container does', async () => {
    const { sh } = await host();
    await sh('docker run -d --name web busybox sleep 1000');
    const read = async (f: string) => (await sh(`docker stats --no-stream --format '${f}' web`)).out.trim();
    expect(await read('{{.MemUsage}} {{.PIDs}} {{.CPUPerc}}')).toBe('224KiB / 3.828GiB 1 0.00%');
    await sh(`docker exec web sh -c 'i=0; while [ $i -lt 300 ]; do echo 0123456789012345678901234567890123456789 >> /big; i=$((i+1)); done'`);
    // 300 lines of 41 bytes: 12,300 bytes, four pages written
    expect(await read('{{.MemUsage}} {{.BlockIO}}')).toBe('236KiB / 3.828GiB 0B / 16.4kB');
    await sh(`docker run -d --name busy busybox sh -c 'while true; do ls / > /dev/null; sleep 0.1; done'`);
    const cpu = parseFloat((await sh(`docker stats --no-stream --format '{{.CPUPerc}}' busy`)).out);
    expect(cpu).toBeGreaterThan(1);
    expect(cpu).toBeLessThan(200);
  });
});
