// `docker version` and `docker info`: docker 28.2.2's layouts (docker/cli
// cli/command/system/version.go and info.go), with Berth's engine data.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness } from '../image/harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

const CLIENT = `Client:
 Version:           28.2.2
 API version:       1.50
 Go version:        go1.24.3
 Git commit:        e6534b4
 Built:             Fri May 30 12:07:14 2025
 OS/Arch:           linux/amd64
 Context:           default
`;

const SERVER = `
Server: Docker Engine - Community
 Engine:
  Version:          28.2.2
  API version:      1.50 (minimum version 1.24)
  Go version:       go1.24.3
  Git commit:       45873be
  Built:            Fri May 30 12:07:26 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          v1.7.27
  GitCommit:        05044ec0a9a75232cad458027ca83437aae3f4da
 runc:
  Version:          1.2.6
  GitCommit:        v1.2.6-0-ge89a299
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

describe('docker version', () => {
  it('prints the client and the server blocks', async () => {
    const h = harness(hasher, yieldTask);
    expect(await h.docker(['version'])).toEqual({ stdout: CLIENT + SERVER, stderr: '', status: 0 });
  });

  it('shows a lower negotiated API version and the context', async () => {
    const h = harness(hasher, yieldTask);
    const r = await h.docker(['version'], { server: { apiVersion: '1.41', osType: 'linux', experimental: false }, env: { DOCKER_CONTEXT: 'mine' } });
    expect(r.stdout.split('\n').slice(0, 8).join('\n')).toBe(
      CLIENT.replace(' API version:       1.50', ' API version:       1.41 (downgraded from 1.50)').replace('default', 'mine').trimEnd(),
    );
  });

  it('runs --format over versionInfo', async () => {
    const h = harness(hasher, yieldTask);
    const f = async (format: string) => h.docker(['version', '--format', format]);
    expect(await f('{{.Server.Os}}')).toEqual({ stdout: 'linux\n', stderr: '', status: 0 });
    expect((await f('{{.Client.Os}}')).stdout).toBe('linux\n');
    expect((await f('{{.Client.Version}} {{.Server.Version}} {{.Server.APIVersion}} {{.Server.KernelVersion}}')).stdout).toBe(
      '28.2.2 28.2.2 1.50 6.8.0-berth\n',
    );
    expect((await f('{{range .Server.Components}}{{.Name}} {{end}}')).stdout).toBe('Engine containerd runc docker-init \n');
    expect((await f('{{json .Client}}')).stdout).toBe(
      '{"Version":"28.2.2","ApiVersion":"1.50","DefaultAPIVersion":"1.50","GitCommit":"e6534b4","GoVersion":"go1.24.3","Os":"linux","Arch":"amd64","BuildTime":"Fri May 30 12:07:14 2025","Context":"default"}\n',
    );
    const json = JSON.parse((await f('json')).stdout) as { Server: { Platform: { Name: string }; BuildTime: string; Components: unknown[] } };
    expect(json.Server.Platform.Name).toBe('Docker Engine - Community');
    expect(json.Server.BuildTime).toBe('2025-05-30T12:07:26.000000000+00:00');
    expect(json.Server.Components).toHaveLength(4);
    expect(await f('{{.Nosuch}}')).toEqual({
      stdout: '\n',
      stderr: 'template: version:1:2: executing "version" at <.Nosuch>: can\'t evaluate field Nosuch in type system.versionInfo\n',
      status: 1,
    });
    expect(await f('{{.Nosuch')).toEqual({ stdout: '', stderr: 'template parsing error: template: version:1: unclosed action\n', status: 64 });
  });
});

describe('docker info', () => {
  it('prints the client and server sections with live counts', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', '1000']);
    await h.docker(['run', '--name', 'done', 'busybox', 'true']);
    const r = await h.docker(['info']);
    expect(r).toEqual({
      stdout: `Client:
 Version:    28.2.2
 Context:    default
 Debug Mode: false

