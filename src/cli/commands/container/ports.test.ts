// The PORTS column: a running container's exposed ports (docker/cli's
// DisplayablePorts groups consecutive ones of a protocol into a range).
import { describe, expect, it } from 'vitest';
import { containerRows } from './ps-format.ts';
import { testHost } from '../../../node/test-host.ts';
import type { ContainerSummary } from '../../../engine/daemon.ts';

const summary = (ports: ContainerSummary['ports']): ContainerSummary => ({
  id: 'a'.repeat(64),
  name: 'x',
  image: 'rabbitmq',
  imageId: 'sha256:' + 'b'.repeat(64),
  command: 'rabbitmq-server',
  created: 0,
  status: 'Up 1 second',
  state: 'running',
  exitCode: 0,
  labels: {},
  sizeRw: 0,
  sizeRootFs: 0,
  ports,
});

describe('PORTS', () => {
  it('groups consecutive ports of one protocol', () => {
    const tcp = (n: number) => ({ privatePort: n, type: 'tcp' });
    const [row] = containerRows([summary([tcp(4369), tcp(5671), tcp(5672), tcp(15671), tcp(15672), tcp(25672)])], 0, true, false) as { Ports: string }[];
    expect(row!.Ports).toBe('4369/tcp, 5671-5672/tcp, 15671-15672/tcp, 25672/tcp');
    const [mixed] = containerRows([summary([tcp(53), { privatePort: 53, type: 'udp' }, tcp(54)])], 0, true, false) as { Ports: string }[];
    expect(mixed!.Ports).toBe('53-54/tcp, 53/udp');
  });

  it('shows what a running container exposes, nothing once it stops or before it starts', async () => {
    const { sh } = await testHost('nginx');
    await sh('docker run -d --name web nginx');
    await sh('docker create --name later nginx');
    expect((await sh('docker ps -a --format "{{.Names}} [{{.Ports}}]"')).out).toBe('later []\nweb [80/tcp]\n');
    expect((await sh("docker inspect -f '{{json .NetworkSettings.Ports}}' web")).out).toBe('{"80/tcp":null}\n');
    await sh('docker stop web');
    expect((await sh('docker ps -a --format "{{.Names}} [{{.Ports}}]"')).out).toBe('later []\nweb []\n');
    expect((await sh("docker inspect -f '{{json .NetworkSettings.Ports}}' web")).out).toBe('{}\n');
  });
});

