// `docker history`: expected texts follow fidelity/corpus/history and commit (docker 28.2.2).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness } from './harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

const ADD = '/bin/sh -c #(nop) ADD file:97e6624b2687718d8032c0ade0365e361cedcd7dcee22f3e054b490a4c4666cc in / ';

describe('docker history', () => {
  it('shows layers newest first, <missing> below the local image, CREATED BY cut at 45 columns', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const id = h.daemon.inspectImage('busybox').Id as string;
    const short = id.slice(7, 19);
    expect(await h.docker(['history', 'busybox'])).toEqual({
      stdout: [
        'IMAGE          CREATED          CREATED BY                                      SIZE      COMMENT',
        `${short}   22 minutes ago   /bin/sh -c #(nop)  CMD ["sh"]                   0B        `,
        '<missing>      22 minutes ago   /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    ',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect((await h.docker(['history', '--no-trunc', 'busybox'])).stdout).toBe(
      [
        'IMAGE                                                                     CREATED          CREATED BY                                                                                          SIZE      COMMENT',
        `${id}   22 minutes ago   /bin/sh -c #(nop)  CMD ["sh"]                                                                       0B        `,
        `<missing>                                                                 22 minutes ago   ${ADD}   1.98MB    `,
        '',
      ].join('\n'),
    );
    expect((await h.docker(['history', '-q', 'busybox'])).stdout).toBe(`${short}\n<missing>\n`);
    expect((await h.docker(['image', 'history', '--no-trunc', '-q', 'busybox'])).stdout).toBe(`${id}\n<missing>\n`);
    expect((await h.docker(['history', '--format', '{{.ID}}: {{.CreatedBy}}', 'busybox'])).stdout).toBe(
      `${short}: /bin/sh -c #(nop)  CMD ["sh"]\n<missing>: /bin/sh -c #(nop) ADD file:97e6624b2687718d8…\n`,
    );
    expect((await h.docker(['history', '--format', 'table {{.CreatedBy}}\\t{{.Size}}', 'busybox'])).stdout).toBe(
      [
        'CREATED BY                                      SIZE',
        '/bin/sh -c #(nop)  CMD ["sh"]                   0B',
        '/bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB',
        '',
      ].join('\n'),
    );
  });

  it('prints bytes and RFC 3339 dates with -H=false, and JSON objects', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    const short = (h.daemon.inspectImage('busybox').Id as string).slice(7, 19);
    expect((await h.docker(['history', '-H=false', 'busybox'])).stdout).toBe(
      [
        'IMAGE          CREATED AT             CREATED BY                                      SIZE      COMMENT',
        `${short}   2026-11-23T11:38:00Z   /bin/sh -c #(nop)  CMD ["sh"]                   0         `,
        '<missing>      2026-11-23T11:38:00Z   /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1984008   ',
        '',
      ].join('\n'),
    );
    expect((await h.docker(['history', '--format', 'json', 'busybox'])).stdout).toBe(
      [
        `{"Comment":"","CreatedAt":"2026-11-23T11:38:00Z","CreatedBy":"/bin/sh -c #(nop)  CMD [\\"sh\\"]","CreatedSince":"22 minutes ago","ID":"${short}","Size":"0B"}`,
        '{"Comment":"","CreatedAt":"2026-11-23T11:38:00Z","CreatedBy":"/bin/sh -c #(nop) ADD file:97e6624b2687718d8…","CreatedSince":"22 minutes ago","ID":"\\u003cmissing\\u003e","Size":"1.98MB"}',
        '',
      ].join('\n'),
    );
  });

  it('shows a commit above its parent, with its comment', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['run', '--name', 'work', 'busybox', 'sh', '-c', 'echo hello > /hello.txt']);
    const id = (await h.docker(['commit', '-m', 'add hello', 'work', 'myimg:v2'])).stdout.trim();
    const base = (h.daemon.inspectImage('busybox').Id as string).slice(7, 19);
    expect((await h.docker(['history', 'myimg:v2'])).stdout).toBe(
      [
        'IMAGE          CREATED                  CREATED BY                                      SIZE      COMMENT',
        `${id.slice(7, 19)}   Less than a second ago   sh -c echo hello > /hello.txt                   6B        add hello`,
        `${base}   22 minutes ago           /bin/sh -c #(nop)  CMD ["sh"]                   0B        `,
        '<missing>      22 minutes ago           /bin/sh -c #(nop) ADD file:97e6624b2687718d8…   1.98MB    ',
        '',
      ].join('\n'),
    );
    expect((await h.docker(['history', '--format', '{{.CreatedBy}} | {{.Comment}}', 'myimg:v2'])).stdout).toBe(
      'sh -c echo hello > /hello.txt | add hello\n/bin/sh -c #(nop)  CMD ["sh"] | \n/bin/sh -c #(nop) ADD file:97e6624b2687718d8… | \n',
    );
  });

  it('reports missing images from the daemon', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    expect(await h.docker(['history', 'nosuch'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      status: 1,
    });
    expect(await h.docker(['history', 'busybox:nosuchtag'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such image: busybox:nosuchtag\n',
      status: 1,
    });
    expect((await h.docker(['history', '--format', '{{.Nosuch}}', 'busybox'])).stderr).toBe(
      'template parsing error: template: :1:2: executing "" at <.Nosuch>: can\'t evaluate field Nosuch in type *image.historyContext\n',
    );
  });
});
