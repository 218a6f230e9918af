// docker cp through the simulated host: what only a terminal shows (the
// progress line and "Successfully copied"), and the failures whose real
// output carries the recorder's temporary paths (docker/cli 28.2 cp.go,
// go-archive copy.go: PrepareArchiveCopy's ErrDirNotExists).
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';

async function host() {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const sh = async (cmd: string, tty = false) => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w, tty });
    return { out, status };
  };
  await sh('docker pull -q busybox');
  return sh;
}

describe('docker cp', () => {
  it('reports the archive size on a terminal (checked under script(1) against docker 28.2), unless -q', async () => {
    const sh = await host();
    await sh(`docker run -d --name web busybox sh -c 'echo hello > /greeting; exec sleep 1000'`);
    await sh('sleep 1');
    const out = await sh('docker cp web:/greeting /tmp/g', true);
    expect(out.status).toBe(0);
    // one 6-byte file: a header, a padded block and the two closing blocks
    expect(out.out).toBe('Successfully copied 2.05kB to /tmp/g\n');
    expect(await sh('cat /tmp/g')).toEqual({ out: 'hello\n', status: 0 });
    expect(await sh('docker cp -q web:/greeting /tmp/h', true)).toEqual({ out: '', status: 0 });
    expect(await sh('docker cp web:/greeting /tmp/i')).toEqual({ out: '', status: 0 });
    await sh('mkdir -p /tmp/d && echo a > /tmp/d/a && echo b > /tmp/d/b');
    const into = await sh('docker cp /tmp/d web:/', true);
    expect(into.out).toBe('Successfully copied 3.58kB to web:/\n');
    expect(await sh('docker exec web cat /d/a /d/b')).toEqual({ out: 'a\nb\n', status: 0 });
  });

  it('refuses a missing destination directory in the container', async () => {
    const sh = await host();
    await sh('docker run -d --name web busybox sleep 1000');
    await sh('echo hi > /tmp/f');
    expect(await sh('docker cp /tmp/f web:/nodir/')).toEqual({ out: 'no such directory\n', status: 1 });
    expect(await sh('docker cp /tmp/f web:/nodir/f')).toEqual({
      out: 'Error response from daemon: Could not find the file /nodir in container web\n',
      status: 1,
    });
    expect(await sh('docker cp /tmp web:/etc/hostname')).toEqual({ out: 'cannot copy directory\n', status: 1 });
    expect(await sh('docker cp /tmp/f web:/etc/hostname/')).toEqual({ out: 'no such directory\n', status: 1 });
    expect(await sh('docker cp /tmp/f/ web:/')).toEqual({ out: 'not a directory\n', status: 1 });
  });

  it('writes over a file, and into a directory reached through a symlink', async () => {
    const sh = await host();
    await sh(`docker run -d --name web busybox sh -c 'mkdir /real && ln -s /real /alias; exec sleep 1000'`);
    await sh('sleep 1');
    await sh('echo new > /tmp/f');
    expect(await sh('docker cp /tmp/f web:/etc/hostname')).toEqual({ out: '', status: 0 });
    expect(await sh('docker exec web cat /etc/hostname')).toEqual({ out: 'new\n', status: 0 });
    expect(await sh('docker cp /tmp/f web:/alias')).toEqual({ out: '', status: 0 });
    expect(await sh('docker exec web cat /real/f')).toEqual({ out: 'new\n', status: 0 });
  });

  it('copies a host symlink as a link, or with -L what it points to', async () => {
    const sh = await host();
    await sh('docker run -d --name web busybox sleep 1000');
    await sh('echo target > /tmp/t && ln -s /tmp/t /tmp/link');
    expect(await sh('docker cp /tmp/link web:/as-link')).toEqual({ out: '', status: 0 });
    expect((await sh('docker exec web ls -l /as-link')).out).toMatch(/^l.* \/as-link -> \/tmp\/t\n$/);
    expect(await sh('docker cp -L /tmp/link web:/as-file')).toEqual({ out: '', status: 0 });
    expect(await sh('docker exec web cat /as-file')).toEqual({ out: 'target\n', status: 0 });
    expect(await sh('docker diff web')).toEqual({ out: 'A /as-file\nA /as-link\n', status: 0 });
  });
});
