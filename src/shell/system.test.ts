// systemctl, service, journalctl, sudo and dockerd on a test host: the
// seed's two ways of configuring the daemon end to end, a daemon that
// cannot start, restart policies across a restart, the CLI while it is down.
import { describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../node/test-host.ts';
import { programsFor } from '../engine/runtime/programs/index.ts';
import { PidNamespace, EMPTY_INPUT } from '../engine/runtime/namespace.ts';
import { tableResolver } from '../engine/runtime/resolve.ts';
import type { Program } from '../engine/runtime/process.ts';
import { runDocker } from '../cli/dispatch.ts';
import { notSimulated } from './programs.ts';
import { systemPrograms } from './system.ts';
import { bootDaemon } from '../engine/dockerd/lifecycle.ts';

const SERVER = { apiVersion: '1.50', osType: 'linux', experimental: false };
const PATHS: Record<string, string> = { systemctl: '/usr/bin/systemctl', service: '/usr/sbin/service', journalctl: '/usr/bin/journalctl', sudo: '/usr/bin/sudo', dockerd: '/usr/bin/dockerd' };

/** A test host whose prompt also has the system programs (as the host will wire them). */
async function systemHost(...pull: string[]): Promise<TestHost & { run(cmd: string): Promise<{ out: string; status: number }> }> {
  const t = await testHost(...pull);
  const { daemon, fs } = t.h;
  const programs = new Map(programsFor('gnu'));
  const system = systemPrograms({ daemon, fs: () => fs });
  for (const [name, p] of system) {
    programs.set(name, p);
    fs.writeFile(PATHS[name]!, new TextEncoder().encode('\x7fELF'), { mode: 0o755 });
  }
  const docker: Program = (ctx) =>
    runDocker(ctx.argv.slice(1), { stdout: ctx.stdout, stderr: ctx.stderr, stdin: ctx.stdin, env: ctx.env, tty: false, host: { fs: ctx.fs, cwd: ctx.cwd }, daemon, server: SERVER });
  programs.set('docker', docker);
  const ns = new PidNamespace({ scheduler: daemon.clock, resolve: tableResolver({ busybox: new Map(), gnu: programs, byPath: new Map() }, notSimulated), hostname: 'berth', foreground: true });
  await daemon.clock.runUntil(bootDaemon(daemon, fs));
  const run = async (cmd: string) => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    const env = new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root'], ['USER', 'root']]);
    const p = ns.start({ argv: ['bash', '-c', cmd], fs, env, cwd: '/root', stdin: EMPTY_INPUT, stdout: w, stderr: w, tty: false, user: 'root', ppid: 0, program: programs.get('bash')! });
    await daemon.clock.runUntil(daemon.clock.advance(10));
    const status = await daemon.clock.runUntil(p.exited);
    return { out, status };
  };
  return { ...t, run };
}

