// Two simulated hosts reaching the same registries: what one pushes, the
// other pulls; images, containers and logins stay each host's own.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { createHost, type SimulatedHost } from './host.ts';
import { machinesState, splitMachines } from './machines.ts';

async function machine(hostname: string, other?: SimulatedHost, restore?: Map<string, unknown>, recorderServices = hostname === 'berth') {
  const h = await createHost({
    platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() },
    hostname,
    registries: other?.registries,
    restore,
    recorderServices,
  });
  const sh = async (cmd: string, stdin?: string) => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    let given = false;
    const input = stdin === undefined ? undefined : { read: async () => (given ? null : ((given = true), stdin)) };
    const status = await h.run(cmd, { stdout: w, stderr: w, stdin: input });
    return { out, status };
  };
  return { h, sh };
}

describe('a second host sharing the registries', () => {
  it('pulls what the first pushed to the Hub, under the account that logged in', async () => {
    const one = await machine('berth');
    const two = await machine('berth2', one.h);
    expect((await two.sh('hostname')).out).toBe('berth2\n');
    expect((await two.sh('cat /etc/hostname')).out).toBe('berth2\n');

    await one.sh('docker pull -q busybox');
    await one.sh('docker tag busybox alice/app:v1');
    // no login: the Hub refuses
    expect(await one.sh('docker push alice/app:v1')).toMatchObject({ status: 1 });
    expect((await one.sh('docker push alice/app:v1')).out).toContain('denied: requested access to the resource is denied');

    const login = await one.sh('docker login -u alice --password-stdin', 's3cret\n');
    expect(login).toEqual({
      status: 0,
      out:
        "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\n" +
        'Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\nLogin Succeeded\n',
    });
    expect(JSON.parse((await one.sh('cat /root/.docker/config.json')).out)).toEqual({
      auths: { 'https://index.docker.io/v1/': { auth: 'YWxpY2U6czNjcmV0' } },
    });
    const push = await one.sh('docker push alice/app:v1');
    expect(push.status).toBe(0);
    expect(push.out).toContain('The push refers to repository [docker.io/alice/app]');
    expect(push.out).toMatch(/v1: digest: sha256:[0-9a-f]{64} size: \d+/);
    // busybox's layer is on the Hub already: mounted, not uploaded
    expect(push.out).toMatch(/[0-9a-f]{12}: Mounted from library\/busybox/);
    // another account's namespace, or the official images', stays refused
    await one.sh('docker tag busybox bob/app && docker tag busybox myapp');
    expect((await one.sh('docker push bob/app')).out).toContain('denied: requested access to the resource is denied');
    expect((await one.sh('docker push myapp')).out).toContain('denied: requested access to the resource is denied');

    // the second host has none of the first one's images, nor its login
    expect((await two.sh('docker images -q')).out).toBe('');
    expect((await two.sh('cat /root/.docker/config.json')).status).toBe(1);
    const pull = await two.sh('docker pull alice/app:v1');
    expect(pull.status).toBe(0);
    expect(pull.out).toContain('Status: Downloaded newer image for alice/app:v1');
    const digest = /v1: digest: (sha256:[0-9a-f]{64})/.exec(push.out)![1];
    expect(pull.out).toContain(`Digest: ${digest}`);
    expect((await two.sh('docker run --rm alice/app:v1 echo hello from berth2')).out).toBe('hello from berth2\n');
    // the same image ID on both hosts: the config travelled byte for byte
    expect((await two.sh('docker images -q alice/app:v1')).out).toBe((await one.sh('docker images -q alice/app:v1')).out);
    // pushing there needs a login there; a wrong password is refused
    expect((await two.sh('docker push alice/app:v1')).out).toContain('denied: requested access to the resource is denied');
    expect(await two.sh('docker login -u alice --password-stdin', 'wrong\n')).toEqual({
      status: 1,
      out: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n',
    });
    // a repository nobody pushed is still unknown
    expect((await two.sh('docker pull alice/nothing')).out).toContain('pull access denied for alice/nothing');
  });

  it("reaches the other machine's registry by name or address, over HTTP only once trusted", async () => {
    const one = await machine('berth');
    const two = await machine('berth2', one.h);
    expect(one.h.machine.address).toBe('192.168.1.10');
    expect(two.h.machine.address).toBe('192.168.1.11');
    await one.sh('docker pull -q alpine && docker tag alpine localhost:5000/tools:1');
    expect((await one.sh('docker push localhost:5000/tools:1')).status).toBe(0);
    expect((await two.sh('docker images -q')).out).toBe('');
    // berth2's own port 5000 has nothing
    expect(await two.sh('docker pull -q localhost:5000/tools:1')).toEqual({
      status: 1,
      out: 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n',
    });
    // berth's registry speaks plain HTTP: not trusted until insecure-registries names it
    expect(await two.sh('docker pull -q berth:5000/tools:1')).toEqual({
      status: 1,
      out: 'Error response from daemon: Get "https://berth:5000/v2/": http: server gave HTTP response to HTTPS client\n',
    });
    two.h.daemon.config = { ...two.h.daemon.config, insecureRegistries: ['berth:5000', '192.168.1.0/24'] };
    expect((await two.sh('docker pull -q berth:5000/tools:1')).out).toBe('berth:5000/tools:1\n');
    expect((await two.sh('docker pull -q 192.168.1.10:5000/tools:1')).out).toBe('192.168.1.10:5000/tools:1\n');
    expect((await two.sh('docker run --rm berth:5000/tools:1 cat /etc/alpine-release')).status).toBe(0);
    await two.sh('docker rmi berth:5000/tools:1');
    expect((await one.sh('docker images -q localhost:5000/tools:1')).out).not.toBe('');
    expect((await two.sh('docker pull -q nosuch:5000/tools:1')).out).toBe(
      'Error response from daemon: Get "https://nosuch:5000/v2/": dial tcp: lookup nosuch: no such host\n',
    );
  });

  it('refuses bad logins as docker/cli does', async () => {
    const one = await machine('berth');
    expect(await one.sh('docker login --password-stdin', 'x\n')).toEqual({ status: 1, out: 'the --password-stdin option requires --username to be set\n' });
    expect(await one.sh('docker login -u a')).toEqual({ status: 1, out: 'Error: Cannot perform an interactive login from a non TTY device\n' });
    expect((await one.sh('docker login -u a -p b --password-stdin')).out).toBe('conflicting options: cannot specify both --password and --password-stdin\n');
    expect((await one.sh('docker login -u a -p b registry.example.com')).out).toContain('lookup registry.example.com: no such host');
    expect((await one.sh('docker login -u a -p b localhost:5000')).out).toContain('Login Succeeded');
    expect((await one.sh('docker logout localhost:5000')).out).toBe('Removing login credentials for localhost:5000\n');
    expect((await one.sh('docker logout')).out).toBe('Removing login credentials for https://index.docker.io/v1/\n');
  });

  it('asks for the password at a terminal, after the Hub note Docker 28 prints', async () => {
    const one = await machine('berth');
    let out = '';
    const w = { write: (t: string) => void (out += t) };
    const typed = ['s3cret\n'];
    const status = await one.h.run('docker login -u carol', { stdout: w, stderr: w, tty: true, stdin: { read: async () => typed.shift() ?? null } });
    expect(status).toBe(0);
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(
      '\ni Info → A Personal Access Token (PAT) can be used instead.\n         To create a PAT, visit https://app.docker.com/settings\n         \n         \nPassword: ' +
        "\nWARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.\n" +
        'Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\nLogin Succeeded\n',
    );
  });

  it('saves what any host pushed with the first host: a restored workspace still serves it', async () => {
    const one = await machine('berth');
    const two = await machine('berth2', one.h);
    one.h.state.captureAll();
    // the second host pushes; the first host's next capture has it
    two.h.daemon.config = { ...two.h.daemon.config, insecureRegistries: ['berth:5000'] };
    await two.sh('docker pull -q busybox && docker tag busybox bob/tool:1 && docker tag busybox berth:5000/tool:1');
    await two.sh('docker login -u bob --password-stdin', 'pw\n');
    expect((await two.sh('docker push -q bob/tool:1 && docker push -q berth:5000/tool:1')).status).toBe(0);
    const changes = one.h.state.captureChanges();
    expect([...changes.put.keys()]).toEqual(expect.arrayContaining(['registry/hub', 'registry/blobs', 'host/fs']));
    // a reload: the first host from its records, a new second host beside it
    const again = await machine('berth', undefined, one.h.state.captureAll());
    const other = await machine('berth2', again.h);
    expect((await other.sh('docker pull -q bob/tool:1')).out).toBe('docker.io/bob/tool:1\n');
    expect((await again.sh('docker pull -q localhost:5000/tool:1')).out).toBe('localhost:5000/tool:1\n');
    expect((await other.sh('docker run --rm bob/tool:1 echo ok')).out).toBe('ok\n');
  });

  it('saves both machines together: each comes back with its own images, containers and files', async () => {
    const one = await machine('berth');
    const two = await machine('berth2', one.h);
    const saved = machinesState(one.h, () => [two.h]);
    saved.captureAll();
    await two.sh('docker pull -q busybox && docker run --name mine busybox sh -c "echo two > /f" && echo note > /root/n');
    await two.sh('docker tag busybox dave/b:1 && docker login -u dave --password-stdin', 'pw\n');
    await two.sh('docker push -q dave/b:1');
    await one.sh('docker pull -q alpine');
    const changes = saved.captureChanges();
    expect([...changes.put.keys()].some((k) => k.startsWith('machine/berth2/container/'))).toBe(true);
    expect([...changes.put.keys()]).toContain('registry/hub');
    expect([...changes.put.keys()]).not.toContain('machine/berth2/registry/hub');

    const { first, others } = splitMachines(saved.captureAll());
    expect([...others.keys()]).toEqual(['berth2']);
    const again = await machine('berth', undefined, first);
    const other = await machine('berth2', again.h, others.get('berth2'));
    expect((await again.sh('docker images --format "{{.Repository}}"')).out).toBe('alpine\n');
    expect((await other.sh('docker images --format "{{.Repository}}" | sort')).out).toBe('busybox\ndave/b\n');
    expect((await other.sh('docker start -a mine && cat /root/n')).out).toBe('note\n');
    expect((await other.sh('docker cp mine:/f - | tar -xO')).out).toBe('two\n');
    expect((await again.sh('docker pull -q dave/b:1')).out).toBe('docker.io/dave/b:1\n');
  });
});
