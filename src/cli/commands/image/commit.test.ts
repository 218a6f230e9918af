// `docker commit` (src/cli/commands/container/commit.ts) and its --change
// instructions: expected texts follow fidelity/corpus/commit (docker 28.2.2)
// and moby's BuildFromConfig.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, type Harness } from './harness.ts';
import { applyChanges } from './changes.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

async function withContainer(): Promise<Harness> {
  const h = harness(hasher, yieldTask);
  await h.docker(['pull', '-q', 'busybox']);
  await h.docker(['run', '--name', 'work', 'busybox', 'sh', '-c', 'echo hello > /hello.txt']);
  return h;
}

describe('docker commit', () => {
  it('prints the new image ID and tags it', async () => {
    const h = await withContainer();
    const r = await h.docker(['commit', 'work', 'myimg:v1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(h.daemon.inspectImage('myimg:v1').Id).toBe(r.stdout.trim());
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('myimg:v1\nbusybox:latest\n');
    await h.sleep(1000);
    const latest = await h.docker(['container', 'commit', 'work', 'myimg']);
    expect(latest.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('myimg:latest\nmyimg:v1\nbusybox:latest\n');
  });

  it('records -m and -a, and applies -c', async () => {
    const h = await withContainer();
    await h.docker(['commit', '-m', 'add hello', '-a', 'Jane <jane@example.com>', '-c', 'CMD ["cat", "/hello.txt"]', 'work', 'myimg:v2']);
    expect((await h.docker(['inspect', '-f', '{{.Author}} | {{.Comment}} | {{json .Config.Cmd}}', 'myimg:v2'])).stdout).toBe(
      'Jane <jane@example.com> | add hello | ["cat","/hello.txt"]\n',
    );
    await h.docker(['commit', '--message=second', '--author=me', '-c', 'ENV MODE=prod', 'work', 'myimg:v3']);
    expect((await h.docker(['inspect', '-f', '{{.Author}} {{.Comment}} {{json .Config.Env}}', 'myimg:v3'])).stdout).toBe(
      'me second ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","MODE=prod"]\n',
    );
    await h.docker([
      'commit',
      '-c', 'ENTRYPOINT echo hi',
      '-c', 'EXPOSE 80 53/udp',
      '-c', 'WORKDIR /srv',
      '-c', 'WORKDIR app',
      '-c', 'USER nobody',
      '-c', 'VOLUME ["/data"]',
      '-c', 'LABEL a=1 "b c"="d e"',
      '-c', 'STOPSIGNAL SIGINT',
      'work',
      'myimg:v4',
    ]);
    expect(
      (
        await h.docker([
          'inspect',
          '-f',
          '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{json .Config.ExposedPorts}} {{.Config.WorkingDir}} {{.Config.User}} {{json .Config.Volumes}} {{json .Config.Labels}} {{.Config.StopSignal}}',
          'myimg:v4',
        ])
      ).stdout,
    ).toBe('["/bin/sh","-c","echo hi"] null {"53/udp":{},"80/tcp":{}} /srv/app nobody {"/data":{}} {"a":"1","b c":"d e"} SIGINT\n');
  });

  it('reports errors as docker does', async () => {
    const h = await withContainer();
    expect(await h.docker(['commit', 'dafa', 'ubuntu:18.04.test'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: No such container: dafa\n',
      status: 1,
    });
    expect(await h.docker(['commit', 'work', 'Bad:Name'])).toEqual({
      stdout: '',
      stderr: 'invalid reference format: repository name (library/Bad) must be lowercase\n',
      status: 1,
    });
    expect(await h.docker(['commit', '-c', 'NOPE x', 'work', 'img:v1'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: nope is not a valid change command\n',
      status: 1,
    });
    expect(await h.docker(['commit', '-c', 'RUN echo', 'work'])).toEqual({
      stdout: '',
      stderr: 'Error response from daemon: run is not a valid change command\n',
      status: 1,
    });
    expect((await h.docker(['commit', '-c', 'STOPSIGNAL NOPE', 'work'])).stderr).toBe('Error response from daemon: Invalid signal: NOPE\n');
    expect((await h.docker(['commit', '-c', 'EXPOSE x', 'work'])).stderr).toBe('Error response from daemon: invalid containerPort: x\n');
    expect((await h.docker(['commit', ' ', 'x'])).stderr).toBe('invalid container name or ID: value is empty\n');
    expect((await h.docker(['commit', 'work', `x@sha256:${'0'.repeat(64)}`])).stderr).toBe('refusing to create a tag with a digest reference\n');
    expect((await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])).stdout).toBe('busybox:latest\n');
  });

  it('commits a running container, with or without pausing', async () => {
    const h = harness(hasher, yieldTask);
    await h.docker(['pull', '-q', 'busybox']);
    await h.docker(['run', '-d', '--name', 'live', 'busybox', 'sleep', '1000']);
    expect((await h.docker(['commit', 'live', 'snap:v1'])).status).toBe(0);
    expect((await h.docker(['commit', '--pause=false', 'live', 'snap:v2'])).status).toBe(0);
    expect((await h.docker(['inspect', '-f', '{{json .Config.Cmd}}', 'snap:v1'])).stdout).toBe('["sleep","1000"]\n');
    expect(h.daemon.container('live').state.Running).toBe(true);
  });
});

describe('commit changes (BuildFromConfig)', () => {
  const base = { Env: ['PATH=/bin', 'HOME=/root'], Cmd: ['sh'], WorkingDir: '/w', Labels: { x: '1' } };

  it('turns shell forms into /bin/sh -c and keeps JSON forms', () => {
    expect(applyChanges(base, ['CMD echo hi'])).toEqual({ Cmd: ['/bin/sh', '-c', 'echo hi'] });
    expect(applyChanges(base, ['cmd ["a", "b"]'])).toEqual({ Cmd: ['a', 'b'] });
    expect(applyChanges({ ...base, Shell: ['/bin/bash', '-c'] }, ['CMD echo'])).toEqual({ Cmd: ['/bin/bash', '-c', 'echo'] });
    // ENTRYPOINT resets Cmd unless a CMD came first
    expect(applyChanges(base, ['ENTRYPOINT ["top"]'])).toEqual({ Entrypoint: ['top'], Cmd: null });
    expect(applyChanges(base, ['CMD ["-b"]', 'ENTRYPOINT ["top"]'])).toEqual({ Entrypoint: ['top'], Cmd: ['-b'] });
    // CMD [] without an entrypoint: merge() takes the container's back
    expect(applyChanges(base, ['CMD []'])).toEqual({ Cmd: ['sh'] });
  });

  it('expands variables in ENV, LABEL, WORKDIR, USER', () => {
    expect(applyChanges(base, ['ENV A=1 B="two words"'])).toEqual({ Env: ['PATH=/bin', 'HOME=/root', 'A=1', 'B=two words'] });
    expect(applyChanges(base, ['ENV PATH=$PATH:/x'])).toEqual({ Env: ['PATH=/bin:/x', 'HOME=/root'] });
    expect(applyChanges(base, ['ENV X legacy form value'])).toEqual({ Env: ['PATH=/bin', 'HOME=/root', 'X=legacy form value'] });
    expect(applyChanges(base, ["LABEL y='$HOME' z=${HOME}"])).toEqual({ Labels: { x: '1', y: '$HOME', z: '/root' } });
    expect(applyChanges(base, ['WORKDIR ${HOME}/sub', 'USER ${NOPE:-app}'])).toEqual({ WorkingDir: '/root/sub', User: 'app' });
    expect(applyChanges(base, ['WORKDIR ../up'])).toEqual({ WorkingDir: '/up' });
  });

  it('validates', () => {
    expect(() => applyChanges(base, ['ENV'])).toThrow('ENV requires at least one argument');
    expect(() => applyChanges(base, ['ENV =x'])).toThrow('ENV names can not be blank');
    expect(() => applyChanges(base, ['LABEL a=1 b'])).toThrow(`Syntax error - can't find = in "b". Must be of the form: name=value`);
    expect(() => applyChanges(base, ['VOLUME'])).toThrow('VOLUME requires at least one argument');
    expect(() => applyChanges(base, ['  ', '# comment'])).toThrow('file with no instructions');
    expect(applyChanges(base, ['EXPOSE 8000-8002/tcp'])).toEqual({ ExposedPorts: { '8000/tcp': {}, '8001/tcp': {}, '8002/tcp': {} } });
    expect(applyChanges(base, ['HEALTHCHECK --interval=5s CMD true'])).toEqual({ Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 5e9 } });
    expect(applyChanges(base, ['HEALTHCHECK NONE'])).toEqual({ Healthcheck: { Test: ['NONE'] } });
    expect(applyChanges(base, ['ONBUILD RUN make'])).toEqual({ OnBuild: ['RUN make'] });
  });

  it('reports the builder\'s lexer and duration errors', () => {
    expect(() => applyChanges(base, ["ENV A='x"])).toThrow(`failed to process "'x": unexpected end of statement while looking for matching single-quote`);
    expect(() => applyChanges(base, ['ENV A=${X:?boom}'])).toThrow('failed to process "${X:?boom}": X: boom');
    expect(() => applyChanges(base, ['HEALTHCHECK --interval=1ns CMD true'])).toThrow('Interval "interval" cannot be less than 1ms');
    expect(() => applyChanges(base, ['HEALTHCHECK --timeout=5 CMD true'])).toThrow('time: missing unit in duration "5"');
    expect(applyChanges(base, ['HEALTHCHECK --interval=1.5s CMD true'])).toEqual({ Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 1.5e9 } });
  });
});
