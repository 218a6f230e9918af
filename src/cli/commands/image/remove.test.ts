// `docker rmi`: expected texts follow fidelity/corpus/rmi (docker 28.2.2).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, type Harness } from './harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

function facts(h: Harness, ref: string) {
  const i = h.daemon.inspectImage(ref);
  return {
    id: i.Id as string,
    short: (i.Id as string).slice(7, 19),
    digest: (i.RepoDigests as string[])[0]!.split('@')[1]!,
    layer: (i.RootFS as { Layers: string[] }).Layers[0]!,
  };
}

describe('docker rmi', () => {
  it('untags, then deletes the image and its layers', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['pull', '-q', 'debian:bookworm-slim']);
    const bb = facts(h, 'busybox');
    const deb = facts(h, 'debian:bookworm-slim');
    await h.docker(['tag', 'busybox', 'one:v1']);
    await h.docker(['tag', 'busybox', 'two:v1']);
    expect(await h.docker(['image', 'rm', 'one:v1'])).toEqual({ stdout: 'Untagged: one:v1\n', stderr: '', status: 0 });
    expect(await h.docker(['image', 'remove', 'two:v1'])).toEqual({ stdout: 'Untagged: two:v1\n', stderr: '', status: 0 });
    expect(await h.docker(['rmi', 'nosuch'])).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: nosuch:latest\n', status: 1 });
    expect(await h.docker(['rmi', 'debian:bookworm-slim', 'busybox'])).toEqual({
      stdout: [
        'Untagged: debian:bookworm-slim',
        `Untagged: debian@${deb.digest}`,
        `Deleted: ${deb.id}`,
        `Deleted: ${deb.layer}`,
        'Untagged: busybox:latest',
        `Untagged: busybox@${bb.digest}`,
        `Deleted: ${bb.id}`,
        `Deleted: ${bb.layer}`,
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['images'])).stdout).toBe('REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  });

  it('refuses images that containers use, and -f only untags a used image', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const bb = facts(h, 'busybox');
    await h.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', '1000']);
    const c = h.daemon.container('web').id.slice(0, 12);
    expect(await h.docker(['rmi', 'busybox'])).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to remove repository reference "busybox" (must force) - container ${c} is using its referenced image ${bb.short}\n`,
      status: 1,
    });
    for (const argv of [['rmi', bb.short], ['rmi', '-f', bb.short]]) {
      expect(await h.docker(argv)).toEqual({
        stdout: '',
        stderr: `Error response from daemon: conflict: unable to delete ${bb.short} (cannot be forced) - image is being used by running container ${c}\n`,
        status: 1,
      });
    }
    expect(await h.docker(['rmi', '-f', 'busybox'])).toEqual({
      stdout: `Untagged: busybox:latest\nUntagged: busybox@${bb.digest}\n`,
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['images', '--format', '{{.Repository}} {{.Tag}} {{.ID}}'])).stdout).toBe(`<none> <none> ${bb.short}\n`);
    await h.docker(['rm', '-f', 'web']);
    expect(await h.docker(['rmi', bb.short])).toEqual({
      stdout: `Deleted: ${bb.id}\nDeleted: ${bb.layer}\n`,
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['rmi', bb.short])).toEqual({
      stdout: '',
      stderr: `Error response from daemon: No such image: ${bb.short}:latest\n`,
      status: 1,
    });
  });

  it('needs -f for an ID with several names', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const bb = facts(h, 'busybox');
    await h.docker(['tag', 'busybox', 'mybox:v1']);
    await h.docker(['tag', 'busybox', 'mybox:v2']);
    expect(await h.docker(['rmi', bb.short])).toEqual({
      stdout: '',
      stderr: `Error response from daemon: conflict: unable to delete ${bb.short} (must be forced) - image is referenced in multiple repositories\n`,
      status: 1,
    });
    expect(await h.docker(['rmi', '-f', bb.short])).toEqual({
      stdout: [
        'Untagged: busybox:latest',
        `Untagged: busybox@${bb.digest}`,
        'Untagged: mybox:v1',
        'Untagged: mybox:v2',
        `Deleted: ${bb.id}`,
        `Deleted: ${bb.layer}`,
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
  });

  it('goes on after a failed argument; -f hides only "not found" failures', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const bb = facts(h, 'busybox');
    await h.docker(['run', '--name', 'web', 'busybox', 'true']);
    expect(await h.docker(['rmi', 'web'])).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: web:latest\n', status: 1 });
    expect(await h.docker(['image', 'rm', '-f', 'nosuch'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      status: 0,
    });
    expect(await h.docker(['rmi', 'nosuch', 'Bad Name', 'busybox:nosuch'])).toEqual({
      stdout: '',
      stderr: [
        'Error response from daemon: No such image: nosuch:latest',
        'Error response from daemon: invalid reference format',
        'Error response from daemon: No such image: busybox:nosuch',
        '',
      ].join('\n'),
      status: 1,
    });
    expect(await h.docker(['rmi', '-f', 'busybox', 'nosuch'])).toEqual({
      stdout: `Untagged: busybox:latest\nUntagged: busybox@${bb.digest}\nDeleted: ${bb.id}\n`,
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      status: 0,
    });
  });

  it('keeps untagged parents with --no-prune', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const bb = facts(h, 'busybox');
    await h.docker(['run', '--name', 'c1', 'busybox', 'sh', '-c', 'echo 1 > /f']);
    const child = (await h.docker(['commit', 'c1', 'child'])).stdout.trim();
    await h.docker(['rm', 'c1']);
    await h.docker(['rmi', 'busybox']);
    const r = await h.docker(['rmi', '--no-prune', 'child']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Untagged: child:latest', `Deleted: ${child}`]);
    expect((await h.docker(['images', '-a', '-q'])).stdout).toBe(`${bb.short}\n`);
  });
});