describe('published ports (-p, -P)', () => {
  const tcp = (privatePort: number, ip?: string, publicPort?: number) => ({ privatePort, type: 'tcp', ...(ip !== undefined ? { ip, publicPort } : {}) });
  const ports = (list: ContainerSummary['ports']) => (containerRows([summary(list)], 0, true, false) as { Ports: string }[])[0]!.Ports;

  it('lists bindings as docker/cli does: both addresses, ranges collapsed, other numbers last', () => {
    expect(ports([tcp(5000, '0.0.0.0', 5000), tcp(5000, '::', 5000)])).toBe('0.0.0.0:5000->5000/tcp, [::]:5000->5000/tcp');
    expect(ports([tcp(80, '0.0.0.0', 80), tcp(81, '0.0.0.0', 81), tcp(443)])).toBe('0.0.0.0:80-81->80-81/tcp, 443/tcp');
    expect(ports([tcp(80, '0.0.0.0', 8080), tcp(80, '::', 8080)])).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });

  it('binds at start, shows in ps, inspect and docker port, and frees the port at stop', async () => {
    const { sh } = await testHost('nginx');
    await sh('docker run -d --name web -p 8080:80 nginx');
    expect((await sh('docker ps --format "{{.Names}} [{{.Ports}}]"')).out).toBe('web [0.0.0.0:8080->80/tcp, [::]:8080->80/tcp]\n');
    expect((await sh("docker inspect -f '{{json .NetworkSettings.Ports}}' web")).out).toBe('{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}\n');
    expect((await sh('docker port web')).out).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await sh('docker port web 80/tcp')).out).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(await sh('docker port web 81')).toEqual({ out: "Error: No public port '81' published for web\n", status: 1 });
    expect((await sh('curl -s localhost:8080')).out).toContain('<title>Welcome to nginx!</title>');
    await sh('docker stop web');
    expect((await sh('docker port web')).out).toBe('');
    expect(await sh('curl -sS localhost:8080')).toEqual({ out: "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n", status: 7 });
    // free again: another container takes it
    expect((await sh('docker run -d --name other -p 8080:80 nginx')).status).toBe(0);
  });

  it('refuses a port another container holds, and the container stays created', async () => {
    const { sh } = await testHost('nginx');
    await sh('docker run -d --name web -p 8080:80 nginx');
    const r = await sh('docker run -d --name web2 -p 8080:80 nginx');
    expect(r.status).toBe(125);
    expect(r.out).toMatch(
      /^[0-9a-f]{64}\ndocker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    );
    expect((await sh('docker ps -a --format "{{.Names}} {{.State}}"')).out).toBe('web2 created\nweb running\n');
    expect((await sh("docker inspect -f '{{.State.ExitCode}}' web2")).out).toBe('128\n');
    const start = await sh('docker start web2');
    expect(start.status).toBe(1);
    expect(start.out).toContain('Bind for 0.0.0.0:8080 failed: port is already allocated');
  });

  it('-P publishes every exposed port on the next ephemeral ports; ps filters by them', async () => {
    const { sh } = await testHost('nginx');
    await sh('docker run -d --name all -P --expose 9000 nginx');
    await sh('docker run -d --name plain nginx');
    expect((await sh('docker port all')).out).toBe('80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n9000/tcp -> 0.0.0.0:32769\n9000/tcp -> [::]:32769\n');
    expect((await sh('docker ps --filter publish=32768 --format "{{.Names}}"')).out).toBe('all\n');
    expect((await sh('docker ps --filter expose=80 --format "{{.Names}}"')).out).toBe('plain\nall\n');
    expect((await sh('docker ps --filter expose=9000-9001/tcp --format "{{.Names}}"')).out).toBe('all\n');
    expect((await sh('docker ps --filter publish=80 --format "{{.Names}}"')).out).toBe('');
    // a restart binds afresh: the allocator goes on after the last port it gave
    await sh('docker restart all');
    expect((await sh('docker port all 80')).out).toBe('0.0.0.0:32770\n[::]:32770\n');
  });

  it("answers on the host port with what the container's process listens on", async () => {
    const { h, sh } = await testHost('nginx');
    await sh('docker run -d --name web -p 127.0.0.1:8080:80 -p 9090:9090 nginx');
    const id = (await sh('docker inspect -f {{.Id}} web')).out.trim();
    expect(h.daemon.publishedListener(8080)?.port).toBe(80);
    // published, but nothing listens on 9090 inside
    expect(h.daemon.publishedListener(9090)).toBeUndefined();
    expect(h.daemon.publishedListeners().map((p) => [p.hostPort, p.containerId === id, p.listener?.port])).toEqual([
      [8080, true, 80],
      [9090, true, undefined],
    ]);
    expect(await sh('curl -sS localhost:9090')).toEqual({ out: "curl: (7) Failed to connect to localhost port 9090 after 0 ms: Couldn't connect to server\n", status: 7 });
  });

  it("a container reaches its own listeners over loopback, and nothing else", async () => {
    const { sh } = await testHost('nginx');
    await sh('docker run -d --name web nginx');
    expect((await sh('docker exec web curl -s -o /dev/null localhost; echo $?')).out).toBe('0\n');
    expect(await sh('docker exec web curl -sS localhost:81')).toEqual({ out: "curl: (7) Failed to connect to localhost port 81 after 0 ms: Couldn't connect to server\n", status: 7 });
    expect(await sh('docker exec web curl -sS example.com')).toEqual({ out: 'curl: (6) Could not resolve host: example.com\n', status: 6 });
  });
});
