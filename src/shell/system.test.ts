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
    runDocker(ctx.argv.slice(1), { stdout: ctx.stdout, stderr: ctx.stderr, stdin: ctx.stdin, env: ctx.env, host: { fs: ctx.fs, cwd: ctx.cwd }, daemon, server: SERVER });
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
