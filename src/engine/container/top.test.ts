// docker top through the simulated host: host PIDs that agree with
// State.Pid, stay put between calls, and never repeat across containers.
import { describe, expect, it } from 'vitest';
import { testHost } from '../../node/test-host.ts';

async function host() {
  return (await testHost('busybox')).sh;
}

const rows = (out: string) => out.trim().split('\n').map((l) => l.split(/ {2,}/));

describe('docker top', () => {
  it('numbers processes as the host does: PID 1 is State.Pid, its children hang under it', async () => {
    const sh = await host();
    await sh(`docker run -d --name web busybox sh -c 'sleep 1000 & exec sleep 2000'`);
    await sh('sleep 1');
    const pid = (await sh(`docker inspect -f '{{.State.Pid}}' web`)).out.trim();
    const first = await sh('docker top web');
    expect(first.status).toBe(0);
    const t = rows(first.out);
    expect(t[0]).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    expect(t[1]!.slice(0, 2)).toEqual(['root', pid]);
    expect(t[1]![7]).toBe('sleep 2000');
    expect(t[2]![2]).toBe(pid);
    expect(t[2]![7]).toBe('sleep 1000');
    // the columns are 20 wide (docker/cli's tabwriter minwidth)
    expect(first.out.startsWith('UID                 PID                 PPID')).toBe(true);
    expect((await sh('docker top web')).out).toBe(first.out);
    await sh('docker run -d --name db busybox sleep 1000');
    const b = rows((await sh('docker top db -o pid,comm')).out);
    expect(b).toEqual([['PID', 'COMMAND'], [expect.any(String), 'sleep']]);
    const taken = new Set(t.slice(1).flatMap((r) => [r[1], r[2]]));
    expect(taken.has(b[1]![0])).toBe(false);
  });

  it('answers aux with memory figures and a tty with pts/0', async () => {
    const sh = await host();
    await sh('docker run -d -t --name web busybox sleep 1000');
    const t = rows((await sh('docker top web aux')).out);
    expect(t[0]).toEqual(['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND']);
    expect(t[1]!.slice(2)).toEqual(['0.0', '0.0', '2268', '1380', 'pts/0', 'Ss+', expect.stringMatching(/^\d\d:\d\d$/), '0:00', 'sleep 1000']);
  });
});