Server:
 Containers: 2
  Running: 1
  Paused: 0
  Stopped: 1
 Images: 1
 Server Version: 28.2.2
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: 05044ec0a9a75232cad458027ca83437aae3f4da
 runc version: v1.2.6-0-ge89a299
 init version: de40ad0
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: 6.8.0-berth
 Operating System: Debian GNU/Linux 12 (bookworm)
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 3.828GiB
 Name: berth
 ID: 5b0e4d3a-7c1f-4e8b-9a2d-3f6c8e1b7d40
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: false

`,
      stderr: '',
      status: 0,
    });
  });

  it('runs --format over dockerInfo', async () => {
    const h = harness(hasher, yieldTask);
    const counts = '{{.Containers}} {{.ContainersRunning}} {{.ContainersPaused}} {{.ContainersStopped}} {{.Images}}';
    expect(await h.docker(['info', '--format', counts])).toEqual({ stdout: '0 0 0 0 0\n', stderr: '', status: 0 });
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', '1000']);
    await h.docker(['run', '--name', 'done', 'busybox', 'true']);
    expect((await h.docker(['info', '--format', counts])).stdout).toBe('2 1 0 1 1\n');
    await h.docker(['pause', 'web']);
    expect((await h.docker(['info', '--format', 'running={{.ContainersRunning}} paused={{.ContainersPaused}}'])).stdout).toBe('running=0 paused=1\n');
    const f = async (format: string) => (await h.docker(['info', '-f', format])).stdout;
    expect(await f('{{.Driver}}')).toBe('overlay2\n');
    expect(await f('{{.OSType}} {{.LoggingDriver}} {{.DefaultRuntime}}')).toBe('linux json-file runc\n');
    expect(await f('{{.DockerRootDir}}')).toBe('/var/lib/docker\n');
    expect(await f('{{json .RegistryConfig.Mirrors}} {{.Swarm.LocalNodeState}} {{.ServerVersion}} {{.ClientInfo.Version}}')).toBe('[] inactive 28.2.2 28.2.2\n');
    expect(await f('{{.Swarm}}')).toBe('{  inactive false  [] 0 0 <nil> []}\n');
    expect(await f('{{json .Plugins}}')).toBe(
      '{"Volume":["local"],"Network":["bridge","host","ipvlan","macvlan","null","overlay"],"Authorization":null,"Log":["awslogs","fluentd","gcplogs","gelf","journald","json-file","local","splunk","syslog"]}\n',
    );
    const json = JSON.parse(await f('json')) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, 7)).toEqual(['ID', 'Containers', 'ContainersRunning', 'ContainersPaused', 'ContainersStopped', 'Images', 'Driver']);
    expect(json.CpuCfsPeriod).toBe(true);
    expect(json.ClientInfo).toEqual({
      Debug: false,
      Version: '28.2.2',
      DefaultAPIVersion: '1.50',
      GitCommit: 'e6534b4',
      GoVersion: 'go1.24.3',
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: 'Fri May 30 12:07:14 2025',
      Context: 'default',
      Plugins: [],
      Warnings: null,
    });
    expect(await h.docker(['info', '--format', '{{.Nosuch}}'])).toEqual({
      stdout: '\n',
      stderr: 'template: :1:2: executing "" at <.Nosuch>: can\'t evaluate field Nosuch in type system.dockerInfo\n',
      status: 1,
    });
    expect(await h.docker(['info', '--format', '{{.Nosuch'])).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      status: 64,
    });
  });

  it('shows the debug details with -D', async () => {
    const h = harness(hasher, yieldTask);
    const r = await h.docker(['-D', 'info']);
    expect(r.stdout).toContain(' Debug Mode: true\n');
    expect(r.stdout).toContain(' Debug Mode: false\n  File Descriptors: 24\n  Goroutines: 41\n  System Time: 2026-11-23T12:00:00Z\n  EventsListeners: 0\n');
  });
});
