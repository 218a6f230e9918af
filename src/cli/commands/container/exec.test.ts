// `docker exec` goldens through the simulated host (busybox's own programs):
// texts and statuses of docker 28.2.2 (VERSIONS.md rows 5 and 6).
import { describe, expect, it } from 'vitest';
import { testHost } from '../../../node/test-host.ts';

async function host() {
  return (await testHost('busybox')).sh;
}

const OCI = 'OCI runtime exec failed: exec failed: unable to start container process';

describe('docker exec', () => {
  it('runs commands in a running container, with its env, -e, -w, -d, and their exit status', async () => {
    const sh = await host();
    await sh('docker run -d --name web -e FOO=bar busybox sleep 1000');
    expect(await sh('docker exec web echo hi')).toEqual({ out: 'hi\n', status: 0 });
    expect(await sh(`docker exec web sh -c 'echo $FOO $HOME; pwd; echo oops >&2; exit 3'`)).toEqual({ out: 'bar /root\n/\noops\n', status: 3 });
    expect(await sh(`docker exec -e FOO=baz -e NEW=1 -w /etc web sh -c 'echo $FOO $NEW; pwd'`)).toEqual({ out: 'baz 1\n/etc\n', status: 0 });
    expect(await sh('docker exec -d web sh -c "echo made > /made"')).toEqual({ out: '', status: 0 });
    expect(await sh('docker exec web cat /made')).toEqual({ out: 'made\n', status: 0 });
    expect(await sh('docker logs web')).toEqual({ out: '', status: 0 });
    expect(await sh('docker exec web nosuchcmd')).toEqual({
      out: `${OCI}: exec: "nosuchcmd": executable file not found in $PATH: unknown\r\n`,
      status: 127,
    });
    expect(await sh('docker exec web /bin/bash')).toEqual({
      out: `${OCI}: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown\r\n`,
      status: 127,
    });
    expect(await sh('docker exec -it web sh')).toEqual({ out: 'the input device is not a TTY\n', status: 1 });
    expect(await sh('docker exec -i web cat')).toEqual({ out: '', status: 0 });
  });

  it('refuses missing, paused and stopped containers', async () => {
    const sh = await host();
    expect(await sh('docker exec busybox sh')).toEqual({ out: 'Error response from daemon: No such container: busybox\n', status: 1 });
    await sh('docker run -d --name web busybox sleep 1000');
    await sh('docker pause web');
    expect(await sh('docker exec web true')).toEqual({
      out: 'Error response from daemon: Container web is paused, unpause the container before exec\n',
      status: 1,
    });
    await sh('docker unpause web');
    await sh('docker kill web');
    const id = (await sh('docker inspect -f "{{.Id}}" web')).out.trim();
    expect(await sh('docker exec web true')).toEqual({ out: `Error response from daemon: container ${id} is not running\n`, status: 1 });
    expect(await sh('docker exec web')).toMatchObject({ status: 1, out: expect.stringMatching(/^docker: 'docker exec' requires at least 2 arguments/) });
  });
});
