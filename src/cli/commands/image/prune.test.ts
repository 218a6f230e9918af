// `docker image prune`: expected texts follow fidelity/corpus/prune (docker 28.2.2).
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
    digest: (i.RepoDigests as string[])[0]!.split('@')[1]!,
    layer: (i.RootFS as { Layers: string[] }).Layers[0]!,
  };
}

describe('docker image prune', () => {
  it('asks first; without a terminal the answer is no', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    expect(await h.docker(['image', 'prune'])).toEqual({
      stdout: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['image', 'prune', '-a'])).toEqual({
      stdout:
        'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['image', 'prune', '-a'], { stdin: 'n\n' })).toEqual({
      stdout:
        'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['images', '-q'])).stdout).not.toBe('');
    const yes = await h.docker(['image', 'prune', '-a'], { stdin: 'y\n' });
    expect(yes.stdout).toMatch(/^WARNING! .*\nAre you sure you want to continue\? \[y\/N\] Deleted Images:\nuntagged: busybox:latest\n/);
    expect((await h.docker(['images', '-q'])).stdout).toBe('');
  });

  it('removes dangling images with -f, then everything unused with -a', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['pull', '-q', 'debian:bookworm-slim']);
    await h.docker(['run', '--name', 'keep', 'busybox', 'sh', '-c', 'echo 1 > /f']);
    await h.sleep(1000);
    const first = (await h.docker(['commit', 'keep', 'myimg'])).stdout.trim();
    await h.sleep(1000);
    await h.docker(['commit', 'keep', 'myimg']);
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe(
      'myimg:latest\n<none>:<none>\ndebian:bookworm-slim\nbusybox:latest\n',
    );
    // the dangling image shares its layers with myimg: nothing reclaimed
    expect(await h.docker(['image', 'prune', '-f'])).toEqual({
      stdout: `Deleted Images:\ndeleted: ${first}\n\nTotal reclaimed space: 0B\n`,
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['image', 'prune', '-f'])).toEqual({ stdout: 'Total reclaimed space: 0B\n', stderr: '', status: 0 });
    await h.docker(['rm', 'keep']);
    await h.docker(['rmi', 'myimg']);
    await h.docker(['create', '--name', 'holder', 'busybox']);
    const deb = facts(h, 'debian:bookworm-slim');
    expect(await h.docker(['image', 'prune', '-af'])).toEqual({
      stdout: [
        'Deleted Images:',
        'untagged: debian:bookworm-slim',
        `untagged: debian@${deb.digest}`,
        `deleted: ${deb.id}`,
        `deleted: ${deb.layer}`,
        '',
        'Total reclaimed space: 2.5MB',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('busybox:latest\n');
    await h.docker(['rm', 'holder']);
    const bb = facts(h, 'busybox');
    expect((await h.docker(['image', 'prune', '--all', '--force'])).stdout).toBe(
      [
        'Deleted Images:',
        'untagged: busybox:latest',
        `untagged: busybox@${bb.digest}`,
        `deleted: ${bb.id}`,
        `deleted: ${bb.layer}`,
        '',
        'Total reclaimed space: 1.984MB',
        '',
      ].join('\n'),
    );
  });

  it('checks its filters after the question', async () => {
    const h = harness(hasher, yieldTask);
    expect(await h.docker(['image', 'prune', '-f', '--filter', 'nosuch=1'])).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'nosuch'\n",
      status: 1,
    });
    expect(await h.docker(['image', 'prune', '--filter', 'nosuch=1'])).toEqual({
      stdout: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
      status: 0,
    });
  });
});
