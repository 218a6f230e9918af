// `docker push`: expected texts follow fidelity/corpus/pull/03 (docker 28.2.2)
// and moby's distribution/push_v2.go for what the corpus does not record.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, type Harness } from './harness.ts';
import { layerDigest } from '../../../engine/registry/catalogue/build.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

const diffIds = (h: Harness, ref: string) =>
  ((h.daemon.inspectImage(ref).RootFS as { Layers: string[] }).Layers).map((d) => d.slice(7, 19));
const imageId = (h: Harness, ref: string) => h.daemon.inspectImage(ref).Id as string;
const DIGEST_LINE = /^(\S+): digest: (sha256:[0-9a-f]{64}) size: (\d+)$/;

describe('docker push', () => {
  it('pushes to the private registry, and a pull after rmi gives the same image back', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const [layer] = diffIds(h, 'busybox');
    await h.docker(['tag', 'busybox', '127.0.0.1:5000/mybox:v1']);
    const push = await h.docker(['push', '127.0.0.1:5000/mybox:v1']);
    const lines = push.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'The push refers to repository [127.0.0.1:5000/mybox]',
      `${layer}: Preparing`,
      `${layer}: Pushed`,
    ]);
    const [, tag, digest, size] = DIGEST_LINE.exec(lines[3]!)!;
    expect(tag).toBe('v1');
    expect({ rest: lines.slice(4), stderr: push.stderr, status: push.status }).toEqual({ rest: [''], stderr: '', status: 0 });

    // the manifest is schema2 as distribution marshals it, and its digest is of those bytes
    const remote = await h.daemon.opts.registry.resolve({ domain: '127.0.0.1:5000', path: 'mybox', tag: 'v1' });
    expect(remote.manifestDigest).toBe(digest);
    expect(remote.configJson).toBe(h.daemon.images.get(imageId(h, 'busybox'))!.configJson);
    const hub = await h.daemon.opts.registry.resolve({ domain: 'docker.io', path: 'library/busybox', tag: 'latest' });
    expect(remote.layers.map((l) => [l.digest, l.size])).toEqual(hub.layers.map((l) => [l.digest, l.size]));
    const manifest = [
      '{',
      '   "schemaVersion": 2,',
      '   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",',
      '   "config": {',
      '      "mediaType": "application/vnd.docker.container.image.v1+json",',
      `      "size": ${remote.configJson.length},`,
      `      "digest": "${imageId(h, 'busybox')}"`,
      '   },',
      '   "layers": [',
      '      {',
      '         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",',
      `         "size": ${hub.layers[0]!.size},`,
      `         "digest": "${hub.layers[0]!.digest}"`,
      '      }',
      '   ]',
      '}',
    ].join('\n');
    expect(Number(size)).toBe(manifest.length);
    expect(digest).toBe(`sha256:${createHash('sha256').update(manifest).digest('hex')}`);

    // the push keeps a digest reference, which rmi of the tag removes with it
    expect(await h.docker(['rmi', '127.0.0.1:5000/mybox:v1'])).toEqual({
      stdout: `Untagged: 127.0.0.1:5000/mybox:v1\nUntagged: 127.0.0.1:5000/mybox@${digest}\n`,
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['pull', '127.0.0.1:5000/mybox:v2'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: manifest for 127.0.0.1:5000/mybox:v2 not found: manifest unknown: manifest unknown\n',
      status: 1,
    });
    expect(await h.docker(['pull', '127.0.0.1:5000/mybox:v1'])).toEqual({
      stdout: [
        'v1: Pulling from mybox',
        `Digest: ${digest}`,
        'Status: Downloaded newer image for 127.0.0.1:5000/mybox:v1',
        '127.0.0.1:5000/mybox:v1',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect(imageId(h, '127.0.0.1:5000/mybox:v1')).toBe(imageId(h, 'busybox'));

    // with no image left, the layers come from the private registry
    await h.docker(['rmi', '-f', imageId(h, 'busybox')]);
    const again = await h.docker(['pull', 'localhost:5000/mybox:v1']);
    expect(again.stdout).toContain(`Digest: ${digest}\n`);
    expect(again.stdout).toContain(`${hub.layers[0]!.digest.slice(7, 19)}: Pull complete\n`);
    expect(h.daemon.listImages().map((i) => i.id)).toEqual([imageId(h, 'localhost:5000/mybox:v1')]);
    expect(imageId(h, 'localhost:5000/mybox:v1')).toBe(remote.configJson && `sha256:${createHash('sha256').update(remote.configJson).digest('hex')}`);
  });

  it('skips layers the repository has, mounts them from another repository, uploads new ones', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['run', '--name', 'ctr', 'busybox', 'sh', '-c', 'echo hi > /hi']);
    await h.docker(['commit', 'ctr', '127.0.0.1:5000/app:v1']);
    const [base, top] = diffIds(h, '127.0.0.1:5000/app:v1');
    const first = await h.docker(['push', '127.0.0.1:5000/app:v1']);
    expect(first.stdout.split('\n').slice(0, 5)).toEqual([
      'The push refers to repository [127.0.0.1:5000/app]',
      `${top}: Preparing`,
      `${base}: Preparing`,
      `${top}: Pushed`,
      `${base}: Pushed`,
    ]);
    // a committed layer's blob is the gzip of its tar: the DiffID it carries is that tar's
    const pushed = await h.daemon.opts.registry.resolve({ domain: '127.0.0.1:5000', path: 'app', tag: 'v1' });
    const blob = await layerDigest(pushed.layers[1]!.tree());
    expect(blob).toEqual({ digest: pushed.layers[1]!.digest, diffId: pushed.layers[1]!.diffId, size: pushed.layers[1]!.size });
    expect(blob.diffId.slice(7, 19)).toBe(top);
    expect((await h.docker(['push', '127.0.0.1:5000/app:v1'])).stdout.split('\n').slice(3, 5)).toEqual([
      `${top}: Layer already exists`,
      `${base}: Layer already exists`,
    ]);
    await h.docker(['tag', 'busybox', '127.0.0.1:5000/base']);
    expect((await h.docker(['push', '127.0.0.1:5000/base'])).stdout.split('\n').slice(0, 4)).toEqual([
      'Using default tag: latest',
      'The push refers to repository [127.0.0.1:5000/base]',
      `${base}: Preparing`,
      `${base}: Mounted from app`,
    ]);
    // -a: every tag of the repository, the layers checked once
    await h.docker(['tag', 'busybox', '127.0.0.1:5000/app:v0']);
    const all = (await h.docker(['push', '-a', '127.0.0.1:5000/app'])).stdout.split('\n');
    expect(all.filter((l) => !/^[0-9a-f]{12}: /.test(l)).map((l) => l.replace(/sha256:\S+ size: \d+/, 'D'))).toEqual([
      'The push refers to repository [127.0.0.1:5000/app]',
      'v0: digest: D',
      'v1: digest: D',
      '',
    ]);
    expect((await h.docker(['push', '-q', '127.0.0.1:5000/app:v1'])).stdout).toBe('127.0.0.1:5000/app:v1\n');
  });

  it('answers as Docker does for Docker Hub without login, unknown tags and other hosts', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const [layer] = diffIds(h, 'busybox');
    expect(await h.docker(['push', 'busybox'])).toEqual({
      stdout: [
        'Using default tag: latest',
        'The push refers to repository [docker.io/library/busybox]',
        `${layer}: Preparing`,
        '',
      ].join('\n'),
      stderr: 'denied: requested access to the resource is denied\n',
      status: 1,
    });
    expect(await h.docker(['push', 'me/app:v1'])).toEqual({
      stdout: 'The push refers to repository [docker.io/me/app]\n',
      stderr: 'An image does not exist locally with the tag: me/app\n',
      status: 1,
    });
    await h.docker(['tag', 'busybox', 'localhost:5000/app:v1']);
    expect(await h.docker(['push', 'localhost:5000/app:v2'])).toEqual({
      stdout: 'The push refers to repository [localhost:5000/app]\n',
      stderr: 'tag does not exist: localhost:5000/app:v2\n',
      status: 1,
    });
    await h.docker(['tag', 'busybox', 'registry.example.com/app']);
    expect(await h.docker(['push', '-q', 'registry.example.com/app'])).toEqual({
      stdout: '',
      stderr: 'Get "https://registry.example.com/v2/": dial tcp: lookup registry.example.com: no such host\n',
      status: 1,
    });
    expect(await h.docker(['push', `busybox@sha256:${'0'.repeat(64)}`])).toEqual({
      stdout: '',
      stderr: 'cannot push a digest reference\n',
      status: 1,
    });
    expect(await h.docker(['push', '-a', 'busybox:latest'])).toEqual({
      stdout: '',
      stderr: "tag can't be used with --all-tags/-a\n",
      status: 1,
    });
  });
});
