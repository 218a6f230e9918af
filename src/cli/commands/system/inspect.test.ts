// `docker inspect`, `docker image inspect`, `docker container inspect`:
// expected texts follow fidelity/corpus/inspect (docker 28.2.2).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, type Harness } from '../image/harness.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));

async function setup(): Promise<Harness> {
  const h = harness(hasher, yieldTask);
  await h.docker(['pull', '-q', 'busybox']);
  return h;
}

describe('docker inspect', () => {
  it('prints one indented JSON array, as json.Indent with four spaces', async () => {
    const h = await setup();
    const raw = h.daemon.inspectImage('busybox');
    const r = await h.docker(['inspect', 'busybox']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`[\n    {\n        "Id": "${raw.Id as string}",\n        "RepoTags": [\n            "busybox:latest"\n        ],\n`)).toBe(true);
    expect(r.stdout.endsWith('\n    }\n]\n')).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual([raw]);
    // --format json: compact, one array
    expect((await h.docker(['image', 'inspect', '--format', 'json', 'busybox'])).stdout).toBe(JSON.stringify([raw]) + '\n');
    // several objects, one array
    await h.docker(['create', '--name', 'one', 'busybox']);
    const two = await h.docker(['inspect', 'one', 'busybox']);
    expect((JSON.parse(two.stdout) as Array<{ Id: string }>).map((o) => o.Id)).toEqual([h.daemon.container('one').id, raw.Id]);
  });

  it('runs templates over images', async () => {
    const h = await setup();
    const id = h.daemon.inspectImage('busybox').Id as string;
    const f = async (argv: string[]) => (await h.docker(argv)).stdout;
    expect(await f(['image', 'inspect', '--format', '{{.Config.Cmd}}', 'busybox'])).toBe('[sh]\n');
    expect(await f(['image', 'inspect', '-f', '{{json .Config.Cmd}}', 'busybox'])).toBe('["sh"]\n');
    expect(await f(['image', 'inspect', '-f', '{{index .Config.Cmd 0}}', 'busybox'])).toBe('sh\n');
    expect(await f(['inspect', '-f', '{{.Os}}/{{.Architecture}}', 'busybox'])).toBe('linux/amd64\n');
    expect(await f(['inspect', '-f', '{{range .RepoTags}}{{println .}}{{end}}', 'busybox'])).toBe('busybox:latest\n\n');
    expect(await f(['inspect', '--type', 'image', '-f', '{{join .Config.Env ";"}}', 'busybox'])).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n',
    );
    expect(await f(['inspect', '-f', '{{upper .Os}} {{len .RootFS.Layers}} {{.RootFS.Type}}', 'busybox'])).toBe('LINUX 1 layers\n');
    expect(await f(['inspect', '-f', '{{.Id}}', 'busybox'])).toBe(`${id}\n`);
    expect(await f(['image', 'inspect', '-f', '{{json .RepoTags}} {{json .Config.Entrypoint}}', 'busybox'])).toBe('["busybox:latest"] null\n');
    // sizes are Go ints; fields the JSON leaves out still have their Go zero values
    expect(await f(['inspect', '-f', '{{.Size}}', 'busybox'])).toBe('1984008\n');
    expect(await f(['inspect', '-f', '{{.Config.Volumes}} {{.Config.Labels}} {{json .Config.Labels}} {{.Config.User}}|', 'busybox'])).toBe(
      'map[] map[] null |\n',
    );
    // DockerOCIImageConfig embeds ocispec.ImageConfig and its Docker extension (as docker 28.2 prints it)
    expect(await f(['image', 'inspect', '-f', '{{.Config}}', 'busybox'])).toBe(
      '{{ map[] [PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin] [] [sh] map[]  map[]  false} {<nil> [] []}}\n',
    );
    expect(await f(['image', 'inspect', '-f', '{{json .Config}}', 'busybox'])).toBe(
      '{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh"]}\n',
    );
  });

  it('runs templates over containers', async () => {
    const h = await setup();
    const id = h.daemon.inspectImage('busybox').Id as string;
    await h.docker(['run', '-d', '--name', 'web', 'busybox', 'sleep', '1000']);
    const f = async (argv: string[]) => (await h.docker(argv)).stdout;
    expect(await f(['inspect', '-f', '{{.Name}} {{.State.Status}} {{.State.Running}}', 'web'])).toBe('/web running true\n');
    expect(await f(['inspect', '-f', '{{if eq .State.Status "running"}}up{{else}}down{{end}}', 'web'])).toBe('up\n');
    expect(await f(['inspect', '-f', '{{printf "%s is %s" .Name .State.Status}}', 'web'])).toBe('/web is running\n');
    expect(await f(['container', 'inspect', '-f', '{{upper .Config.Image}} {{lower "ABC"}}', 'web'])).toBe('BUSYBOX abc\n');
    expect(await f(['inspect', '-f', '{{json .Config.Cmd}} {{join .Config.Cmd "+"}}', 'web'])).toBe('["sleep","1000"] sleep+1000\n');
    expect(await f(['inspect', '-f', '{{json .HostConfig.RestartPolicy}}', 'web'])).toBe('{"Name":"no","MaximumRetryCount":0}\n');
    expect(await f(['inspect', '-f', '{{.Config.ExposedPorts}} {{.State.Health}}', 'web'])).toBe('map[] <nil>\n');
    await h.docker(['stop', '-t', '0', 'web']);
    expect(await f(['inspect', '-f', '{{.State.Status}} {{.State.ExitCode}} {{if .State.Running}}running{{else}}not running{{end}}', 'web'])).toBe(
      'exited 137 not running\n',
    );
    expect(await f(['inspect', '-f', '{{.RestartCount}} {{.Config.Image}} {{.Image}}', 'web'])).toBe(`0 busybox ${id}\n`);
    expect(await f(['container', 'inspect', '-s', '-f', '{{.SizeRw}} {{.SizeRootFs}}', 'web'])).toBe('0 1984008\n');
    expect(await f(['inspect', '-f', '{{.SizeRw}}', 'web'])).toBe('<nil>\n');
  });

  it('prints what it found, then every error; exit status 1', async () => {
    const h = await setup();
    await h.docker(['create', '--name', 'one', 'busybox']);
    await h.docker(['create', '--name', 'two', 'busybox']);
    expect(await h.docker(['inspect', '-f', '{{.Name}}', 'one', 'two'])).toEqual({ stdout: '/one\n/two\n', stderr: '', status: 0 });
    expect(await h.docker(['inspect', 'nosuch'])).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: nosuch\n', status: 1 });
    expect(await h.docker(['inspect', '-f', '{{.Name}}', 'one', 'nosuch'])).toEqual({
      stdout: '/one\n',
      stderr: 'Error: No such object: nosuch\n',
      status: 1,
    });
    expect(await h.docker(['inspect', '-f', '{{.Id}}', 'IMAGE'])).toEqual({ stdout: '\n', stderr: 'Error: No such object: IMAGE\n', status: 1 });
    expect(await h.docker(['inspect', 'a', 'b'])).toEqual({
      stdout: '[]\n',
      stderr: 'Error: No such object: a\nError: No such object: b\n',
      status: 1,
    });
    expect(await h.docker(['container', 'inspect', 'busybox'])).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: busybox\n',
      status: 1,
    });
    expect(await h.docker(['image', 'inspect', 'nosuch'])).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such image: nosuch:latest\n',
      status: 1,
    });
    expect(await h.docker(['image', 'inspect', ''])).toEqual({ stdout: '[]\n', stderr: 'Error: No such image: \n', status: 1 });
    expect(await h.docker(['inspect', ''])).toEqual({
      stdout: '[]\n',
      stderr: 'invalid container name or ID: value is empty\n',
      status: 1,
    });
    expect(await h.docker(['inspect', 'Bad Name'])).toEqual({ stdout: '[]\n', stderr: 'Error: No such object: Bad Name\n', status: 1 });
  });

  it('reports template errors: the raw JSON fallback, and parse errors with status 64', async () => {
    const h = await setup();
    await h.docker(['create', '--name', 'one', 'busybox']);
    expect(await h.docker(['inspect', '-f', '{{.Nosuch}}', 'one'])).toEqual({
      stdout: '\n',
      stderr: 'template parsing error: template: :1:2: executing "" at <.Nosuch>: map has no entry for key "Nosuch"\n',
      status: 1,
    });
    expect(await h.docker(['inspect', '-f', '{{.State.Status', 'one'])).toEqual({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      status: 64,
    });
  });

  it('honours --type', async () => {
    const h = await setup();
    const types = '"config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"';
    expect(await h.docker(['inspect', '--type', '', 'x'])).toEqual({ stdout: '', stderr: `type is empty: must be one of ${types}\n`, status: 1 });
    expect(await h.docker(['inspect', '--type', 'foo', 'x'])).toEqual({
      stdout: '',
      stderr: `unknown type: "foo": must be one of ${types}\n`,
      status: 1,
    });
    expect(await h.docker(['inspect', '--type', 'container', 'busybox'])).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such container: busybox\n',
      status: 1,
    });
    expect(await h.docker(['inspect', '--type', 'network', 'x'])).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: network x not found\n',
      status: 1,
    });
    expect(await h.docker(['inspect', '--type', 'volume', 'x'])).toEqual({
      stdout: '[]\n',
      stderr: 'Error response from daemon: get x: no such volume\n',
      status: 1,
    });
    expect(await h.docker(['inspect', '--type', 'node', 'x'])).toEqual({
      stdout: '[]\n',
      stderr:
        'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
      status: 1,
    });
    const sized = await h.docker(['inspect', '-s', '-f', '{{.Os}}', 'busybox']);
    expect(sized).toEqual({ stdout: 'linux\n', stderr: 'WARNING: --size ignored for image\n', status: 0 });
  });
});

describe('docker inspect JSON', () => {
  it('sorts the keys of maps, as the daemon encodes them', async () => {
    const h = await setup();
    await h.docker(['run', '--name', 'cc', 'busybox', 'true']);
    await h.docker(['commit', '-c', 'LABEL zeta=1 alpha=2', '-c', 'EXPOSE 80 53/udp', 'cc', 'img']);
    const out = (await h.docker(['image', 'inspect', 'img'])).stdout;
    expect(out).toContain('            "ExposedPorts": {\n                "53/udp": {},\n                "80/tcp": {}\n            },');
    expect(out).toContain('            "Labels": {\n                "alpha": "2",\n                "zeta": "1"\n            }');
  });
});