describe('daemon.json, systemctl and docker info', { timeout: 30_000 }, () => {
  it('method 1: registry-mirrors, service docker restart, docker info lists the mirror', async () => {
    const t = await systemHost();
    let r = await t.run(`mkdir -p /etc/docker && cat > /etc/docker/daemon.json <<'EOF'
{"registry-mirrors": ["https://n6syp70m.mirror.aliyuncs.com"]}
EOF
service docker restart`);
    expect(r).toEqual({ out: '', status: 0 });
    r = await t.run('docker info');
    expect(r.status).toBe(0);
    expect(r.out).toContain(' Insecure Registries:\n  ::1/128\n  127.0.0.0/8\n Registry Mirrors:\n  https://n6syp70m.mirror.aliyuncs.com/\n Live Restore Enabled: false\n');
    expect(t.h.daemon.config.registryMirrors).toEqual(['https://n6syp70m.mirror.aliyuncs.com/']);
    r = await t.run(`docker info --format '{{json .RegistryConfig}}'`);
    expect(r.out).toBe(
      '{"InsecureRegistryCIDRs":["::1/128","127.0.0.0/8"],"IndexConfigs":{"docker.io":{"Name":"docker.io","Mirrors":["https://n6syp70m.mirror.aliyuncs.com/"],"Secure":true,"Official":true}},"Mirrors":["https://n6syp70m.mirror.aliyuncs.com/"]}\n',
    );
  });

  it('method 2: tee -a after an object fails the restart, and the journal says why', async () => {
    const t = await systemHost();
    await t.run(`mkdir -p /etc/docker && echo '{"registry-mirrors": ["https://n6syp70m.mirror.aliyuncs.com"]}' > /etc/docker/daemon.json`);
    let r = await t.run(`sudo tee -a /etc/docker/daemon.json <<-'EOF'
	{
	  "insecure-registries": ["192.168.2.100:8086"]
	}
	EOF
sudo systemctl daemon-reload
sudo systemctl restart docker`);
    expect(r.status).toBe(1);
    expect(r.out).toBe(
      '{\n  "insecure-registries": ["192.168.2.100:8086"]\n}\n' +
        'Job for docker.service failed because the control process exited with error code.\n' +
        'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n',
    );
    r = await t.run('docker ps');
    expect(r.out).toContain('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    expect(r.status).toBe(1);
    r = await t.run('journalctl -u docker --no-pager -n 5');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\w{3} \d\d \d\d:\d\d:\d\d berth systemd\[1\]: Starting docker\.service - Docker Application Container Engine\.\.\.$/);
    expect(lines[1]).toMatch(/ berth dockerd\[\d+\]: unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: invalid character '\{' after top-level value$/);
    expect(lines.slice(2).map((l) => l.replace(/^.*?: /, ''))).toEqual([
      'docker.service: Main process exited, code=exited, status=1/FAILURE',
      "docker.service: Failed with result 'exit-code'.",
      'Failed to start docker.service - Docker Application Container Engine.',
    ]);
    r = await t.run('systemctl status docker');
    expect(r.status).toBe(3);
    expect(r.out).toMatch(/^× docker\.service - Docker Application Container Engine\n {5}Loaded: loaded \(\/lib\/systemd\/system\/docker\.service; enabled; preset: enabled\)\n {5}Active: failed \(Result: exit-code\) since /);
    // fixed: one object with both keys
    r = await t.run(`cat > /etc/docker/daemon.json <<'EOF'
{
  "registry-mirrors": ["https://n6syp70m.mirror.aliyuncs.com"],
  "insecure-registries": ["192.168.2.100:8086"]
}
EOF
systemctl restart docker && systemctl is-active docker && docker info`);
    expect(r.status).toBe(0);
    expect(r.out).toContain('active\n');
    expect(r.out).toContain(' Insecure Registries:\n  192.168.2.100:8086\n  ::1/128\n  127.0.0.0/8\n Registry Mirrors:\n  https://n6syp70m.mirror.aliyuncs.com/\n');
    r = await t.run(`docker info --format '{{json .RegistryConfig.IndexConfigs}}'`);
    expect(r.out).toBe(
      '{"192.168.2.100:8086":{"Name":"192.168.2.100:8086","Mirrors":[],"Secure":false,"Official":false},"docker.io":{"Name":"docker.io","Mirrors":["https://n6syp70m.mirror.aliyuncs.com/"],"Secure":true,"Official":true}}\n',
    );
    expect(t.h.daemon.config.insecureRegistries).toEqual(['192.168.2.100:8086']);
  });

  it('sudo vim: no vim on the host', async () => {
    const t = await systemHost();
    expect(await t.run('sudo vim /etc/docker/daemon.json')).toEqual({ out: 'sudo: vim: command not found\n', status: 1 });
  });
});

