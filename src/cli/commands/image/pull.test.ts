// `docker pull`: expected texts follow fidelity/corpus/pull (docker 28.2.2).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, type Harness } from './harness.ts';
import { parseReference, withDefaultTag } from '../../../engine/image/reference.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

/** Progress lines name the layer's blob (its compressed digest), as the registry serves it. */
const layerOf = async (h: Harness, ref: string) =>
  (await h.daemon.opts.registry.resolve(withDefaultTag(parseReference(ref)))).layers[0]!.digest.slice(7, 19);
const digestOf = (h: Harness, ref: string) => (h.daemon.inspectImage(ref).RepoDigests as string[])[0]!.split('@')[1]!;

describe('docker pull', () => {
  it('pulls with the default tag, then finds the image up to date', async () => {
    const h = harness(hasher, yieldTask);
    const first = await h.docker(['pull', 'busybox']);
    const layer = await layerOf(h, 'busybox');
    const digest = digestOf(h, 'busybox');
    expect(first).toEqual({
      stdout: [
        'Using default tag: latest',
        'latest: Pulling from library/busybox',
        `${layer}: Pulling fs layer`,
        `${layer}: Verifying Checksum`,
        `${layer}: Download complete`,
        `${layer}: Pull complete`,
        `Digest: ${digest}`,
        'Status: Downloaded newer image for busybox:latest',
        'docker.io/library/busybox:latest',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['pull', 'busybox'])).toEqual({
      stdout: [
        'Using default tag: latest',
        'latest: Pulling from library/busybox',
        `Digest: ${digest}`,
        'Status: Image is up to date for busybox:latest',
        'docker.io/library/busybox:latest',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    for (const ref of ['busybox:latest', 'docker.io/library/busybox:latest']) {
      expect((await h.docker(['image', 'pull', ref])).stdout).toBe(
        [
          'latest: Pulling from library/busybox',
          `Digest: ${digest}`,
          'Status: Image is up to date for busybox:latest',
          'docker.io/library/busybox:latest',
          '',
        ].join('\n'),
      );
    }
    // a new tag of a local image downloads nothing but is "newer"
    expect((await h.docker(['pull', 'busybox:1.37'])).stdout).toBe(
      ['1.37: Pulling from library/busybox', `Digest: ${digest}`, 'Status: Downloaded newer image for busybox:1.37', 'docker.io/library/busybox:1.37', ''].join('\n'),
    );
  });

  it('prints only the reference with -q', async () => {
    const h = harness(hasher, yieldTask);
    expect(await h.docker(['pull', '-q', 'debian:bookworm-slim'])).toEqual({
      stdout: 'docker.io/library/debian:bookworm-slim\n',
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['pull', '--quiet', 'busybox'])).toEqual({ stdout: 'docker.io/library/busybox:latest\n', stderr: '', status: 0 });
  });

  it('pulls by digest', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const digest = digestOf(h, 'busybox');
    const layer = await layerOf(h, 'busybox');
    const ref = `docker.io/library/busybox@${digest}`;
    expect((await h.docker(['pull', `busybox@${digest}`])).stdout).toBe(
      [`${ref}: Pulling from library/busybox`, `Digest: ${digest}`, `Status: Image is up to date for busybox@${digest}`, ref, ''].join('\n'),
    );
    await h.docker(['rmi', 'busybox']);
    expect((await h.docker(['pull', `busybox@${digest}`])).stdout).toBe(
      [
        `${ref}: Pulling from library/busybox`,
        `${layer}: Pulling fs layer`,
        `${layer}: Verifying Checksum`,
        `${layer}: Download complete`,
        `${layer}: Pull complete`,
        `Digest: ${digest}`,
        `Status: Downloaded newer image for busybox@${digest}`,
        ref,
        '',
      ].join('\n'),
    );
    expect((await h.docker(['images', '--digests', '--format', '{{.Repository}} {{.Tag}} {{.Digest}}'])).stdout).toBe(`busybox <none> ${digest}\n`);
  });

  it('pulls every tag with -a, with one status line', async () => {
    const h = harness(hasher, yieldTask);
    const r = await h.docker(['pull', '-a', 'busybox']);
    const layer = await layerOf(h, 'busybox');
    const digest = digestOf(h, 'busybox');
    expect(r).toEqual({
      stdout: [
        '1.37: Pulling from library/busybox',
        `${layer}: Pulling fs layer`,
        `${layer}: Verifying Checksum`,
        `${layer}: Download complete`,
        `${layer}: Pull complete`,
        `Digest: ${digest}`,
        'latest: Pulling from library/busybox',
        `Digest: ${digest}`,
        'stable: Pulling from library/busybox',
        `Digest: ${digest}`,
        'Status: Downloaded newer image for busybox',
        'docker.io/library/busybox',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('busybox:1.37\nbusybox:latest\nbusybox:stable\n');
    expect((await h.docker(['pull', '--all-tags', '-q', 'busybox'])).stdout).toBe('docker.io/library/busybox\n');
    const again = await h.docker(['pull', '-a', 'busybox']);
    expect(again.stdout.split('\n').slice(-3)).toEqual(['Status: Image is up to date for busybox', 'docker.io/library/busybox', '']);
  });

  it('rejects malformed references before calling the daemon', async () => {
    const h = harness(hasher, yieldTask);
    const cases: Array<[string, string]> = [
      ['Busybox', 'invalid reference format: repository name (library/Busybox) must be lowercase'],
      ['busybox:', 'invalid reference format'],
      ['busybox:latest:v1', 'invalid reference format'],
      ['busy box', 'invalid reference format'],
      ['busybox@sha256:123', 'invalid reference format'],
      [':latest', 'invalid reference format'],
      ['busybox!', 'invalid reference format'],
      [`${'a'.repeat(64)}`, `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    ];
    for (const [ref, message] of cases) {
      expect(await h.docker(['pull', ref])).toEqual({ stdout: '', stderr: message + '\n', status: 1 });
    }
    expect(await h.docker(['image', 'pull', '-a', 'busybox:latest'])).toEqual({
      stdout: '',
      stderr: "tag can't be used with --all-tags/-a\n",
      status: 1,
    });
    expect((await h.docker(['images', '-q'])).stdout).toBe('');
  });

  it('reports the daemon errors after "Using default tag"', async () => {
    const h = harness(hasher, yieldTask);
    expect(await h.docker(['pull', 'nosuchrepo'])).toEqual({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nosuchrepo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      status: 1,
    });
    expect(await h.docker(['pull', 'busybox:nosuchtag'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: manifest for busybox:nosuchtag not found: manifest unknown: manifest unknown\n',
      status: 1,
    });
  });
});
