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