describe('stopping and starting dockerd', { timeout: 30_000 }, () => {
  it('containers stop with the daemon and come back by restart policy; socket activation', async () => {
    const t = await systemHost('busybox');
    // containers are run at the host's own prompt
    await t.sh('docker run -d --name ca --restart always busybox sleep 1000');
    await t.sh('docker run -d --name cu --restart unless-stopped busybox sleep 1000');
    await t.sh('docker run -d --name cus --restart unless-stopped busybox sleep 1000');
    await t.sh('docker stop -t 0 cus');
    await t.sh('docker run -d --name cf --restart on-failure busybox sleep 1000');
    await t.sh('docker run -d --name cn busybox sleep 1000');
    let r = await t.run('systemctl stop docker');
    expect(r).toEqual({ out: 'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n', status: 0 });
    expect([...t.h.daemon.containers.values()].filter((c) => c.state.Running)).toEqual([]);
    // docker.socket still listens: the next connection starts dockerd again
    r = await t.run('docker ps -a --format "{{.Names}} {{.Status}}"');
    expect(r.out.split('\n').filter(Boolean).sort()).toEqual(['ca Up Less than a second', 'cf Up Less than a second', 'cn Exited (137) Less than a second ago', 'cu Up Less than a second', 'cus Exited (137) 10 seconds ago']);

    r = await t.run('systemctl stop docker.socket && systemctl is-active docker docker.socket');
    expect(r).toEqual({ out: 'inactive\ninactive\n', status: 3 });
    r = await t.run('docker ps');
    expect(r).toEqual({ out: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', status: 1 });
    r = await t.run('docker info');
    expect(r).toEqual({
      out: 'Client:\n Version:    28.2.2\n Context:    default\n Debug Mode: false\n\nServer:\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      status: 1,
    });
    r = await t.run('docker version --format "{{.Client.Version}}"');
    expect(r).toEqual({ out: '28.2.2\nCannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', status: 1 });
    r = await t.run('docker --version && docker run --help >/dev/null && echo help');
    expect(r.out).toBe('Docker version 28.2.2, build e6534b4\nhelp\n');

    r = await t.run('systemctl start docker && journalctl -u docker -n 13 | sed "s/^.*\\]: //; s/^time=\\"[^\\"]*\\" //"');
    expect(r.out).toBe(
      [
        'Listening on docker.socket - Docker Socket for the API.',
        'Starting docker.service - Docker Application Container Engine...',
        'level=info msg="Starting up"',
        'level=info msg="Creating a containerd client" address=/run/containerd/containerd.sock timeout=1m0s',
        'level=info msg="[graphdriver] using prior storage driver: overlay2"',
        'level=info msg="Loading containers: start."',
        'level=info msg="Loading containers: done."',
        'level=info msg="Docker daemon" commit=45873be containerd-snapshotter=false storage-driver=overlay2 version=28.2.2',
        'level=info msg="Initializing buildkit"',
        'level=info msg="Completed buildkit initialization"',
        'level=info msg="Daemon has completed initialization"',
        'level=info msg="API listen on /run/docker.sock"',
        'Started docker.service - Docker Application Container Engine.',
        '',
      ].join('\n'),
    );
    r = await t.run('systemctl status docker');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^● docker\.service - Docker Application Container Engine\n.*\n {5}Active: active \(running\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; .* ago\nTriggeredBy: ● docker\.socket\n {7}Docs: https:\/\/docs\.docker\.com\n {3}Main PID: (\d+) \(dockerd\)\n {5}CGroup: \/system\.slice\/docker\.service\n {13}└─\1 \/usr\/bin\/dockerd -H fd:\/\/ --containerd=\/run\/containerd\/containerd\.sock\n\n/);
  });

  it('unknown units, journalctl -x, dockerd --version, debug in docker info', async () => {
    const t = await systemHost();
    expect(await t.run('systemctl restart foo')).toEqual({ out: 'Failed to restart foo.service: Unit foo.service not found.\n', status: 5 });
    expect(await t.run('systemctl status foo')).toEqual({ out: 'Unit foo.service could not be found.\n', status: 4 });
    expect(await t.run('dockerd --version')).toEqual({ out: 'Docker version 28.2.2, build 45873be\n', status: 0 });
    await t.run(`mkdir -p /etc/docker; echo '{"debug": true, "insecure-registries": ["10.0.0.0/8"]}' > /etc/docker/daemon.json`);
    expect((await t.run('systemctl restart docker')).status).toBe(0);
    const info = (await t.run('docker info')).out;
    expect(info).toContain(' Debug Mode: true\n  File Descriptors:');
    expect(info).toContain(' Insecure Registries:\n  10.0.0.0/8\n  ::1/128\n  127.0.0.0/8\n Live Restore Enabled: false\n');
    await t.run(`echo '{"registry-mirrors": ["mirror.example.com"]}' > /etc/docker/daemon.json`);
    const r = await t.run('systemctl restart docker; journalctl -xeu docker.service -n 4 | sed "s/^[A-Z][a-z][a-z] [0-9][0-9] [0-9:]* berth //"');
    expect(r.out.replace(/job identifier is \d+/, 'job identifier is N').replace(/dockerd\[\d+\]/, 'dockerd[PID]')).toBe(
      [
        'Job for docker.service failed because the control process exited with error code.',
        'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.',
        'dockerd[PID]: failed to start daemon: invalid mirror: unsupported scheme "" in "mirror.example.com"',
        'systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
        '░░ Subject: Unit process exited',
        '░░ Defined-By: systemd',
        '░░ Support: https://www.debian.org/support',
        '░░ ',
        "░░ An ExecStart= process belonging to unit docker.service has exited.",
        '░░ ',
        "░░ The process' exit code is 'exited' and its exit status is 1.",
        "systemd[1]: docker.service: Failed with result 'exit-code'.",
        '░░ Subject: Unit failed',
        '░░ Defined-By: systemd',
        '░░ Support: https://www.debian.org/support',
        '░░ ',
        "░░ The unit docker.service has entered the 'failed' state with result 'exit-code'.",
        'systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
        '░░ Subject: A start job for unit docker.service has failed',
        '░░ Defined-By: systemd',
        '░░ Support: https://www.debian.org/support',
        '░░ ',
        '░░ A start job for unit docker.service has finished with a failure.',
        '░░ ',
        '░░ The job identifier is N and the job result is failed.',
        '',
      ].join('\n'),
    );
  });

  it('live-restore: containers keep running while dockerd is stopped', async () => {
    const t = await systemHost('busybox');
    await t.run(`mkdir -p /etc/docker; echo '{"live-restore": true}' > /etc/docker/daemon.json; systemctl restart docker`);
    await t.sh('docker run -d --name lr busybox sleep 1000');
    await t.run('systemctl stop docker.socket docker');
    expect(t.h.daemon.running).toBe(false);
    expect(t.h.daemon.container('lr').state.Running).toBe(true);
    const r = await t.run('systemctl start docker && docker ps --format "{{.Names}} {{.Status}}" && docker info --format "{{.LiveRestoreEnabled}}"');
    expect(r.out).toBe('lr Up Less than a second\ntrue\n');
  });
});
