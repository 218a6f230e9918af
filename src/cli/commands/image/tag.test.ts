// `docker tag`: expected texts follow fidelity/corpus/tag (docker 28.2.2).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness } from './harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

describe('docker tag', () => {
  it('prints nothing, and the new names list the same image', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    for (const argv of [
      ['tag', 'busybox', 'mybox'],
      ['tag', 'busybox', 'mybox:v1'],
      ['image', 'tag', 'busybox:latest', '127.0.0.1:5000/team/mybox:1.0'],
    ]) {
      expect(await h.docker(argv)).toEqual({ stdout: '', stderr: '', status: 0 });
    }
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe(
      '127.0.0.1:5000/team/mybox:1.0\nbusybox:latest\nmybox:latest\nmybox:v1\n',
    );
  });

  it('moves a tag to the image it was last given to, and tags by ID', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['pull', '-q', 'debian:bookworm-slim']);
    await h.docker(['tag', 'busybox', 'mybox:v1']);
    await h.docker(['tag', 'debian:bookworm-slim', 'mybox:v1']);
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}} {{.Size}}'])).stdout).toBe(
      'debian:bookworm-slim 2.5MB\nmybox:v1 2.5MB\nbusybox:latest 1.98MB\n',
    );
    const id = (await h.docker(['images', '-q', 'busybox'])).stdout.trim();
    expect(await h.docker(['tag', id, 'byid:v1'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await h.docker(['images', '-q', 'byid:v1'])).stdout).toBe(`${id}\n`);
  });

  it('reports a missing source from the daemon and bad names from the client', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    expect(await h.docker(['tag', 'image', 'username/repository:tag'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: image:latest\n',
      status: 1,
    });
    expect(await h.docker(['tag', 'busybox', 'Bad:Tag'])).toEqual({
      stdout: '',
      stderr:
        'Error parsing reference: "Bad:Tag" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase\n',
      status: 1,
    });
    expect(await h.docker(['tag', 'busybox', 'my box'])).toEqual({
      stdout: '',
      stderr: 'Error parsing reference: "my box" is not a valid repository/tag: invalid reference format\n',
      status: 1,
    });
    expect(await h.docker(['tag', 'ABC', 'x'])).toEqual({
      stdout: '',
      stderr:
        'Error parsing reference: "ABC" is not a valid repository/tag: invalid reference format: repository name (library/ABC) must be lowercase\n',
      status: 1,
    });
    expect((await h.docker(['tag', 'busybox', `x@sha256:${'0'.repeat(64)}`])).stderr).toBe('refusing to create a tag with a digest reference\n');
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('busybox:latest\n');
  });
});
