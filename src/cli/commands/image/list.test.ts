// `docker images` against the test daemon; expected texts follow the
// transcripts in fidelity/corpus/images (recorded on docker 28.2.2).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, type Harness } from './harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

async function setup(...images: string[]): Promise<Harness> {
  const h = harness(hasher, yieldTask);
  for (const i of images) expect((await h.docker(['pull', '-q', i])).status).toBe(0);
  return h;
}
const idOf = (h: Harness, ref: string) => h.daemon.inspectImage(ref).Id as string;
const short = (id: string) => id.slice(7, 19);
const digestOf = (h: Harness, ref: string) => (h.daemon.inspectImage(ref).RepoDigests as string[])[0]!.split('@')[1]!;

describe('docker images', () => {
  it('lists newest first, one row per tag, under every name', async () => {
    const h = await setup('busybox', 'debian:bookworm-slim');
    const bb = short(idOf(h, 'busybox'));
    const deb = short(idOf(h, 'debian:bookworm-slim'));
    const table = [
      'REPOSITORY   TAG             IMAGE ID       CREATED          SIZE',
      `debian       bookworm-slim   ${deb}   21 minutes ago   2.5MB`,
      `busybox      latest          ${bb}   22 minutes ago   1.98MB`,
      '',
    ].join('\n');
    for (const argv of [['images'], ['image', 'ls'], ['image', 'list'], ['images', '-a'], ['images', '--format', 'table']]) {
      expect(await h.docker(argv)).toEqual({ stdout: table, stderr: '', status: 0 });
    }
    expect((await h.docker(['images', '-q'])).stdout).toBe(`${deb}\n${bb}\n`);
    expect((await h.docker(['images', '-aq'])).stdout).toBe(`${deb}\n${bb}\n`);
    expect((await h.docker(['images', 'busybox'])).stdout).toBe(
      ['REPOSITORY   TAG       IMAGE ID       CREATED          SIZE', `busybox      latest    ${bb}   22 minutes ago   1.98MB`, ''].join('\n'),
    );
  });

  it('prints full IDs with --no-trunc and the DIGEST column with --digests', async () => {
    const h = await setup('busybox');
    const id = idOf(h, 'busybox');
    const digest = digestOf(h, 'busybox');
    expect((await h.docker(['images', '--no-trunc'])).stdout).toBe(
      [
        'REPOSITORY   TAG       IMAGE ID                                                                  CREATED          SIZE',
        `busybox      latest    ${id}   22 minutes ago   1.98MB`,
        '',
      ].join('\n'),
    );
    expect((await h.docker(['images', '--digests'])).stdout).toBe(
      [
        'REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED          SIZE',
        `busybox      latest    ${digest}   ${short(id)}   22 minutes ago   1.98MB`,
        '',
      ].join('\n'),
    );
  });

  it('repeats an image for each tag (and -q repeats its ID)', async () => {
    const h = await setup('busybox');
    await h.docker(['tag', 'busybox', 'mybox']);
    await h.docker(['tag', 'busybox', 'mybox:v1']);
    await h.docker(['image', 'tag', 'busybox:latest', '127.0.0.1:5000/team/mybox:1.0']);
    const bb = short(idOf(h, 'busybox'));
    expect((await h.docker(['images'])).stdout).toBe(
      [
        'REPOSITORY                  TAG       IMAGE ID       CREATED          SIZE',
        `127.0.0.1:5000/team/mybox   1.0       ${bb}   22 minutes ago   1.98MB`,
        `busybox                     latest    ${bb}   22 minutes ago   1.98MB`,
        `mybox                       latest    ${bb}   22 minutes ago   1.98MB`,
        `mybox                       v1        ${bb}   22 minutes ago   1.98MB`,
        '',
      ].join('\n'),
    );
    expect((await h.docker(['images', '-q'])).stdout).toBe(`${bb}\n`.repeat(4));
  });

  it('formats fields, tables and json as docker/cli does', async () => {
    const h = await setup('busybox', 'debian:bookworm-slim');
    const bb = short(idOf(h, 'busybox'));
    const deb = short(idOf(h, 'debian:bookworm-slim'));
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('debian:bookworm-slim\nbusybox:latest\n');
    expect((await h.docker(['images', '--format', '{{.ID}} {{.Repository}} {{.Size}}'])).stdout).toBe(
      `${deb} debian 2.5MB\n${bb} busybox 1.98MB\n`,
    );
    expect((await h.docker(['images', '--format', 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}'])).stdout).toBe(
      ['REPOSITORY   TAG             IMAGE ID', `debian       bookworm-slim   ${deb}`, `busybox      latest          ${bb}`, ''].join('\n'),
    );
    expect((await h.docker(['images', '--format', 'json', 'busybox'])).stdout).toBe(
      `{"Containers":"N/A","CreatedAt":"2026-11-23 11:38:00 +0000 UTC","CreatedSince":"22 minutes ago","Digest":"\\u003cnone\\u003e","ID":"${bb}","Repository":"busybox","SharedSize":"N/A","Size":"1.98MB","Tag":"latest","UniqueSize":"N/A","VirtualSize":"1.984MB"}\n`,
    );
    expect((await h.docker(['images', '--format', '{{json .Repository}}'])).stdout).toBe('"debian"\n"busybox"\n');
    expect((await h.docker(['image', 'ls', '--format={{.Repository}} created {{.CreatedSince}}'])).stdout).toBe(
      'debian created 21 minutes ago\nbusybox created 22 minutes ago\n',
    );
    expect((await h.docker(['images', '--format', '{{.Digest}}'])).stdout).toBe(
      `${digestOf(h, 'debian:bookworm-slim')}\n${digestOf(h, 'busybox')}\n`,
    );
    expect(await h.docker(['images', '--format', '{{.Nosuch}}'])).toEqual({
      stdout: '',
      stderr:
        'template parsing error: template: :1:2: executing "" at <.Nosuch>: can\'t evaluate field Nosuch in type *formatter.imageContext\n',
      status: 1,
    });
    // the header row of an empty table runs over a map: unknown fields are "<no value>"
    expect((await h.docker(['images', 'nosuch', '--format', 'table {{.Nosuch}}'])).stdout).toBe('<no value>\n');
  });

  it('filters: dangling, before, since, reference, label', async () => {
    const h = await setup('busybox', 'debian:bookworm-slim');
    await h.docker(['run', '--name', 'c1', 'busybox', 'sh', '-c', 'echo 1 > /f']);
    await h.sleep(1000);
    await h.docker(['commit', 'c1', 'myimg']);
    await h.sleep(1000);
    await h.docker(['commit', '-c', 'LABEL team=red', 'c1', 'myimg']);
    const f = (...a: string[]) => h.docker(['images', ...a, '--format', '{{.Repository}}:{{.Tag}}']);
    expect((await f()).stdout).toBe('myimg:latest\n<none>:<none>\ndebian:bookworm-slim\nbusybox:latest\n');
    expect((await f('--filter', 'dangling=true')).stdout).toBe('<none>:<none>\n');
    expect((await f('-f', 'dangling=false')).stdout).toBe('myimg:latest\ndebian:bookworm-slim\nbusybox:latest\n');
    expect((await f('--filter', 'before=debian:bookworm-slim')).stdout).toBe('busybox:latest\n');
    expect((await f('--filter', 'since=debian:bookworm-slim')).stdout).toBe('myimg:latest\n<none>:<none>\n');
    expect((await f('--filter', 'reference=debian')).stdout).toBe('debian:bookworm-slim\n');
    expect((await f('--filter', 'reference=*:lates?')).stdout).toBe('myimg:latest\nbusybox:latest\n');
    expect((await f('--filter', 'label=team=red')).stdout).toBe('myimg:latest\n');
    expect((await f('--filter', 'label=team')).stdout).toBe('myimg:latest\n');
    expect(await h.docker(['images', '--filter', 'label=team=blue'])).toEqual({
      stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['images', '--filter', 'reference=busy*'])).toEqual({
      stdout: [
        'REPOSITORY   TAG       IMAGE ID       CREATED          SIZE',
        `busybox      latest    ${short(idOf(h, 'busybox'))}   22 minutes ago   1.98MB`,
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
  });

  it('hides untagged parents unless -a', async () => {
    const h = await setup('busybox');
    await h.docker(['run', '--name', 'c1', 'busybox', 'sh', '-c', 'echo 1 > /f']);
    const base = short(idOf(h, 'busybox'));
    const digest = digestOf(h, 'busybox');
    const child = short(idOf(h, (await h.docker(['commit', 'c1', 'child'])).stdout.trim()));
    await h.docker(['rm', 'c1']);
    // the parent loses its names but stays: it has a child
    expect(await h.docker(['rmi', 'busybox'])).toEqual({
      stdout: `Untagged: busybox:latest\nUntagged: busybox@${digest}\n`,
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['images', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'])).stdout).toBe(`${child} child:latest\n`);
    expect((await h.docker(['images', '-a', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'])).stdout).toBe(
      `${child} child:latest\n${base} <none>:<none>\n`,
    );
    expect((await h.docker(['images', '--filter', 'dangling=true', '-q'])).stdout).toBe('');
  });

  it('reports filter and reference errors as the daemon does', async () => {
    const h = await setup('busybox');
    expect(await h.docker(['images', '--filter', 'nosuch=1'])).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'nosuch'\n",
      status: 1,
    });
    expect(await h.docker(['images', '--filter', 'dangling=maybe'])).toEqual({
      stdout: '',
      stderr: "Error response from daemon: invalid filter 'dangling=[maybe]'\n",
      status: 1,
    });
    expect(await h.docker(['images', '--filter', 'before=nosuch'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      status: 1,
    });
    expect(await h.docker(['images', '--filter', 'reference=[x'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: syntax error in pattern\n',
      status: 1,
    });
  });

  it('hints at `docker image ls` when `docker images ls` finds nothing', async () => {
    const h = await setup('busybox');
    expect(await h.docker(['images', 'ls'])).toEqual({
      stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      stderr: '\nNo images found matching "ls": did you mean "docker image ls"?\n',
      status: 0,
    });
    expect(await h.docker(['image', 'ls', 'ls'])).toEqual({
      stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['images', 'nosuch'])).toEqual({
      stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
      stderr: '',
      status: 0,
    });
    expect(await h.docker(['image', 'ls', '-q', 'nosuch'])).toEqual({ stdout: '', stderr: '', status: 0 });
  });
});
