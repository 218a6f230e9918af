// Goldens for the container commands: tables and every error message, run
// through the simulated host (real shell and programs, deterministic ids).
import { describe, expect, it } from 'vitest';
import { createHost, type SimulatedHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';

interface Result {
  out: string;
  status: number;
}

async function host(): Promise<{ h: SimulatedHost; sh: (cmd: string) => Promise<Result> }> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const sh = async (cmd: string) => {
    let out = '';
    const w = { write: (s: string) => (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w });
    return { out, status };
  };
  await sh('docker pull -q busybox');
  return { h, sh };
}

const ID1 = '0000000000000000000000000000000000000000000000000000000000000003';

describe('container commands (goldens)', () => {
  it('ps tables: default, -a, -s, --no-trunc, -q', async () => {
    const { sh } = await host();
    const first = await sh('docker run --name first busybox echo one');
    expect(first).toEqual({ out: 'one\n', status: 0 });
    await sh('docker run -d --name second busybox sleep 1000');
    await sh('docker create --name third busybox echo three');
    await sh('sleep 2');
    expect((await sh('docker ps')).out).toBe(
      [
        'CONTAINER ID   IMAGE     COMMAND        CREATED         STATUS         PORTS     NAMES',
        '000000000000   busybox   "sleep 1000"   2 seconds ago   Up 2 seconds             second',
        '',
      ].join('\n'),
    );
    expect((await sh('docker ps -a -s')).out).toBe(
      [
        'CONTAINER ID   IMAGE     COMMAND        CREATED         STATUS                     PORTS     NAMES     SIZE',
        '000000000000   busybox   "echo three"   2 seconds ago   Created                              third     0B (virtual 4.28MB)',
        '000000000000   busybox   "sleep 1000"   2 seconds ago   Up 2 seconds                         second    0B (virtual 4.28MB)',
        '000000000000   busybox   "echo one"     2 seconds ago   Exited (0) 2 seconds ago             first     0B (virtual 4.28MB)',
        '',
      ].join('\n'),
    );
    expect((await sh('docker ps -q --no-trunc')).out).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await sh(`docker ps --format '{{.Names}}\\t{{.Status}}' -a`)).out).toBe(
      'third\tCreated\nsecond\tUp 2 seconds\nfirst\tExited (0) 2 seconds ago\n',
    );
  });

  it('lifecycle errors worded as Docker 28', async () => {
    const { sh } = await host();
    await sh('docker run -d --name web busybox sleep 1000');
    expect(await sh('docker rm web')).toEqual({
      out: 'Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n',
      status: 1,
    });
    await sh('docker pause web');
    expect(await sh('docker rm web')).toEqual({
      out: 'Error response from daemon: cannot remove container "web": container is paused and must be unpaused first\n',
      status: 1,
    });
    expect((await sh('docker pause web')).out).toMatch(/^Error response from daemon: Container [0-9a-f]{64} is already paused\n$/);
    await sh('docker unpause web');
    expect((await sh('docker unpause web')).out).toMatch(/^Error response from daemon: Container [0-9a-f]{64} is not paused\n$/);
    expect(await sh('docker run -d --name web busybox true')).toEqual({
      out: expect.stringMatching(
        /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/,
      ),
      status: 125,
    });
    expect(await sh('docker start nosuch web')).toEqual({
      out: 'Error response from daemon: No such container: nosuch\nweb\nError: failed to start containers: nosuch\n',
      status: 1,
    });
    expect(await sh('docker kill nosuch')).toEqual({
      out: 'Error response from daemon: cannot kill container: nosuch: No such container: nosuch\n',
      status: 1,
    });
    expect(await sh('docker stop -t 1 web')).toEqual({ out: 'web\n', status: 0 });
    expect((await sh('docker kill web')).out).toMatch(/^Error response from daemon: cannot kill container: web: container [0-9a-f]{64} is not running\n$/);
    expect((await sh('docker pause web')).out).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
    expect(await sh('docker rename web web')).toEqual({
      out: 'Error response from daemon: Renaming a container with the same name as its current name\nError: failed to rename container named web\n',
      status: 1,
    });
    expect(await sh('docker wait web')).toEqual({ out: '137\n', status: 0 });
  });

  it('run: exit codes 125, 126/127 and the container\'s own', async () => {
    const { sh } = await host();
    expect(await sh(`docker run busybox sh -c 'exit 3'`)).toEqual({ out: '', status: 3 });
    expect(await sh('docker run busybox nosuchcmd')).toEqual({
      out: 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
      status: 127,
    });
    expect(await sh('docker run --restart bogus busybox true')).toEqual({
      out: "docker: Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n\nRun 'docker run --help' for more information\n",
      status: 125,
    });
    expect(await sh('docker run --name x busybox true')).toEqual({
      out: "docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information\n",
      status: 125,
    });
    expect(await sh('docker run -d busybox sleep 5')).toEqual({ out: expect.stringMatching(/^[0-9a-f]{64}\n$/), status: 0 });
  });

  it("run/create errors name 'docker run' or 'docker create' in the --help hint, however reached (docker/cli withHelp)", async () => {
    const { sh } = await host();
    expect(await sh('docker container run busybox nosuchcmd')).toEqual({
      out: 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuchcmd": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
      status: 127,
    });
    expect(await sh('docker container create --restart :1 busybox')).toEqual({
      out: "docker: invalid restart policy format: no policy provided before colon\n\nRun 'docker create --help' for more information\n",
      status: 125,
    });
    expect(await sh('docker container run Busybox')).toEqual({
      out: "docker: invalid reference format: repository name (library/Busybox) must be lowercase\n\nRun 'docker run --help' for more information\n",
      status: 125,
    });
    // create returns createContainer's reference error as it is
    expect(await sh('docker container create Busybox')).toEqual({
      out: 'invalid reference format: repository name (library/Busybox) must be lowercase\n',
      status: 1,
    });
  });

  it('rm: --force reports a missing container and succeeds; names lose every leading and trailing /', async () => {
    const { sh } = await host();
    await sh('docker run --name one busybox true');
    await sh('docker run --name two busybox true');
    expect(await sh('docker rm -f nosuch')).toEqual({ out: 'Error response from daemon: No such container: nosuch\n', status: 0 });
    expect(await sh('docker rm -f /one/ nosuch')).toEqual({ out: '/one/\nError response from daemon: No such container: nosuch\n', status: 0 });
    expect(await sh(`docker rm nosuch // '' two`)).toEqual({
      out: 'two\nError response from daemon: No such container: nosuch\ncontainer name cannot be empty\ncontainer name cannot be empty\n',
      status: 1,
    });
    expect(await sh('docker rm -f /')).toEqual({ out: 'container name cannot be empty\n', status: 1 });
  });

  it('container prune --filter: until, label, label! as moby ContainersPrune; other keys refused', async () => {
    const { sh } = await host();
    await sh('docker run --label tmp=yes --name t1 busybox true');
    await sh('docker run --label tmp=no --name t2 busybox true');
    await sh('docker run --name t3 busybox true');
    await sh('docker run -d --label tmp=yes --name up busybox sleep 1000');
    const names = async () => (await sh(`docker ps -a --format '{{.Names}}'`)).out;
    expect(await sh('docker container prune -f --filter foo=bar')).toEqual({ out: "Error response from daemon: invalid filter 'foo'\n", status: 1 });
    expect(await sh('docker container prune -f --filter until=1h --filter until=2h')).toEqual({
      out: 'Error response from daemon: more than one until filter specified\n',
      status: 1,
    });
    expect(await sh('docker container prune -f --filter until=yesterday')).toEqual({
      out: 'Error response from daemon: failed to parse value as time or duration: "yesterday"\n',
      status: 1,
    });
    expect(await sh('docker container prune -f --filter until=1h')).toEqual({ out: 'Total reclaimed space: 0B\n', status: 0 });
    expect(await names()).toBe('up\nt3\nt2\nt1\n');
    expect((await sh('docker container prune -f --filter label!=tmp')).out).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
    expect(await names()).toBe('up\nt2\nt1\n');
    expect((await sh('docker container prune -f --filter label=tmp=yes --filter until=0s')).out).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\n/);
    expect(await names()).toBe('up\nt2\n');
  });

  it('ps filters as moby daemon/list.go: only status= implies -a; its errors worded as moby', async () => {
    const { sh } = await host();
    await sh(`docker run --name ex3 busybox sh -c 'exit 3'`);
    await sh('docker run -d --name up busybox sleep 1000');
    await sh('docker create --name cr busybox');
    const names = async (flags: string) => (await sh(`docker ps ${flags} --format '{{.Names}}'`)).out;
    expect(await names('-f exited=3')).toBe('');
    expect(await names('-a -f exited=3')).toBe('ex3\n');
    expect(await names('-f status=created')).toBe('cr\n');
    expect(await names('-a -f before=up')).toBe('ex3\n');
    expect(await names('-a -f since=ex3')).toBe('cr\nup\n');
    expect(await names('-a -f name=^/u')).toBe('up\n');
    expect(await names(`-a -f 'name=(?i)^EX'`)).toBe('ex3\n');
    // moby skips a pattern that does not compile: nothing matches, no error
    expect(await sh(`docker ps -a -f 'name=[' --format '{{.Names}}'`)).toEqual({ out: '', status: 0 });
    expect(await sh(`docker ps -a -f 'name=(?=u)' --format '{{.Names}}'`)).toEqual({ out: '', status: 0 });
    expect(await names('-l -n 2')).toBe('cr\nup\n');
    expect(await sh('docker ps -f status=foo')).toEqual({
      out: "Error response from daemon: invalid filter 'status=foo': invalid value for state (foo): must be one of created, running, paused, restarting, removing, exited, dead\n",
      status: 1,
    });
    expect(await sh('docker ps -f exited=x')).toEqual({
      out: `Error response from daemon: invalid filter 'exited=x': strconv.Atoi: parsing "x": invalid syntax\n`,
      status: 1,
    });
    expect(await sh('docker ps -f health=bad')).toEqual({
      out: "Error response from daemon: invalid filter 'health=bad': invalid value for health (bad): must be one of none, starting, healthy, unhealthy\n",
      status: 1,
    });
    expect(await sh('docker ps -f before=nosuch')).toEqual({ out: 'Error response from daemon: No such container: nosuch\n', status: 1 });
    expect(await sh('docker ps -f publish=80:80')).toEqual({
      out: "Error response from daemon: filter for 'publish' should not contain ':': 80:80\n",
      status: 1,
    });
    expect(await sh('docker ps -f is-task=maybe')).toEqual({ out: "Error response from daemon: invalid filter 'is-task=[maybe]'\n", status: 1 });
  });

  it("ps IMAGE column as docker/cli's ContainerContext.Image", async () => {
    const { sh } = await host();
    const id = (await sh(`docker image inspect -f '{{.Id}}' busybox`)).out.trim();
    await sh('docker run --name full docker.io/library/busybox:latest true');
    await sh(`docker run --name bare busybox true`);
    await sh(`docker run --name short ${id.slice(7, 19)} true`);
    await sh(`docker run --name long ${id} true`);
    const column = async (flags = '') => (await sh(`docker ps -a ${flags} --format '{{.Names}} {{.Image}}'`)).out;
    expect(await column()).toBe(`long ${id.slice(7, 19)}\nshort ${id.slice(7, 19)}\nbare busybox\nfull busybox:latest\n`);
    expect(await column('--no-trunc')).toBe(`long ${id}\nshort ${id.slice(7, 19)}\nbare busybox\nfull docker.io/library/busybox:latest\n`);
  });

  it('ps --format: checked once over an empty row first (failed to parse/execute template); .Size asks for sizes', async () => {
    const { sh } = await host();
    await sh('docker run -d --name up busybox sleep 1000');
    expect(await sh(`docker ps --format 'table {{.Nosuch}}'`)).toEqual({
      out: 'failed to execute template: template: :1:8: executing "" at <.Nosuch>: can\'t evaluate field Nosuch in type *formatter.ContainerContext\n',
      status: 1,
    });
    expect(await sh(`docker ps --format '{{.Nosuch}'`)).toEqual({
      out: "failed to parse template: template: :1: bad character U+007D '}'\n",
      status: 1,
    });
    // the empty row has an empty ID
    expect((await sh(`docker ps --format '{{slice .ID 0 3}}'`)).out).toMatch(/^failed to execute template: .*index out of range: 3\n$/);
    expect(await sh(`docker ps -q --format '{{.Names}}'`)).toEqual({
      out: 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n000000000000\n',
      status: 0,
    });
    expect((await sh(`docker ps --format json`)).out).toContain('"Platform":null,"Ports":"","RunningFor":"Less than a second ago","Size":"0B",');
    expect((await sh(`docker ps --format '{{json .}}'`)).out).toContain('"Size":"0B (virtual 4.28MB)"');
    expect((await sh(`docker ps --format '{{.Size}}'`)).out).toBe('0B (virtual 4.28MB)\n');
    expect((await sh(`docker ps --size=false --format '{{.Size}}'`)).out).toBe('0B\n');
    expect((await sh(`docker ps --format 'table  {{.Names}} '`)).out).toBe('NAMES\nup\n');
  });

  it('stop sends SIGTERM, waits the timeout on the virtual clock, then SIGKILL (137)', async () => {
    const { h, sh } = await host();
    await sh('docker run -d --name loop busybox sh -c "while true; do echo hello world; sleep 1; done"');
    const t0 = h.daemon.now();
    expect(await sh('docker stop loop')).toEqual({ out: 'loop\n', status: 0 });
    expect(h.daemon.now() - t0).toBeGreaterThanOrEqual(10_000);
    expect(h.daemon.now() - t0).toBeLessThan(10_100);
    await sh(`docker run -d --name trapper busybox sh -c "trap 'exit 0' TERM; while true; do sleep 1; done"`);
    expect(await sh('docker stop trapper')).toEqual({ out: 'trapper\n', status: 0 });
    expect((await sh(`docker inspect -f '{{.State.ExitCode}}' loop trapper`)).out).toBe('137\n0\n');
    expect((await sh('docker logs --tail 2 loop')).out).toBe('hello world\nhello world\n');
  });

  it('diff shows A, C and D', async () => {
    const { sh } = await host();
    await sh(`docker run --name dx busybox sh -c 'touch /tmp/a; rm /etc/group; mkdir /new'`);
    expect((await sh('docker diff dx')).out).toBe('C /etc\nD /etc/group\nA /new\nC /tmp\nA /tmp/a\n');
  });

  it('container prune: the prompt without a terminal, and -f', async () => {
    const { sh } = await host();
    await sh('docker run --name done busybox true');
    expect(await sh('docker container prune')).toEqual({
      out: 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ',
      status: 0,
    });
    expect((await sh('docker container prune -f')).out).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  });
});

void ID1;

describe('restart policies and manual stops (moby semantics)', () => {
  it('kill ends an --restart always container for good; wait returns at its exit', async () => {
    const { sh } = await host();
    await sh(`docker run -d --name flaky --restart always busybox sh -c 'sleep 1; exit 3'`);
    expect(await sh('docker wait flaky')).toEqual({ out: '3\n', status: 0 });
    await sh('sleep 0.05');
    expect((await sh(`docker inspect -f '{{.State.Status}} {{.RestartCount}}' flaky`)).out).toMatch(/^(restarting|running) [12]\n$/);
    expect((await sh('docker rm flaky')).out).toMatch(/^Error response from daemon: cannot remove container "flaky": container is (running|restarting): stop the container before removing or force remove\n$/);
    expect(await sh('docker kill flaky')).toEqual({ out: 'flaky\n', status: 0 });
    await sh('sleep 5');
    expect((await sh(`docker inspect -f '{{.State.Status}}' flaky`)).out).toBe('exited\n');
  });

  it('a manual restart keeps an --rm container; a failed start of one removes it', async () => {
    const { sh } = await host();
    await sh('docker run -d --rm --name tmp busybox sleep 100');
    expect(await sh('docker restart -t 0 tmp')).toEqual({ out: 'tmp\n', status: 0 });
    expect((await sh(`docker ps --format '{{.Names}}'`)).out).toBe('tmp\n');
    expect((await sh('docker run -d --rm --name gone busybox nosuchcmd')).status).toBe(127);
    expect((await sh(`docker ps -a --format '{{.Names}}'`)).out).toBe('tmp\n');
  });

  it('invalid signals and retry counts worded as moby', async () => {
    const { sh } = await host();
    await sh('docker run -d --name web busybox sleep 100');
    expect(await sh('docker kill -s NOSUCH web')).toEqual({
      out: 'Error response from daemon: cannot kill container: web: invalid signal: NOSUCH\n',
      status: 1,
    });
    expect((await sh('docker run --restart always:3 busybox true')).out).toContain(
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  });
});
